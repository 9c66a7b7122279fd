"""The demo's awards go through the services with the demo users as actors."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from awards.models import Decision, Nomination
from phongquang_portal.core.counters import counter_peek
from phongquang_portal.core.models import ActivityLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo):
    """The demo commune (built once per test process, tests/demo_world.py)."""


def test_demo_decisions_and_history_through_the_services(seeded):
    decided_2025 = Decision.objects.get(campaign__year=2025)
    assert (decided_2025.number, decided_2025.year) == ("215", 2025)
    decided_2026 = Decision.objects.get(campaign__year=2026)
    assert decided_2026.campaign.copied_from == decided_2025.campaign
    assert counter_peek("awards.decision.2025") == 216
    numbers = list(
        Nomination.objects.filter(campaign__year=2025)
        .exclude(golden_book_number="")
        .order_by("golden_book_number")
        .values_list("golden_book_number", flat=True)
    )
    assert numbers == [f"2025/{n:03d}" for n in range(1, len(numbers) + 1)]
    # A real history: every awards entry has its demo user as actor, except a
    # secret ballot's, which names neither the voter nor the dossier (issue 17).
    types = ContentType.objects.filter(app_label="awards")
    entries = ActivityLog.objects.filter(content_type__in=types)
    assert entries.filter(action="awards.nomination.approved").exists()
    secret = entries.filter(action="awards.ballot.cast_secret")
    assert secret.exists()
    assert not secret.filter(actor__isnull=False).exists()
    assert set(secret.values_list("content_type__model", flat=True)) == {
        "councilmeeting"
    }
    assert (
        not entries.exclude(action="awards.ballot.cast_secret")
        .filter(actor__isnull=True)
        .exists()
    )
    approvers = set(
        entries.filter(action="awards.nomination.approved").values_list(
            "actor__username", flat=True
        )
    )
    assert approvers == {"chutich"}


def test_demo_is_idempotent(seeded):
    before = (Decision.objects.count(), Nomination.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Decision.objects.count(), Nomination.objects.count()) == before


def _flat(text):
    return " ".join(text.split())


def test_demo_2026_documents_frozen_and_citing_only_real_texts(seeded):
    """Issue 9: the copied campaign's decision and tờ trình cited "152/2026/NĐ-CP",
    "749/QĐ-TTg … đến năm 2026" and "giai đoạn 2021 - 2026"."""
    from awards import exports
    from tests.awards.test_pdfs import pdf_text

    for decision in Decision.objects.all():
        kinds = set(decision.documents.values_list("kind", flat=True))
        assert kinds == {
            "decision_pdf",
            "certificates_pdf",
            "certificates_blank_pdf",
            "decision_xlsx",
        }
    decision = Decision.objects.get(campaign__year=2026)
    text = _flat(pdf_text(decision.documents.get(kind="decision_pdf").read_bytes()))
    nomination = Nomination.objects.filter(
        campaign__year=2026, proposing_unit__kind="hamlet"
    ).first()
    to_trinh = _flat(pdf_text(exports.to_trinh_pdf(nomination)))
    for document in (text, to_trinh):
        for wrong in ("152/2026/NĐ-CP", "đến năm 2026", "2021 - 2026", "/2026/QH15"):
            assert wrong not in document
        assert "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025" in document
        assert "Căn cứ Kế hoạch số 05/KH-UBND ngày 12/01/2026" in document
    assert "Luật Tổ chức chính quyền địa phương số 72/2025/QH15" in text
    # Signed 03/09/2026: the base salary from 01/7/2026.
    assert "2.530.000 đồng theo Nghị định số 161/2026/NĐ-CP" in text
    campaign = decision.campaign
    assert campaign.review_items.filter(done=True).exists()
    open_items = campaign.review_items.filter(done=False)
    assert open_items.filter(field="title", text__contains="năm 2025").exists()


def test_demo_council_votes_by_ballot_member_by_member(seeded):
    """Issue 10: the demo's meetings go through attendance, ballots and closing."""
    from awards.models import CouncilMeeting, SecretBallotReceipt, WrittenOpinion
    from units.enums import Role
    from units.models import Membership

    meetings = CouncilMeeting.objects.order_by("held_on")
    assert [(m.held_on.isoformat(), m.state, m.ballot_mode) for m in meetings] == [
        ("2025-12-18", "closed", "secret"),
        ("2026-09-01", "closed", "open"),
        ("2026-11-20", "closed", "secret"),
        # The next one is called for the day the demo was loaded (DEMO_DAY here).
        ("2026-12-02", "preparing", "secret"),
    ]
    assert not meetings.filter(typed_tallies=True).exists()
    chair = Membership.objects.get(role=Role.COUNCIL_CHAIR).user
    assert {m.chair for m in meetings.filter(state="closed")} == {chair}
    assert Membership.objects.filter(role=Role.COUNCIL).count() == 9
    voted = ActivityLog.objects.filter(action="awards.nomination.voted")
    assert voted.exists()
    assert {e.actor.username for e in voted} == {"hoidong1"}
    # hoidong3 lives in Cốc Lùng: he cast no ballot on what the hamlet proposes.
    coc_lung = Nomination.objects.get(
        campaign__year=2026, nominee_unit__name__endswith="thôn Cốc Lùng"
    )
    assert not SecretBallotReceipt.objects.filter(
        nomination=coc_lung, member__username="hoidong3"
    ).exists()
    assert (coc_lung.votes_for, coc_lung.members_present) == (5, 6)
    assert WrittenOpinion.objects.filter(member__username="hoidong9").exists()


def test_demo_plans_have_numbers_and_dates_and_the_2025_decision_cites_it(seeded):
    from awards.decisions.services import decision_documents_ensure
    from tests.awards.helpers import nfc
    from tests.awards.test_pdfs import pdf_text

    decision = Decision.objects.get(campaign__year=2025)
    assert decision.campaign.plan_known
    assert (decision.campaign.plan_number, decision.campaign.plan_date) == (
        "27/KH-UBND",
        datetime.date(2025, 11, 14),
    )
    assert decision.snapshot["campaign"]["plan_citation"].startswith(
        "Kế hoạch số 27/KH-UBND ngày 14/11/2025"
    )
    pdf = decision_documents_ensure(decision)["decision_pdf"].read_bytes()
    assert "Kế hoạch số 27/KH-UBND ngày 14/11/2025" in " ".join(
        nfc(pdf_text(pdf)).split()
    )
    assert decision.award_kind.campaign.plan_known
