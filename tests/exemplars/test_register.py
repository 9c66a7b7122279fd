"""The register of exemplary models (issue 11): propose, recognise, spread; photos
checked by content and public only once recognised; the Excel export."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from exemplars.enums import ExemplarStatus
from exemplars.models import ExemplaryModel
from exemplars.services import (
    IndicatorInput,
    exemplar_create,
    exemplar_decline,
    exemplar_evidence_add,
    exemplar_recognise,
    exemplar_spread_record,
    exemplar_update,
)
from phongquang_portal.core.models import ActivityLog
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db
RECOGNISED_ON = datetime.date(2025, 10, 15)


def png(colour="red", size=(8, 8)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name="anh.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, content or png(), content_type=content_type)


@pytest.fixture
def goals(plan):
    return {goal.code: goal for goal in plan.goals.all()}


@pytest.fixture
def proposal(plan, hamlet, hamlet_head, goals):
    return exemplar_create(
        campaign=plan,
        unit=hamlet,
        actor=hamlet_head,
        name="Chợ quê không dùng tiền mặt",
        people="Chi hội phụ nữ thôn",
        description="Tiểu thương dán mã QR; thanh niên hướng dẫn người mua.",
        goals=[goals["đ"], goals["h"]],
        priority_fields=list(goals["h"].priority_fields.filter(name="Nông nghiệp")),
        indicators=[IndicatorInput("Quầy có mã QR", "quầy", 2, 27)],
    )


@pytest.fixture
def recognised(proposal, office_user):
    return exemplar_recognise(
        model=proposal, actor=office_user, recognised_on=RECOGNISED_ON
    )


# --- Recording and the status machine ---------------------------------------------------


def test_unit_head_proposes_a_model_of_his_unit(proposal, hamlet_head):
    assert proposal.status == ExemplarStatus.PROPOSED
    assert [g.code for g in proposal.goals.order_by("position")] == ["đ", "h"]
    assert [f.name for f in proposal.priority_fields.all()] == ["Nông nghiệp"]
    row = proposal.indicators.get()
    assert (row.before, row.after) == (2, 27)
    entry = ActivityLog.objects.get(action="exemplars.model.proposed")
    assert entry.actor == hamlet_head


def test_unit_head_cannot_propose_for_another_unit(
    plan, other_hamlet, hamlet_head, goals
):
    with pytest.raises(ValidationError) as refused:
        exemplar_create(
            campaign=plan,
            unit=other_hamlet,
            actor=hamlet_head,
            name="Mô hình",
            description="…",
            goals=[goals["a"]],
        )
    assert refused.value.code == "permission_denied"


def test_office_records_for_any_unit(plan, other_hamlet, office_user, goals):
    model = exemplar_create(
        campaign=plan,
        unit=other_hamlet,
        actor=office_user,
        name="Loa truyền thanh thông minh",
        description="Phát tin chuyển đổi số.",
        goals=[goals["a"]],
    )
    assert model.proposed_by == office_user


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"goals": []}, "goal_required"),
        ({"description": ""}, "description_required"),
        ({"goals": ["a"], "priority_fields": ["Y tế"]}, "priority_without_h"),
    ],
)
def test_model_content_refusals_have_codes(
    plan, hamlet, office_user, goals, kwargs, code
):
    data = {
        "name": "Mô hình",
        "description": "Nội dung.",
        "goals": [goals["a"]],
        "priority_fields": [],
    }
    data.update(kwargs)
    data["goals"] = [goals[c] if isinstance(c, str) else c for c in data["goals"]]
    data["priority_fields"] = [
        goals["h"].priority_fields.get(name=n) for n in data["priority_fields"]
    ]
    with pytest.raises(ValidationError) as refused:
        exemplar_create(campaign=plan, unit=hamlet, actor=office_user, **data)
    assert code in [error.code for error in refused.value.error_list]


def test_office_recognises_then_spreading_moves_to_spread(
    recognised, other_hamlet, office_user
):
    assert recognised.status == ExemplarStatus.RECOGNISED
    assert recognised.recognised_by == office_user

    exemplar_spread_record(
        model=recognised,
        actor=office_user,
        unit=other_hamlet,
        spread_on=datetime.date(2025, 11, 1),
        note="Học tập cách làm.",
    )

    recognised.refresh_from_db()
    assert recognised.status == ExemplarStatus.SPREAD
    assert list(recognised.spreads.values_list("unit__name", "spread_on")) == [
        ("Thôn Khuổi Tát", datetime.date(2025, 11, 1))
    ]
    actions = list(
        ActivityLog.objects.filter(object_id=recognised.pk)
        .order_by("pk")
        .values_list("action", "to_state")
    )
    assert ("exemplars.model.recognised", "recognised") in actions
    assert ("exemplars.model.spread", "spread") in actions


@pytest.mark.parametrize(
    ("unit", "day", "code"),
    [
        ("own", datetime.date(2025, 11, 1), "own_unit"),
        ("other", datetime.date(2025, 10, 1), "spread_before_recognition"),
        ("other", datetime.date(2099, 1, 1), "spread_in_future"),
    ],
)
def test_spreading_refusals_have_codes(
    recognised, hamlet, other_hamlet, office_user, unit, day, code
):
    with pytest.raises(ValidationError) as refused:
        exemplar_spread_record(
            model=recognised,
            actor=office_user,
            unit=hamlet if unit == "own" else other_hamlet,
            spread_on=day,
        )
    assert refused.value.code == code


def test_spreading_twice_to_one_unit_is_refused(recognised, other_hamlet, office_user):
    exemplar_spread_record(
        model=recognised,
        actor=office_user,
        unit=other_hamlet,
        spread_on=datetime.date(2025, 11, 1),
    )
    with pytest.raises(ValidationError) as refused:
        exemplar_spread_record(
            model=recognised,
            actor=office_user,
            unit=other_hamlet,
            spread_on=datetime.date(2025, 11, 2),
        )
    assert refused.value.code == "already_spread"


def test_a_proposal_cannot_be_spread_nor_recognised_twice(
    proposal, recognised, other_hamlet, office_user
):
    with pytest.raises(ValidationError) as refused:
        exemplar_recognise(
            model=recognised, actor=office_user, recognised_on=RECOGNISED_ON
        )
    assert refused.value.code == "permission_denied"


def test_declined_proposal_is_proposed_again_when_the_unit_revises_it(
    proposal, hamlet_head, office_user, goals
):
    exemplar_decline(model=proposal, actor=office_user, reason="Chưa có số liệu.")
    proposal.refresh_from_db()
    assert proposal.status == ExemplarStatus.DECLINED

    exemplar_update(
        model=proposal,
        actor=hamlet_head,
        name=proposal.name,
        description="Bổ sung số liệu sau ba tháng.",
        goals=[goals["đ"]],
    )

    proposal.refresh_from_db()
    assert proposal.status == ExemplarStatus.PROPOSED
    assert ActivityLog.objects.filter(action="exemplars.model.proposed_again").exists()


def test_decline_needs_a_reason(proposal, office_user):
    with pytest.raises(ValidationError) as refused:
        exemplar_decline(model=proposal, actor=office_user, reason=" ")
    assert refused.value.code == "reason_required"


def test_unit_cannot_change_a_recognised_model(recognised, hamlet_head, goals):
    with pytest.raises(ValidationError) as refused:
        exemplar_update(
            model=recognised,
            actor=hamlet_head,
            name="Đổi tên",
            description="…",
            goals=[goals["a"]],
        )
    assert refused.value.code == "permission_denied"


# --- Photos, checked by content; public once recognised ---------------------------------


def test_photo_is_checked_by_content(proposal, hamlet_head):
    photo = exemplar_evidence_add(
        model=proposal, actor=hamlet_head, file=upload(), photo=True, caption="Quầy QR"
    )
    assert (photo.is_photo, photo.file_type) == (True, "png")

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b" " * 200
    with pytest.raises(ValidationError) as refused:
        exemplar_evidence_add(
            model=proposal, actor=hamlet_head, file=upload("anh.png", pdf), photo=True
        )
    assert refused.value.code == "file_type"

    broken = png()[:40]  # a PNG header and nothing after it
    with pytest.raises(ValidationError) as refused:
        exemplar_evidence_add(
            model=proposal,
            actor=hamlet_head,
            file=upload("hong.png", broken),
            photo=True,
        )
    assert refused.value.code == "photo_unreadable"


def test_photos_are_served_only_for_recognised_models(
    client, proposal, hamlet_head, office_user, other_head
):
    photo = exemplar_evidence_add(
        model=proposal, actor=hamlet_head, file=upload(), photo=True
    )
    url = reverse("exemplars:photo", args=[photo.pk])
    assert client.get(url).status_code == 302  # a stranger: log in first
    client.force_login(other_head)
    assert client.get(url).status_code == 404
    client.force_login(hamlet_head)
    assert client.get(url).status_code == 200

    exemplar_recognise(model=proposal, actor=office_user, recognised_on=RECOGNISED_ON)
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_public_page_lists_recognised_models_with_photos(
    client, plan, proposal, office_user, hamlet_head, other_hamlet, goals
):
    exemplar_create(
        campaign=plan,
        unit=other_hamlet,
        actor=office_user,
        name="Mô hình chưa công nhận",
        description="…",
        goals=[goals["a"]],
    )
    photo = exemplar_evidence_add(
        model=proposal, actor=hamlet_head, file=upload(), photo=True
    )
    exemplar_recognise(model=proposal, actor=office_user, recognised_on=RECOGNISED_ON)

    page = client.get(
        reverse("exemplars:public") + f"?campaign={plan.pk}"
    ).content.decode()

    assert "Chợ quê không dùng tiền mặt" in page
    assert "Mô hình chưa công nhận" not in page
    assert reverse("exemplars:photo", args=[photo.pk]) in page
    assert "2 quầy" in page and "27 quầy" in page


@pytest.mark.parametrize("count", [1, 4])
def test_public_page_query_count_is_fixed(
    client, plan, office_user, goals, count, django_assert_num_queries
):
    for index in range(count):
        unit = UnitFactory(name=f"Thôn Mẫu {index}")
        model = exemplar_create(
            campaign=plan,
            unit=unit,
            actor=office_user,
            name=f"Mô hình {index}",
            description="…",
            goals=[goals["a"], goals["h"]],
            priority_fields=list(goals["h"].priority_fields.all()[:1]),
            indicators=[IndicatorInput("Chỉ tiêu", "hộ", 1, 2)],
        )
        exemplar_evidence_add(model=model, actor=office_user, file=upload(), photo=True)
        exemplar_recognise(model=model, actor=office_user, recognised_on=RECOGNISED_ON)
    url = reverse("exemplars:public") + f"?campaign={plan.pk}"
    # the board's version, campaign, the picker's campaigns, models, goals,
    # fields, indicators, spreads, photos
    with django_assert_num_queries(9):
        response = client.get(url)
    assert response.content.decode().count("exemplar-card") == count
    with django_assert_num_queries(2):  # kept: its campaign and version only
        kept = client.get(url)
    assert kept["X-Page-Cache"] == "hit"


# --- Pages and the export ----------------------------------------------------------------


def test_unit_head_proposes_through_the_page(client, plan, hamlet, hamlet_head, goals):
    client.force_login(hamlet_head)
    response = client.post(
        reverse("exemplars:create") + f"?campaign={plan.pk}",
        {
            "campaign": plan.pk,
            "name": "Tủ sách điện tử",
            "unit": hamlet.pk,
            "people": "",
            "goals": [goals["b"].pk],
            "description": "Mượn sách qua mã QR.",
            "ind-TOTAL_FORMS": "2",
            "ind-INITIAL_FORMS": "0",
            "ind-0-name": "Lượt mượn sách",
            "ind-0-unit_of_measure": "lượt",
            "ind-0-before": "0",
            "ind-0-after": "1.250",
        },
    )
    assert response.status_code == 302
    model = ExemplaryModel.objects.get(name="Tủ sách điện tử")
    assert model.indicators.get().after == 1250


def test_register_shows_a_unit_head_only_his_units_models(
    client, proposal, plan, other_hamlet, other_head, goals
):
    exemplar_create(
        campaign=plan,
        unit=other_hamlet,
        actor=other_head,
        name="Mô hình thôn bên",
        description="…",
        goals=[goals["a"]],
    )
    client.force_login(other_head)
    page = client.get(reverse("exemplars:register") + f"?campaign={plan.pk}")
    assert "Mô hình thôn bên" in page.content.decode()
    assert "Chợ quê không dùng tiền mặt" not in page.content.decode()


def test_excel_export_lists_the_register(
    client, recognised, other_hamlet, office_user, plan
):
    exemplar_spread_record(
        model=recognised,
        actor=office_user,
        unit=other_hamlet,
        spread_on=datetime.date(2025, 11, 1),
    )
    client.force_login(office_user)
    response = client.get(reverse("exemplars:export") + f"?campaign={plan.pk}")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert "Sổ theo dõi điển hình tiên tiến" in sheet["A1"].value
    assert [cell.value for cell in sheet[4]][:4] == [
        "TT",
        "Tên mô hình",
        "Đơn vị",
        "Mục tiêu (a–h)",
    ]
    row = [cell.value for cell in sheet[5]]
    assert row[1] == "Chợ quê không dùng tiền mặt"
    assert row[3] == "đ, h"
    assert row[7] == "Quầy có mã QR: 2 quầy → 27 quầy"
    assert row[9] == "15/10/2025"
    assert row[11] == "Thôn Khuổi Tát (01/11/2025)"


@pytest.mark.parametrize("count", [1, 4])
def test_register_query_count_is_fixed(
    client, plan, office_user, goals, count, django_assert_num_queries
):
    for index in range(count):
        exemplar_create(
            campaign=plan,
            unit=UnitFactory(name=f"Thôn Sổ {index}"),
            actor=office_user,
            name=f"Mô hình {index}",
            description="…",
            goals=[goals["a"]],
        )
    client.force_login(office_user)
    url = reverse("exemplars:register") + f"?campaign={plan.pk}"
    # session, user, roles, the campaign, the picker's campaigns, the models and
    # their five prefetches (goals, fields, indicators, spreads, photos)
    with django_assert_num_queries(11):
        response = client.get(url)
    assert (
        response.content.decode().count(
            'class="list-group-item list-group-item-action"'
        )
        == count
    )
