"""Issue 11 in the awards app: dated extensions of the dossier deadline (and the rule
for returned dossiers), the nomination form's banner, kept document type and
optional previous-award rows, and exemplary models cited in the report."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.citations import nomination_models_cite
from awards.enums import NominationState
from awards.extensions import (
    dossier_due_items,
    dossier_extension_grant,
    dossier_extension_revoke,
)
from awards.services import nomination_return, nomination_submit
from exemplars.services import exemplar_create, exemplar_recognise
from phongquang_portal.core.models import ActivityLog
from tests.factories import UnitFactory, unit_head
from tests.pdfcheck import pdf_lines

from .factories import TINY_PDF

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db

BEFORE = datetime.datetime(2025, 12, 10, 9, 0, tzinfo=VN)
AFTER = datetime.datetime(2025, 12, 17, 9, 0, tzinfo=VN)


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def returned(draft, hamlet_head, office_user):
    """A dossier submitted and returned for supplement before the deadline."""
    with at(BEFORE):
        nomination_submit(nomination=draft, actor=hamlet_head)
        nomination_return(
            nomination=draft, actor=office_user, reason="Bổ sung biên bản có chữ ký."
        )
    return draft


# --- Extensions and returned dossiers ------------------------------------------------


def test_returned_before_deadline_resubmitted_after_it_with_extension_accepted(
    returned, giay_khen, hamlet, hamlet_head, office_user
):
    with at(AFTER):
        dossier_extension_grant(
            award_kind=giay_khen,
            unit=hamlet,
            until=datetime.date(2025, 12, 20),
            reason="Thôn bổ sung biên bản họp xét.",
            actor=office_user,
        )
        nomination_submit(nomination=returned, actor=hamlet_head)

    assert returned.state == NominationState.SUBMITTED
    entry = ActivityLog.objects.get(action="awards.extension.granted")
    assert (entry.actor, entry.reason) == (
        office_user,
        "Thôn bổ sung biên bản họp xét.",
    )


def test_returned_dossier_follows_the_deadline_without_extension(returned, hamlet_head):
    """The rule: a returned dossier has the same deadline as a new one."""
    with at(AFTER), pytest.raises(ValidationError) as refused:
        nomination_submit(nomination=returned, actor=hamlet_head)
    assert refused.value.code == "deadline_passed"
    assert "gia hạn cho đơn vị" in refused.value.messages[0]


def test_extension_ends_with_its_day(
    returned, giay_khen, hamlet, hamlet_head, office_user
):
    with at(AFTER):
        dossier_extension_grant(
            award_kind=giay_khen,
            unit=hamlet,
            until=datetime.date(2025, 12, 18),
            reason="Gia hạn.",
            actor=office_user,
        )
    with (
        at(datetime.datetime(2025, 12, 19, 0, 0, 1, tzinfo=VN)),
        pytest.raises(ValidationError) as refused,
    ):
        nomination_submit(nomination=returned, actor=hamlet_head)
    assert refused.value.code == "deadline_passed"
    assert "18/12/2025" in refused.value.messages[0]


def test_extension_for_another_unit_or_award_does_not_apply(
    returned, giay_khen, plan, hamlet_head, office_user
):
    other = UnitFactory(name="Thôn Khác")
    bang_khen = plan.award_kinds.get(code="bang_khen_tinh")
    with at(AFTER):
        dossier_extension_grant(
            award_kind=giay_khen,
            unit=other,
            until=datetime.date(2025, 12, 20),
            reason="Gia hạn.",
            actor=office_user,
        )
        dossier_extension_grant(
            award_kind=bang_khen,
            unit=returned.proposing_unit,
            until=datetime.date(2025, 12, 20),
            reason="Gia hạn.",
            actor=office_user,
        )
        with pytest.raises(ValidationError) as refused:
            nomination_submit(nomination=returned, actor=hamlet_head)
    assert refused.value.code == "deadline_passed"


def test_withdrawn_extension_no_longer_applies(
    returned, giay_khen, hamlet, hamlet_head, office_user
):
    with at(AFTER):
        extension = dossier_extension_grant(
            award_kind=giay_khen,
            unit=hamlet,
            until=datetime.date(2025, 12, 20),
            reason="Gia hạn.",
            actor=office_user,
        )
        dossier_extension_revoke(extension=extension, reason="Nhầm.", actor=office_user)
        with pytest.raises(ValidationError) as refused:
            nomination_submit(nomination=returned, actor=hamlet_head)
    assert refused.value.code == "deadline_passed"
    assert ActivityLog.objects.filter(action="awards.extension.revoked").exists()


@pytest.mark.parametrize(
    ("code_kind", "until", "reason", "code"),
    [
        ("giay_khen_xa", datetime.date(2025, 12, 15), "Lý do.", "extension_not_later"),
        ("giay_khen_xa", datetime.date(2026, 3, 1), "Lý do.", "extension_too_long"),
        ("giay_khen_xa", datetime.date(2025, 12, 20), " ", "reason_required"),
        ("dot_xuat", datetime.date(2025, 12, 20), "Lý do.", "not_deadline_bound"),
    ],
)
def test_extension_refusals_have_codes(
    plan, hamlet, office_user, code_kind, until, reason, code
):
    with pytest.raises(ValidationError) as refused:
        dossier_extension_grant(
            award_kind=plan.award_kinds.get(code=code_kind),
            unit=hamlet,
            until=until,
            reason=reason,
            actor=office_user,
        )
    assert refused.value.code == code


def test_only_the_office_extends_the_dossier_deadline(giay_khen, hamlet, hamlet_head):
    with pytest.raises(ValidationError) as refused:
        dossier_extension_grant(
            award_kind=giay_khen,
            unit=hamlet,
            until=datetime.date(2025, 12, 20),
            reason="Lý do.",
            actor=hamlet_head,
        )
    assert refused.value.code == "permission_denied"


def test_extensions_page_grants_and_the_unit_sees_it(
    client, plan, giay_khen, hamlet, hamlet_head, office_user, returned
):
    client.force_login(office_user)
    response = client.post(
        reverse("awards:extensions") + f"?campaign={plan.pk}",
        {
            "award_kind": giay_khen.pk,
            "unit": hamlet.pk,
            "until": "2025-12-22",
            "reason": "Thôn bổ sung hồ sơ.",
        },
    )
    assert response.status_code == 302
    listing = client.get(reverse("awards:extensions") + f"?campaign={plan.pk}")
    assert "Thôn bổ sung hồ sơ." in listing.content.decode()

    client.force_login(hamlet_head)
    with at(AFTER):
        page = client.get(returned.get_absolute_url()).content.decode()
    assert "gia hạn nộp hồ sơ cho đơn vị đến hết ngày 22/12/2025" in page


def test_return_after_the_deadline_suggests_an_extension(
    client, draft, hamlet_head, office_user
):
    with at(BEFORE):
        nomination_submit(nomination=draft, actor=hamlet_head)
    client.force_login(office_user)
    with at(AFTER):
        response = client.post(
            reverse("awards:return", args=[draft.pk]),
            {"reason": "Bổ sung biên bản."},
            follow=True,
        )
    assert "Đã quá hạn nộp hồ sơ: đơn vị chỉ nộp lại được nếu Phòng gia hạn" in (
        response.content.decode()
    )


def test_due_items_show_the_dossier_deadline_and_extensions(
    plan, giay_khen, hamlet, hamlet_head, office_user
):
    with at(BEFORE):
        items = dossier_due_items(hamlet_head, plan)
        assert {(i.label, i.due_on) for i in items} == {
            ("Giấy khen của Chủ tịch UBND xã", datetime.date(2025, 12, 15)),
            ("Bằng khen của Chủ tịch UBND tỉnh", datetime.date(2025, 12, 15)),
        }
        dossier_extension_grant(
            award_kind=giay_khen,
            unit=hamlet,
            until=datetime.date(2025, 12, 19),
            reason="Gia hạn.",
            actor=office_user,
        )
    with at(AFTER):
        items = dossier_due_items(hamlet_head, plan)
    assert [(i.label, i.due_on, i.extended) for i in items] == [
        ("Giấy khen của Chủ tịch UBND xã", datetime.date(2025, 12, 19), True)
    ]


# --- The nomination form ---------------------------------------------------------------


def test_nomination_form_shows_an_error_banner_at_the_top(client, plan, hamlet_head):
    client.force_login(hamlet_head)
    response = client.post(
        reverse("awards:create") + f"?campaign={plan.pk}",
        {"prior-TOTAL_FORMS": "2", "prior-INITIAL_FORMS": "0"},
    )
    page = response.content.decode()
    banner = page.find('id="form-errors"')
    assert banner != -1
    assert banner < page.find('name="award_kind"')
    assert "Hồ sơ chưa được lưu: một số nội dung cần sửa." in page
    assert 'href="#id_achievements"' in page


def test_document_type_stays_chosen_after_an_upload(client, draft, hamlet_head):
    client.force_login(hamlet_head)
    response = client.post(
        reverse("awards:attachment_add", args=[draft.pk]),
        {
            "kind": "khac",
            "file": SimpleUploadedFile(
                "anh.pdf", TINY_PDF, content_type="application/pdf"
            ),
        },
    )
    assert response["Location"].endswith("?kind=khac#attachment-form")
    page = client.get(response["Location"].split("#")[0]).content.decode()
    select = re.search(r'<select name="kind".*?</select>', page, re.S).group(0)
    assert re.search(r'<option value="(\w+)" selected>', select).group(1) == "khac"


def test_previous_award_rows_do_not_mark_year_required(client, plan, hamlet_head):
    client.force_login(hamlet_head)
    page = client.get(
        reverse("awards:create") + f"?campaign={plan.pk}"
    ).content.decode()
    block = page[page.find("prior-award") :]
    year_label = re.search(
        r'<label\s+for="id_prior-0-year"[^>]*>(.*?)</label>', block, re.S
    )
    assert year_label.group(1).strip() == "Năm"
    year_input = re.search(r'<input[^>]*name="prior-0-year"[^>]*>', block).group(0)
    assert "required" not in year_input


def test_previous_award_row_with_a_title_needs_its_year(
    client, plan, hamlet, hamlet_head
):
    client.force_login(hamlet_head)
    response = client.post(
        reverse("awards:create") + f"?campaign={plan.pk}",
        {
            "award_kind": plan.award_kinds.get(code="giay_khen_xa").pk,
            "proposing_unit": hamlet.pk,
            "nominee_type": "unit",
            "nominee": f"unit:{hamlet.pk}",
            "achievements": "Thành tích.",
            "prior-TOTAL_FORMS": "2",
            "prior-INITIAL_FORMS": "0",
            "prior-0-title": "Giấy khen năm trước",
        },
    )
    assert response.status_code == 200
    assert "Hãy nhập năm được khen thưởng." in response.content.decode()


# --- Exemplary models cited in the achievement report ------------------------------------


@pytest.fixture
def recognised_model(plan, hamlet, office_user):
    model = exemplar_create(
        campaign=plan,
        unit=hamlet,
        actor=office_user,
        name="Tổ công nghệ số hướng dẫn VNeID tận nhà",
        description="Đến từng hộ hướng dẫn cài đặt.",
        goals=list(plan.goals.filter(code="b")),
    )
    return exemplar_recognise(
        model=model, actor=office_user, recognised_on=datetime.date(2025, 10, 15)
    )


def test_nomination_form_lists_the_units_recognised_models(
    client, draft, hamlet_head, recognised_model, plan, office_user
):
    other = UnitFactory(name="Thôn Bên Cạnh")
    exemplar_recognise(
        model=exemplar_create(
            campaign=plan,
            unit=other,
            actor=office_user,
            name="Mô hình của thôn khác",
            description="…",
            goals=list(plan.goals.filter(code="a")),
        ),
        actor=office_user,
        recognised_on=datetime.date(2025, 10, 1),
    )
    client.force_login(hamlet_head)
    with at(BEFORE):
        page = client.get(reverse("awards:edit", args=[draft.pk])).content.decode()
    assert "Tổ công nghệ số hướng dẫn VNeID tận nhà" in page
    assert "Mô hình của thôn khác" not in page


def test_cited_model_is_printed_in_the_achievement_report(
    client, draft, hamlet_head, recognised_model
):
    client.force_login(hamlet_head)
    with at(BEFORE):
        data = {
            "proposing_unit": draft.proposing_unit_id,
            "achievements": draft.achievements,
            "cited_models": [recognised_model.pk],
            "prior-TOTAL_FORMS": "0",
            "prior-INITIAL_FORMS": "0",
        }
        response = client.post(reverse("awards:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    assert list(draft.cited_models.all()) == [recognised_model]
    pdf = client.get(reverse("awards:report_pdf", args=[draft.pk])).content
    text = " ".join(line.text for line in pdf_lines(pdf))
    assert "Mô hình, điển hình tiên tiến đã được công nhận" in text
    assert "Tổ công nghệ số hướng dẫn VNeID tận nhà" in text
    assert ActivityLog.objects.filter(action="awards.nomination.models_cited").exists()


def test_citing_another_units_or_an_unrecognised_model_is_refused(
    draft, hamlet_head, plan, office_user
):
    other = UnitFactory(name="Thôn Khác Nữa")
    head = unit_head(other)
    proposal = exemplar_create(
        campaign=plan,
        unit=other,
        actor=head,
        name="Đề xuất chưa công nhận",
        description="…",
        goals=list(plan.goals.filter(code="a")),
    )
    with pytest.raises(ValidationError) as refused:
        nomination_models_cite(nomination=draft, models=[proposal], actor=hamlet_head)
    assert refused.value.code == "model_not_citable"
