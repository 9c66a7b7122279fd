import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from campaigns.enums import ReportState
from campaigns.models import Indicator, Report, ReportingPeriod
from campaigns.selectors import indicator_values_for, report_checklist
from campaigns.services import (
    campaign_copy,
    plan_load,
    report_accept,
    report_reopen,
    report_return,
    report_save,
    report_start,
    report_submit,
)
from phongquang_portal.core.models import ActivityLog
from tests.factories import UnitFactory, unit_head

from .helpers import fill

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def test_plan_load_seeds_periods_and_indicators_idempotently(plan):
    periods = list(plan.periods.values_list("name", flat=True))
    indicators = plan.indicators.count()

    plan_load()

    assert periods == ["Sơ kết 6 tháng năm 2025", "Tổng kết năm 2025"]
    assert list(plan.periods.values_list("name", flat=True)) == periods
    assert plan.indicators.count() == indicators
    assert indicators >= 12
    assert set(plan.indicators.values_list("goal__code", flat=True)) >= {
        "a",
        "b",
        "d",
        "đ",
        "e",
    }


def test_campaign_copy_shifts_periods_and_remaps_indicator_goals(plan, office_user):
    target = campaign_copy(
        source=plan,
        year=2026,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        dossier_deadline=datetime.date(2026, 12, 15),
        actor=office_user,
    )

    final = target.periods.get(name="Tổng kết năm 2026")
    assert final.due_on == datetime.date(2026, 12, 10)
    assert final.opens_on == datetime.date(2026, 11, 15)
    assert target.indicators.count() == plan.indicators.count()
    assert set(target.indicators.values_list("goal__campaign", flat=True)) == {
        target.pk
    }
    vneid = target.indicators.get(code="d_vneid_muc_2")
    assert vneid.goal.code == "d"


def test_report_flow_draft_submit_return_resubmit_accept(
    filled_report, hamlet_head, office_user
):
    report = report_submit(report=filled_report, actor=hamlet_head)
    assert report.state == ReportState.SUBMITTED
    assert report.submitted_at is not None

    report_return(report=report, actor=office_user, reason="Bổ sung số liệu mục d.")
    assert report.state == ReportState.RETURNED
    assert report.return_reason == "Bổ sung số liệu mục d."

    report_submit(report=report, actor=hamlet_head)
    report_accept(report=report, actor=office_user)

    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    actions = list(
        ActivityLog.objects.filter(
            object_id=report.pk, action__startswith="campaigns.report."
        )
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "campaigns.report.created",
        "campaigns.report.saved",
        "campaigns.report.submitted",
        "campaigns.report.returned",
        "campaigns.report.submitted",
        "campaigns.report.accepted",
    ]


def test_report_accept_draft_is_refused(filled_report, office_user):
    with pytest.raises(ValidationError) as exc:
        report_accept(report=filled_report, actor=office_user)
    assert exc.value.code == "invalid_transition"
    assert "Không thể chuyển" in exc.value.messages[0]
    filled_report.refresh_from_db()
    assert filled_report.state == ReportState.DRAFT


def test_report_return_without_reason_is_refused(submitted_report, office_user):
    with pytest.raises(ValidationError) as exc:
        report_return(report=submitted_report, actor=office_user, reason="   ")
    assert exc.value.code == "reason_required"
    assert exc.value.messages == ["Vui lòng ghi rõ nội dung đơn vị cần sửa."]
    submitted_report.refresh_from_db()
    assert submitted_report.state == ReportState.SUBMITTED


def test_report_return_emails_the_unit_head(
    submitted_report, office_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report_return(
            report=submitted_report, actor=office_user, reason="Thiếu ảnh minh chứng."
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["thon_test@example.test"]
    assert "Thiếu ảnh minh chứng." in mail.outbox[0].body


def test_report_submit_incomplete_lists_what_is_empty(
    period, hamlet, hamlet_head, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    report = report_start(unit=hamlet, period=period, actor=hamlet_head)
    goal_a = period.campaign.goals.get(code="a")
    report_save(report=report, actor=hamlet_head, narratives={goal_a.pk: "Có kết quả."})

    with pytest.raises(ValidationError) as exc:
        report_submit(report=report, actor=hamlet_head)

    assert exc.value.code == "incomplete"
    # The items go to the page as a list; the message only counts them.
    items = exc.value.params["items"]
    assert "Mục b: kết quả" in items
    assert "Mục a: kết quả" not in items
    assert exc.value.messages[0] == (
        f"Báo cáo chưa đầy đủ: còn {len(items)} mục để trống."
    )
    assert ";" not in exc.value.messages[0]
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT


def test_report_submit_on_due_day_last_second_is_accepted(
    period, hamlet, hamlet_head, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=hamlet_head), hamlet_head
    )
    time_machine.move_to(
        datetime.datetime(2025, 12, 10, 23, 59, 59, tzinfo=VN), tick=False
    )

    report_submit(report=report, actor=hamlet_head)

    assert report.state == ReportState.SUBMITTED
    assert report.days_late() == 0


def test_report_submit_first_second_after_due_day_is_refused(
    period, hamlet, hamlet_head, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=hamlet_head), hamlet_head
    )
    # 00:00 on 11/12 in Vietnam is still 10/12 17:00 in UTC: the rule is Vietnam time.
    time_machine.move_to(
        datetime.datetime(2025, 12, 11, 0, 0, 0, tzinfo=VN), tick=False
    )

    with pytest.raises(ValidationError) as exc:
        report_submit(report=report, actor=hamlet_head)

    assert exc.value.code == "late"
    assert "10/12/2025" in exc.value.messages[0]
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT


def test_report_submit_after_due_day_allowed_once_reopened(
    period, hamlet, hamlet_head, office_user, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=hamlet_head), hamlet_head
    )
    time_machine.move_to(datetime.datetime(2025, 12, 12, 8, 0, tzinfo=VN), tick=False)

    report_reopen(
        report=report, actor=office_user, reason="Trưởng thôn ốm, cho nộp muộn."
    )
    report_submit(report=report, actor=hamlet_head)

    assert report.state == ReportState.SUBMITTED
    assert report.days_late() == 2
    entry = ActivityLog.objects.get(
        object_id=report.pk, action="campaigns.report.reopened"
    )
    assert entry.reason == "Trưởng thôn ốm, cho nộp muộn."
    assert entry.actor == office_user


def test_report_reopen_accepted_report_goes_back_to_returned(
    accepted_report, office_user, hamlet_head
):
    report_reopen(
        report=accepted_report, actor=office_user, reason="Sửa số liệu mục đ."
    )

    assert accepted_report.state == ReportState.RETURNED
    assert accepted_report.reopened is True
    goal = accepted_report.period.campaign.goals.get(code="đ")
    report_save(
        report=accepted_report, actor=hamlet_head, narratives={goal.pk: "Đã sửa."}
    )


def test_report_reopen_without_reason_is_refused(submitted_report, office_user):
    with pytest.raises(ValidationError) as refused:
        report_reopen(report=submitted_report, actor=office_user, reason="")
    assert refused.value.code == "reason_required"
    submitted_report.refresh_from_db()
    assert submitted_report.reopened is False


def test_report_save_on_submitted_report_is_refused(submitted_report, hamlet_head):
    goal = submitted_report.period.campaign.goals.get(code="a")
    with pytest.raises(ValidationError) as exc:
        report_save(
            report=submitted_report, actor=hamlet_head, narratives={goal.pk: "Sửa"}
        )
    assert exc.value.code == "not_editable"


@pytest.mark.parametrize(
    ("code", "value", "fragment", "code_expected"),
    [
        ("a_buoi_tuyen_truyen", Decimal(-1), "không được âm", "negative"),
        ("a_buoi_tuyen_truyen", Decimal("2.5"), "số nguyên", "not_integer"),
        ("d_vneid_muc_2", Decimal("100.5"), "tối đa 100", "above_max"),
        ("a_buoi_tuyen_truyen", Decimal("1E+15"), "quá lớn", "too_large"),
    ],
)
def test_report_save_bad_value_is_refused_and_nothing_stored(
    filled_report, hamlet_head, code, value, fragment, code_expected
):
    indicator = Indicator.objects.get(campaign=filled_report.period.campaign, code=code)
    with pytest.raises(ValidationError) as exc:
        report_save(
            report=filled_report, actor=hamlet_head, values={indicator.pk: value}
        )
    assert [e.code for e in exc.value.error_list] == [code_expected]
    assert fragment in exc.value.messages[0]
    assert filled_report.values.get(indicator=indicator).value == Decimal(5)


def test_report_start_for_unit_kind_outside_period_is_refused(period, office_user):
    team = UnitFactory(kind="digital_team")
    with pytest.raises(ValidationError) as refused:
        report_start(unit=team, period=period, actor=office_user)
    assert refused.value.code == "not_reporting"
    assert not Report.objects.filter(unit=team).exists()


def test_indicator_values_for_prefers_latest_accepted_then_submitted(
    plan, mid_period, period, office_user, time_machine, django_assert_num_queries
):
    time_machine.move_to(datetime.datetime(2025, 6, 20, 9, 0, tzinfo=VN))
    first, second, third = (UnitFactory() for _ in range(3))
    head = unit_head(first)
    heads = [head, unit_head(second), unit_head(third)]
    indicator = plan.indicators.get(code="a_buoi_tuyen_truyen")
    for unit, actor, value in zip(
        (first, second, third), heads, (1, 2, 3), strict=True
    ):
        report = fill(
            report_start(unit=unit, period=mid_period, actor=actor),
            actor,
            value=Decimal(value),
        )
        report_submit(report=report, actor=actor)
        report_accept(report=report, actor=office_user)
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    # first: final review accepted; second: final review only submitted; third: draft only.
    for unit, actor, value, accept in (
        (first, heads[0], 10, True),
        (second, heads[1], 20, False),
        (third, heads[2], 30, None),
    ):
        report = fill(
            report_start(unit=unit, period=period, actor=actor),
            actor,
            value=Decimal(value),
        )
        if accept is not None:
            report_submit(report=report, actor=actor)
        if accept:
            report_accept(report=report, actor=office_user)

    with django_assert_num_queries(2):
        values = indicator_values_for(campaign=plan, indicator_ids=[indicator.pk])

    assert values == {
        (first.pk, indicator.pk): Decimal(10),
        # second's latest accepted report is the mid-term one, preferred over a newer submission.
        (second.pk, indicator.pk): Decimal(2),
        (third.pk, indicator.pk): Decimal(3),
    }


def test_indicator_values_for_falls_back_to_submitted(submitted_report, plan):
    values = indicator_values_for(campaign=plan, unit_ids=[submitted_report.unit_id])
    assert len(values) == len(
        [i for i in plan.indicators.all() if i.applies_to("hamlet")]
    )
    assert set(values.values()) == {Decimal(5)}


def test_report_checklist_empty_when_filled(filled_report):
    assert report_checklist(filled_report) == []


def test_period_due_ends_at_is_midnight_vietnam(period):
    assert period.due_ends_at == datetime.datetime(2025, 12, 11, 0, 0, tzinfo=VN)
    assert ReportingPeriod.objects.filter(campaign=period.campaign).count() == 2
