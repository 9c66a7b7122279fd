"""Issue 8: a criterion's points, kind, units and automatic scoring are locked once used.

Before a unit submits a sheet holding it, they change only through
``criterion_change`` with a reason, logged with old and new values; in the
admin they are read-only and change on the "amend" page that calls the
service. Bands change only until the ranking is published. The Excel import
keeps the same lock.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from phongquang_portal.core.activity import history_for
from scoring.models import Band, Criterion, ScoreEntry
from scoring.services import band_change, criterion_change, ranking_publish
from tests.factories import user_with_role
from units.enums import Role

from .conftest import codes, entries_of, self_assess
from .test_import import GOOD_CRITERIA, GOOD_GROUPS, post, workbook_bytes

pytestmark = pytest.mark.django_db


def _criterion(plan, code="A.1"):
    return Criterion.objects.get(campaign=plan, code=code)


# ------------------------------------------------------------- the service


def test_criterion_change_before_submission_logs_old_new_and_reason(
    plan, office_user, sheet
):
    criterion = _criterion(plan)

    criterion_change(
        criterion=criterion,
        actor=office_user,
        reason="Theo kết luận họp Hội đồng",
        max_points=Decimal("7.5"),
    )

    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("7.5")
    entry = history_for(criterion).get(action="scoring.criterion.changed")
    assert entry.actor == office_user
    assert entry.reason == "Theo kết luận họp Hội đồng"
    assert entry.changes == [("điểm tối đa", "5.00", "7.50")]


def test_criterion_change_needs_a_reason(plan, office_user):
    criterion = _criterion(plan)

    with pytest.raises(ValidationError) as refused:
        criterion_change(
            criterion=criterion, actor=office_user, reason=" ", max_points=8
        )

    assert codes(refused.value) == ["reason_required"]
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("5")


@pytest.mark.parametrize("role", [Role.COUNCIL, Role.CHAIRMAN, Role.SYSADMIN])
def test_criterion_change_refused_to_other_roles(plan, role):
    actor = user_with_role(role, username=f"actor_{role}")

    with pytest.raises(ValidationError) as refused:
        criterion_change(
            criterion=_criterion(plan), actor=actor, reason="Sửa", max_points=8
        )

    assert codes(refused.value) == ["permission_denied"]


def test_criterion_locked_once_a_sheet_holding_it_is_submitted(
    plan, office_user, sheet, hamlet_head
):
    self_assess(sheet, hamlet_head)
    criterion = _criterion(plan)

    with pytest.raises(ValidationError) as refused:
        criterion_change(
            criterion=criterion,
            actor=office_user,
            reason="Sửa sau khi chấm",
            max_points=Decimal("50"),
        )

    assert codes(refused.value) == ["criterion_locked"]
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("5")


def test_criterion_change_refuses_out_of_bounds_values(plan, office_user):
    criterion = _criterion(plan)

    with pytest.raises(ValidationError) as refused:
        criterion_change(
            criterion=criterion,
            actor=office_user,
            reason="Thử",
            max_points="1e9",
            kind="gấp đôi",
            unit_kinds=["chợ"],
            target="-5",
        )

    assert sorted(codes(refused.value)) == [
        "kind_invalid",
        "max_points_out_of_range",
        "target_out_of_range",
        "unit_kind_invalid",
    ]


def test_criterion_unit_kinds_change_updates_draft_sheets(plan, office_user, sheet):
    criterion = _criterion(plan, "D.1")  # offices only: not on the hamlet's sheet
    assert "D.1" not in {e.criterion.code for e in entries_of(sheet)}

    criterion_change(
        criterion=criterion,
        actor=office_user,
        reason="Áp dụng cả cho thôn",
        unit_kinds=["office", "hamlet"],
    )

    assert "D.1" in {e.criterion.code for e in entries_of(sheet)}
    change = history_for(criterion).get(action="scoring.criterion.changed")
    assert change.changes == [
        ("áp dụng cho", "Cơ quan, đơn vị", "Cơ quan, đơn vị, Thôn")
    ]


def test_criteria_and_sheet_points_are_bounded_in_the_database(plan, sheet):
    criterion = _criterion(plan)
    entry = ScoreEntry.objects.filter(sheet=sheet).first()
    for update in (
        lambda: Criterion.objects.filter(pk=criterion.pk).update(max_points=1001),
        lambda: Criterion.objects.filter(pk=criterion.pk).update(target=0),
        lambda: ScoreEntry.objects.filter(pk=entry.pk).update(self_points=-1),
        lambda: Band.objects.filter(campaign=plan).update(min_total=101),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            update()


# ------------------------------------------------------------- the admin


def test_admin_change_page_keeps_the_maximum_read_only(client, plan, office_user):
    """The issue's case: the office changed a criterion's maximum in the admin."""
    criterion = _criterion(plan)
    client.force_login(office_user)
    url = reverse("admin:scoring_criterion_change", args=[criterion.pk])

    page = client.get(url).content.decode()
    client.post(
        url,
        {
            "group": criterion.group_id,
            "code": criterion.code,
            "title": criterion.title,
            "description": "",
            "max_points": "99",
            "kind": "bonus",
            "position": criterion.position,
        },
    )

    assert 'name="max_points"' not in page
    assert reverse("admin:scoring_criterion_amend", args=[criterion.pk]) in page
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("5")
    assert criterion.kind == "standard"


def test_admin_amend_page_changes_through_the_service(client, plan, office_user):
    criterion = _criterion(plan)
    client.force_login(office_user)
    url = reverse("admin:scoring_criterion_amend", args=[criterion.pk])

    response = client.post(
        url,
        {
            "max_points": "6",
            "kind": "standard",
            "auto_mode": "proportional",
            "reason": "Điều chỉnh theo hướng dẫn của tỉnh",
        },
    )

    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("6")
    assert (
        history_for(criterion).get(action="scoring.criterion.changed").reason
        == "Điều chỉnh theo hướng dẫn của tỉnh"
    )


@pytest.mark.parametrize("typed", ["1e9", "NaN", "-1", "99999999999999999999", "abc"])
def test_admin_amend_page_refuses_any_typed_number_without_500(
    client, plan, office_user, typed
):
    criterion = _criterion(plan)
    client.force_login(office_user)

    response = client.post(
        reverse("admin:scoring_criterion_amend", args=[criterion.pk]),
        {
            "max_points": typed,
            "kind": "standard",
            "auto_mode": "proportional",
            "reason": "Thử",
        },
    )

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("5")


def test_admin_amend_page_says_locked_and_refuses_after_submission(
    client, plan, office_user, sheet, hamlet_head
):
    self_assess(sheet, hamlet_head)
    criterion = _criterion(plan)
    client.force_login(office_user)
    url = reverse("admin:scoring_criterion_amend", args=[criterion.pk])

    page = client.get(url)
    refused = client.post(
        url,
        {
            "max_points": "9",
            "kind": "standard",
            "auto_mode": "proportional",
            "reason": "Thử",
        },
    )

    assert 'id="amend-locked"' in page.content.decode()
    assert 'id="service-form"' not in page.content.decode()
    assert refused.status_code == 403
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("5")


def test_admin_add_criterion_refused_once_units_submitted(
    client, plan, office_user, sheet, hamlet_head
):
    self_assess(sheet, hamlet_head)
    client.force_login(office_user)
    before = Criterion.objects.filter(campaign=plan).count()

    response = client.post(
        reverse("admin:scoring_criterion_add"),
        {
            "campaign": plan.pk,
            "group": _criterion(plan).group_id,
            "code": "A.9",
            "title": "Tiêu chí thêm muộn",
            "kind": "standard",
            "max_points": "5",
            "position": 99,
            "auto_mode": "proportional",
        },
    )

    assert response.status_code == 200
    assert "không thể thêm tiêu chí" in response.content.decode()
    assert Criterion.objects.filter(campaign=plan).count() == before


@pytest.mark.parametrize(
    ("field", "typed"),
    [("max_points", "1e9"), ("max_points", "NaN"), ("position", "40000")],
)
def test_admin_add_criterion_refuses_bad_numbers_without_500(
    client, plan, office_user, field, typed
):
    client.force_login(office_user)
    data = {
        "campaign": plan.pk,
        "group": _criterion(plan).group_id,
        "code": "A.9",
        "title": "Tiêu chí mới",
        "kind": "standard",
        "max_points": "5",
        "position": 9,
        "auto_mode": "proportional",
        field: typed,
    }

    response = client.post(reverse("admin:scoring_criterion_add"), data)

    assert response.status_code == 200
    assert not Criterion.objects.filter(campaign=plan, code="A.9").exists()


def test_criteria_inline_of_a_group_changes_nothing(client, plan, office_user):
    criterion = _criterion(plan)
    client.force_login(office_user)

    page = client.get(
        reverse("admin:scoring_criteriongroup_change", args=[criterion.group_id])
    ).content.decode()

    assert 'name="criteria-0-max_points"' not in page


# ------------------------------------------------------------- bands


def test_band_change_before_publication_is_logged(plan, office_user):
    band = Band.objects.get(campaign=plan, label="Tốt")

    band_change(band=band, actor=office_user, reason="Theo Hội đồng", min_total=82)

    band.refresh_from_db()
    assert band.min_total == Decimal("82")
    entry = history_for(band).get(action="scoring.band.changed")
    assert entry.changes == [("tổng điểm tối thiểu", "80.00", "82.00")]


def test_band_locked_once_the_ranking_is_published(
    client, plan, office_user, locked_sheet
):
    ranking_publish(campaign=plan, actor=office_user, top_n=3)
    band = Band.objects.get(campaign=plan, label="Tốt")

    with pytest.raises(ValidationError) as refused:
        band_change(band=band, actor=office_user, reason="Sửa", min_total=50)

    assert codes(refused.value) == ["ranking_published"]
    client.force_login(office_user)
    delete = client.post(
        reverse("admin:scoring_band_delete", args=[band.pk]), {"post": "yes"}
    )
    add = client.post(
        reverse("admin:scoring_band_add"),
        {"campaign": plan.pk, "label": "Yếu", "min_total": "10"},
    )
    assert delete.status_code == 403
    assert add.status_code == 200
    assert Band.objects.filter(campaign=plan).count() == 4


@pytest.mark.parametrize("typed", ["101", "-1", "1e9", "NaN"])
def test_band_bounds_refused_without_500(client, plan, office_user, typed):
    band = Band.objects.get(campaign=plan, label="Tốt")
    client.force_login(office_user)

    response = client.post(
        reverse("admin:scoring_band_amend", args=[band.pk]),
        {"label": "Tốt", "min_total": typed, "reason": "Thử"},
    )

    assert response.status_code == 200
    band.refresh_from_db()
    assert band.min_total == Decimal("80")


# ------------------------------------------------------------- the import


def test_import_refuses_changing_the_maximum_of_a_used_criterion(
    client, plan, office_user, sheet, hamlet_head
):
    self_assess(sheet, hamlet_head)
    client.force_login(office_user)
    criterion = _criterion(plan)
    groups = [["A", "a", criterion.group.title]]
    rows = [["A", "A.1", criterion.title, 50, "Chuẩn", "Tất cả", "Có", ""]]

    response = post(client, plan, workbook_bytes(groups, rows))

    assert response.status_code == 200
    assert "không thể thay đổi" in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("5")


def test_import_refuses_new_criteria_once_units_submitted(
    client, plan, office_user, sheet, hamlet_head
):
    self_assess(sheet, hamlet_head)
    client.force_login(office_user)

    response = post(client, plan, workbook_bytes(GOOD_GROUPS, GOOD_CRITERIA))

    assert response.status_code == 200
    assert not Criterion.objects.filter(campaign=plan, code="X.1").exists()


def test_import_changing_points_before_submission_needs_a_reason_and_logs(
    client, plan, office_user, sheet
):
    client.force_login(office_user)
    criterion = _criterion(plan)
    groups = [["A", "a", criterion.group.title]]
    rows = [["A", "A.1", criterion.title, 6, "Chuẩn", "Tất cả", "Có", ""]]

    without = post(client, plan, workbook_bytes(groups, rows))
    criterion.refresh_from_db()
    assert without.status_code == 200
    assert criterion.max_points == Decimal("5")

    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_import import XLSX

    with_reason = client.post(
        reverse("scoring:criteria_import", args=[plan.pk]),
        {
            "file": SimpleUploadedFile(
                "tieu-chi.xlsx", workbook_bytes(groups, rows), content_type=XLSX
            ),
            "reason": "Theo kế hoạch điều chỉnh",
        },
    )

    assert with_reason.status_code == 302
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("6")
    change = history_for(criterion).get(action="scoring.criterion.changed")
    assert change.reason == "Theo kế hoạch điều chỉnh"
    assert ("điểm tối đa", "5.00", "6") in change.changes


def test_import_refused_to_the_council(plan, council_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from scoring.imports import criteria_import

    upload = SimpleUploadedFile(
        "tieu-chi.xlsx", workbook_bytes(GOOD_GROUPS, GOOD_CRITERIA)
    )

    with pytest.raises(ValidationError) as refused:
        criteria_import(campaign=plan, uploaded=upload, actor=council_user)

    assert codes(refused.value) == ["permission_denied"]


def test_admin_group_keeps_its_goal_once_units_submitted(
    client, plan, office_user, sheet, hamlet_head
):
    self_assess(sheet, hamlet_head)
    group = _criterion(plan).group
    other_goal = plan.goals.exclude(pk=group.goal_id).first()
    client.force_login(office_user)

    response = client.post(
        reverse("admin:scoring_criteriongroup_change", args=[group.pk]),
        {
            "goal": other_goal.pk,
            "code": group.code,
            "title": group.title,
            "position": group.position,
        },
    )

    assert response.status_code == 200
    group.refresh_from_db()
    assert group.goal_id != other_goal.pk
