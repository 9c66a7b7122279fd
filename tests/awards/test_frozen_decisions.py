"""Issued means frozen (issue 9): the documents are rendered once and served as stored.

Cases of the issue: an issued decision was re-rendered at every download from
today's settings; the base salary was one global number; a mistake could only
be "corrected" by editing.
"""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.decisions.services import decision_replace
from awards.documents import snapshot_rows
from awards.enums import DecisionDocumentKind
from awards.kinds.services import base_salary_add
from awards.models import BaseSalary, Decision
from campaigns.models import LegalDocument
from phongquang_portal.core.activity import history_for
from tests.factories import PersonFactory, UnitFactory, user_with_role
from units.enums import Role

from .helpers import issue, nfc
from .test_pdfs import pdf_text

pytestmark = pytest.mark.django_db

DOWNLOADS = (
    "awards:decision_pdf",
    "awards:certificates_pdf",
    "awards:certificates_blank_pdf",
    "awards:decision_xlsx",
)


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def person(plan):
    return PersonFactory(full_name="Hoàng Thị Huyền", unit=UnitFactory())


@pytest.fixture
def decision(make_nomination, person, giay_khen, chairman, office_user):
    from .factories import NominationFactory

    nominations = [
        make_nomination("unit"),
        NominationFactory(
            award_kind=giay_khen,
            nominee_unit=None,
            nominee_person=person,
            proposing_unit=person.unit,
        ),
        make_nomination("household"),
    ]
    return issue(nominations, chairman=chairman, office=office_user)


def decree(number="99/2026/NĐ-CP"):
    return LegalDocument.objects.create(
        kind="decree",
        number=number,
        issued_on=datetime.date(2026, 5, 1),
        issuer="Chính phủ",
        title="quy định mức lương cơ sở",
    )


def test_issued_downloads_are_byte_identical_after_salary_and_name_change(
    client, decision, person, office_user
):
    client.force_login(office_user)
    before = {
        name: body(client.get(reverse(name, args=[decision.pk]))) for name in DOWNLOADS
    }
    base_salary_add(
        amount=2_530_000,
        effective_from=datetime.date(2025, 1, 1),
        legal_document=decree(),
        actor=office_user,
        reason="Nghị định mới về mức lương cơ sở.",
    )
    person.full_name = "Hoàng Thị Huyền Trang"
    person.save()

    after = {
        name: body(client.get(reverse(name, args=[decision.pk]))) for name in DOWNLOADS
    }

    assert after == before
    assert "Hoàng Thị Huyền Trang" not in pdf_text(after["awards:decision_pdf"])
    assert "2.340.000" in pdf_text(after["awards:decision_pdf"])


def test_issue_stores_four_documents_with_their_sha256(client, decision, office_user):
    stored = {doc.kind: doc for doc in decision.documents.all()}
    assert set(stored) == {
        DecisionDocumentKind.DECISION_PDF,
        DecisionDocumentKind.CERTIFICATES_PDF,
        DecisionDocumentKind.CERTIFICATES_BLANK_PDF,
        DecisionDocumentKind.DECISION_XLSX,
    }
    for doc in stored.values():
        assert hashlib.sha256(doc.read_bytes()).hexdigest() == doc.sha256
    client.force_login(office_user)
    response = client.get(reverse("awards:decision_pdf", args=[decision.pk]))
    assert response["X-Content-SHA256"] == stored["decision_pdf"].sha256
    assert body(response) == stored["decision_pdf"].read_bytes()


def test_snapshot_keeps_the_figures_used(decision, chairman):
    snapshot = decision.snapshot
    assert snapshot["base_salary"]["amount"] == 2_340_000
    assert snapshot["base_salary"]["legal_document_number"] == "73/2024/NĐ-CP"
    assert snapshot["award"]["multipliers"] == {
        "individual": "0.30",
        "collective": "0.60",
        "household": "1.50",
    }
    rows = snapshot_rows(snapshot)
    assert [r.prize_amount for r in rows] == [1_410_000, 710_000, 1_060_000]
    assert [r.category_label for r in rows] == ["Tập thể", "Cá nhân", "Hộ gia đình"]
    assert [r.golden_book_number for r in rows] == ["2025/001", "2025/002", "2025/003"]
    assert all(r.verify_code for r in rows)
    assert snapshot["signer"]["title"] == "CHỦ TỊCH"
    assert snapshot["signer"]["user"] == chairman.pk


def test_blank_offsets_render_from_the_frozen_snapshot_not_live_data(
    client, decision, person, office_user
):
    person.full_name = "Tên Đã Đổi"
    person.save()
    client.force_login(office_user)
    response = client.get(
        reverse("awards:certificates_blank_pdf", args=[decision.pk]) + "?dx=3&dy=-2"
    )
    text = pdf_text(response.content)
    assert "Hoàng Thị Huyền" in text
    assert "Tên Đã Đổi" not in text
    stored = decision.documents.get(kind="certificates_blank_pdf").read_bytes()
    assert response.content != stored


# --- Dated money rules ----------------------------------------------------------------


def test_prize_follows_the_base_salary_in_force_on_the_decision_date(
    make_nomination, chairman, office_user
):
    base_salary_add(
        amount=2_530_000,
        effective_from=datetime.date(2025, 12, 1),
        legal_document=decree(),
        actor=office_user,
        reason="Nghị định mới về mức lương cơ sở.",
    )
    before = issue(
        [make_nomination("person")],
        chairman=chairman,
        office=office_user,
        number="7",
        signed_on=datetime.date(2025, 11, 30),
    )
    after = issue(
        [make_nomination("person")],
        chairman=chairman,
        office=office_user,
        number="8",
        signed_on=datetime.date(2025, 12, 1),
    )
    # 0.3 × 2,340,000 = 702,000 → 710,000; 0.3 × 2,530,000 = 759,000 → 760,000
    assert snapshot_rows(before.snapshot)[0].prize_amount == 710_000
    assert snapshot_rows(after.snapshot)[0].prize_amount == 760_000
    assert after.snapshot["base_salary"]["legal_document_number"] == "99/2026/NĐ-CP"
    assert "2.530.000" in pdf_text(
        after.documents.get(kind="decision_pdf").read_bytes()
    )


def test_base_salary_seeded_from_decree_73_2024(plan):
    row = BaseSalary.in_force_on(datetime.date(2025, 1, 1))
    assert (row.amount, row.effective_from) == (2_340_000, datetime.date(2024, 7, 1))
    assert row.legal_document.number == "73/2024/NĐ-CP"


def test_base_salary_from_1_july_2026_shipped_with_the_plan(plan):
    row = BaseSalary.in_force_on(datetime.date(2026, 7, 1))
    assert (row.amount, row.effective_from) == (2_530_000, datetime.date(2026, 7, 1))
    assert row.legal_document.number == "161/2026/NĐ-CP"
    assert row.legal_document.issued_on == datetime.date(2026, 5, 15)
    assert BaseSalary.in_force_on(datetime.date(2026, 6, 30)).amount == 2_340_000


@pytest.mark.parametrize(
    ("signed_on", "base", "prize", "decree_number"),
    [
        # 0.3 × 2,530,000 = 759,000 → 760,000
        (datetime.date(2026, 12, 7), 2_530_000, 760_000, "161/2026/NĐ-CP"),
        # the day before: 0.3 × 2,340,000 = 702,000 → 710,000
        (datetime.date(2026, 6, 30), 2_340_000, 710_000, "73/2024/NĐ-CP"),
    ],
)
def test_decision_uses_the_base_salary_in_force_on_its_signing_day(
    make_nomination, chairman, office_user, signed_on, base, prize, decree_number
):
    decision = issue(
        [make_nomination("person")],
        chairman=chairman,
        office=office_user,
        signed_on=signed_on,
    )
    assert decision.snapshot["base_salary"]["amount"] == base
    assert decision.snapshot["base_salary"]["legal_document_number"] == decree_number
    assert snapshot_rows(decision.snapshot)[0].prize_amount == prize
    text = pdf_text(decision.documents.get(kind="decision_pdf").read_bytes())
    assert f"{base:,}".replace(",", ".") in text
    assert decree_number in nfc(text)


def test_decision_before_any_base_salary_is_refused(
    make_nomination, chairman, office_user
):
    with pytest.raises(ValidationError) as refused:
        issue(
            [make_nomination("unit")],
            chairman=chairman,
            office=office_user,
            signed_on=datetime.date(2024, 6, 30),
        )
    assert refused.value.code == "no_base_salary"


def test_base_salary_add_is_logged_and_checked(office_user, hamlet_head):
    row = base_salary_add(
        amount=2_530_000,
        effective_from=datetime.date(2027, 1, 1),
        legal_document=decree(),
        actor=office_user,
        reason="Nghị định mới.",
    )
    entry = history_for(row).get()
    assert (entry.action, entry.actor, entry.reason) == (
        "awards.base_salary.added",
        office_user,
        "Nghị định mới.",
    )
    cases = [
        (
            {"amount": 2_530_000, "effective_from": datetime.date(2027, 1, 1)},
            "base_salary_date_taken",
        ),
        (
            {"amount": 99, "effective_from": datetime.date(2027, 7, 1)},
            "base_salary_range",
        ),
        (
            {
                "amount": 2_600_000,
                "effective_from": datetime.date(2027, 7, 1),
                "reason": " ",
            },
            "reason_required",
        ),
        (
            {
                "amount": 2_600_000,
                "effective_from": datetime.date(2027, 7, 1),
                "actor": hamlet_head,
            },
            "permission_denied",
        ),
    ]
    for overrides, code in cases:
        kwargs = {
            "legal_document": row.legal_document,
            "actor": office_user,
            "reason": "Nghị định mới.",
            **overrides,
        }
        with pytest.raises(ValidationError) as refused:
            base_salary_add(**kwargs)
        assert refused.value.code == code


def test_base_salary_admin_add_goes_through_the_service(client, office_user, plan):
    client.force_login(office_user)
    document = decree()
    response = client.post(
        reverse("admin:awards_basesalary_add"),
        {
            "amount": "2700000",
            "effective_from": "01/01/2027",
            "legal_document": document.pk,
            "reason": "Nghị định 99/2026/NĐ-CP (thử).",
        },
    )
    assert response.status_code == 302
    row = BaseSalary.objects.get(effective_from=datetime.date(2027, 1, 1))
    assert row.created_by == office_user
    assert history_for(row).get().action == "awards.base_salary.added"
    # Rows are never edited.
    change = client.get(reverse("admin:awards_basesalary_change", args=[row.pk]))
    assert b'name="amount"' not in change.content


# --- A mistake is corrected by a replacing decision ------------------------------------


def test_replacement_keeps_both_linked_and_logged(
    client, decision, person, office_user, django_capture_on_commit_callbacks
):
    old_pdf = decision.documents.get(kind="decision_pdf").read_bytes()
    old_code = snapshot_rows(decision.snapshot)[1].verify_code
    person.full_name = "Hoàng Thị Huyền Trang"
    person.save()

    # The documents are rendered once the replacement commits.
    with django_capture_on_commit_callbacks(execute=True):
        new = decision_replace(
            decision=decision,
            signed_on=datetime.date(2025, 12, 22),
            actor=office_user,
            reason="Sửa họ tên cá nhân.",
        )

    decision.refresh_from_db()
    assert decision.replacement == new and new.replaces == decision
    assert decision.documents.get(kind="decision_pdf").read_bytes() == old_pdf
    text = pdf_text(new.documents.get(kind="decision_pdf").read_bytes())
    assert "Hoàng Thị Huyền Trang" in text
    assert "thay thế Quyết định số 05/QĐ-UBND ngày 20/12/2025" in text
    assert set(new.nominations.values_list("pk", flat=True)) == {
        r.nomination for r in snapshot_rows(decision.snapshot)
    }
    assert [r.golden_book_number for r in snapshot_rows(new.snapshot)] == [
        "2025/001",
        "2025/002",
        "2025/003",
    ]
    assert history_for(decision).filter(action="awards.decision.replaced").exists()
    client.force_login(office_user)
    page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    assert "đã được thay thế" in nfc(page.content.decode())
    verify = client.get(reverse("verify:certificate", args=[old_code]))
    assert "đã được thay thế" in nfc(verify.content.decode())


def test_replacement_refused_twice_or_dated_before(decision, office_user):
    with pytest.raises(ValidationError) as refused:
        decision_replace(
            decision=decision,
            signed_on=datetime.date(2025, 12, 19),
            actor=office_user,
            reason="Sửa.",
        )
    assert refused.value.code == "replacement_date"
    decision_replace(
        decision=decision,
        signed_on=datetime.date(2025, 12, 21),
        actor=office_user,
        reason="Sửa.",
    )
    with pytest.raises(ValidationError) as refused:
        decision_replace(
            decision=Decision.objects.get(pk=decision.pk),
            signed_on=datetime.date(2025, 12, 22),
            actor=office_user,
            reason="Sửa lần nữa.",
        )
    assert refused.value.code in ("already_replaced", "permission_denied")


def test_replace_view_issues_the_new_decision(client, decision, office_user):
    client.force_login(office_user)
    response = client.post(
        reverse("awards:decision_replace", args=[decision.pk]),
        {
            "signed_on": "2025-12-23",
            "confirm_date": "on",
            "reason": "Sửa người ký.",
            "number": "",
        },
    )
    new = Decision.objects.get(replaces=decision)
    assert response.status_code == 302
    assert response["Location"] == new.get_absolute_url()


def test_decision_is_never_edited_in_the_admin(client, decision, office_user):
    client.force_login(office_user)
    url = reverse("admin:awards_decision_change", args=[decision.pk])
    client.post(url, {"number": "99"})
    decision.refresh_from_db()
    assert decision.number == "5"


# --- Who signs -----------------------------------------------------------------------


def test_vice_chairman_signs_kt_chu_tich(make_nomination, chairman, office_user):
    vice = user_with_role(Role.VICE_CHAIRMAN, username="phochutich_test")
    decision = issue(
        [make_nomination("unit")], chairman=chairman, office=office_user, signer=vice
    )
    assert (decision.signer_authority, decision.signer_title) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
    for kind in ("decision_pdf", "certificates_pdf"):
        text = pdf_text(decision.documents.get(kind=kind).read_bytes())
        assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text, kind
        assert f"{vice.last_name} {vice.first_name}" in text


def test_signer_without_leader_role_refused(make_nomination, chairman, office_user):
    with pytest.raises(ValidationError) as refused:
        issue(
            [make_nomination("unit")],
            chairman=chairman,
            office=office_user,
            signer=office_user,
        )
    assert refused.value.code == "signer_role"


def test_decision_form_offers_chairman_and_vice_chairmen(
    client, plan, office_user, chairman
):
    vice = user_with_role(Role.VICE_CHAIRMAN, username="phochutich_test")
    client.force_login(office_user)
    page = client.get(reverse("awards:decisions") + f"?campaign={plan.pk}")
    form = page.context["form"]
    assert set(form.fields["signer"].queryset) == {chairman, vice}


def test_issue_refused_for_a_household_without_the_heads_sex(
    make_nomination, chairman, office_user
):
    nomination = make_nomination("household")
    nomination.nominee_household.head_sex = ""
    nomination.nominee_household.save()
    with pytest.raises(ValidationError) as refused:
        issue([nomination], chairman=chairman, office=office_user)
    assert refused.value.code == "household_sex"
    # Documents print "Chủ hộ: <name>": the refusal no longer speaks of "Hộ ông/bà".
    message = " ".join(refused.value.messages)
    assert "Hộ ông" not in message and "Hộ bà" not in message
    assert nomination.nominee_household.head_name in message
    assert services.Nomination.objects.get(pk=nomination.pk).state == "approved"


def test_a_decision_issued_before_documents_were_kept_is_frozen_once(
    client, decision, office_user
):
    from awards.models import DecisionDocument

    DecisionDocument.objects.filter(decision=decision).delete()
    Decision.objects.filter(pk=decision.pk).update(snapshot={})
    client.force_login(office_user)

    first = body(client.get(reverse("awards:decision_pdf", args=[decision.pk])))
    second = body(client.get(reverse("awards:decision_pdf", args=[decision.pk])))

    assert first == second
    decision.refresh_from_db()
    assert decision.snapshot["awardees"]
    assert decision.documents.count() == 4
    assert history_for(decision).filter(action="awards.decision.frozen").count() == 1
    page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    assert page.status_code == 200
