"""What the reports are measured against changes only with a reason; every write
checks the actor's permission; bad input never answers 500."""

import datetime
import re
import zoneinfo
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.enums import ReportState
from campaigns.models import Indicator, ReportAttachment
from campaigns.services import (
    indicator_rules_change,
    period_due_change,
    report_accept,
    report_attachment_add,
    report_attachment_remove,
    report_record_paper,
    report_reopen,
    report_return,
    report_save,
    report_start,
    report_submit,
)
from phongquang_portal.core.actions import registered_actions
from phongquang_portal.core.models import ActivityLog, EvidenceFile

from .helpers import fill, pdf_file

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[2] / "campaigns" / "templates"


@pytest.fixture
def vneid(plan):
    return Indicator.objects.get(campaign=plan, code="d_vneid_muc_2")


# --- A period's due date ---------------------------------------------------------------


def test_period_due_change_needs_reason_and_logs_old_and_new(period, office_user):
    with pytest.raises(ValidationError) as refused:
        period_due_change(
            period=period,
            actor=office_user,
            reason="",
            due_on=datetime.date(2025, 12, 20),
        )
    assert refused.value.code == "reason_required"

    period_due_change(
        period=period,
        actor=office_user,
        reason="Lùi hạn do mưa lũ.",
        due_on=datetime.date(2025, 12, 20),
    )

    period.refresh_from_db()
    assert period.due_on == datetime.date(2025, 12, 20)
    entry = ActivityLog.objects.get(action="campaigns.period.due_changed")
    assert entry.reason == "Lùi hạn do mưa lũ."
    assert entry.changes == [("hạn nộp", "10/12/2025", "20/12/2025")]


@pytest.mark.parametrize(
    ("due_on", "code"),
    [
        (datetime.date(2025, 11, 1), "due_before_opening"),
        (datetime.date(2099, 12, 31), "due_outside_year"),
    ],
)
def test_period_due_change_out_of_bounds_is_refused(period, office_user, due_on, code):
    with pytest.raises(ValidationError) as refused:
        period_due_change(
            period=period, actor=office_user, reason="Sửa.", due_on=due_on
        )

    assert [e.code for e in refused.value.error_list] == [code]


def test_period_due_change_refused_to_the_council(period, council_user):
    with pytest.raises(ValidationError) as refused:
        period_due_change(
            period=period,
            actor=council_user,
            reason="Lùi hạn.",
            due_on=datetime.date(2025, 12, 20),
        )

    assert refused.value.code == "permission_denied"


def test_admin_period_due_date_is_read_only_and_has_its_form(
    client, office_user, period
):
    client.force_login(office_user)
    change = reverse("admin:campaigns_reportingperiod_change", args=[period.pk])
    due = reverse("admin:campaigns_reportingperiod_due", args=[period.pk])

    client.post(
        change,
        {
            "name": period.name,
            "position": period.position,
            "opens_on": "15/11/2025",
            "due_on": "31/12/2099",
            "unit_kinds": ["hamlet"],
        },
    )
    period.refresh_from_db()
    assert period.due_on == datetime.date(2025, 12, 10)
    assert due in client.get(change).content.decode()

    response = client.post(due, {"due_on": "15/12/2025", "reason": "Lùi hạn."})

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.due_on == datetime.date(2025, 12, 15)


# --- An indicator's type and bounds ------------------------------------------------------


def test_indicator_rules_change_refused_when_reported_values_would_not_fit(
    filled_report, office_user, plan
):
    indicator = Indicator.objects.get(campaign=plan, code="a_buoi_tuyen_truyen")

    with pytest.raises(ValidationError) as refused:
        indicator_rules_change(
            indicator=indicator,
            actor=office_user,
            reason="Tối đa 3 buổi.",
            value_type="integer",
            min_value=Decimal(0),
            max_value=Decimal(3),
        )

    assert refused.value.code == "values_do_not_fit"
    indicator.refresh_from_db()
    assert indicator.max_value is None


def test_indicator_rules_change_logs_old_and_new(filled_report, office_user, plan):
    indicator = Indicator.objects.get(campaign=plan, code="a_buoi_tuyen_truyen")

    indicator_rules_change(
        indicator=indicator,
        actor=office_user,
        reason="Chặn số nhập nhầm.",
        value_type="integer",
        min_value=Decimal(0),
        max_value=Decimal(500),
    )

    indicator.refresh_from_db()
    assert indicator.max_value == Decimal(500)
    entry = ActivityLog.objects.get(action="campaigns.indicator.rules_changed")
    assert entry.reason == "Chặn số nhập nhầm."
    assert entry.changes == [("giá trị lớn nhất", "", "500")]


@pytest.mark.parametrize(
    ("value_type", "low", "high", "code"),
    [
        ("percentage", Decimal(0), Decimal(150), "percentage_above_100"),
        ("integer", Decimal(5), Decimal(1), "max_below_min"),
        ("integer", Decimal(0), Decimal("1E+13"), "too_large"),
    ],
)
def test_indicator_rules_change_bounds_are_checked(
    plan, office_user, vneid, value_type, low, high, code
):
    with pytest.raises(ValidationError) as refused:
        indicator_rules_change(
            indicator=vneid,
            actor=office_user,
            reason="Sửa.",
            value_type=value_type,
            min_value=low,
            max_value=high,
        )

    assert code in [e.code for e in refused.value.error_list]


def test_admin_indicator_rules_read_only_once_values_exist(
    client, office_user, filled_report, vneid
):
    client.force_login(office_user)
    change = reverse("admin:campaigns_indicator_change", args=[vneid.pk])

    page = client.get(change).content.decode()

    assert 'name="max_value"' not in page
    assert reverse("admin:campaigns_indicator_rules", args=[vneid.pk]) in page


def test_admin_indicator_rules_editable_before_any_value(client, office_user, vneid):
    client.force_login(office_user)

    page = client.get(
        reverse("admin:campaigns_indicator_change", args=[vneid.pk])
    ).content.decode()

    assert 'name="max_value"' in page


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("target", "-5"),
        ("max_value", "99999999999999999999"),
        ("position", "40000"),
        ("max_value", "150"),
    ],
)
def test_admin_indicator_bad_numbers_answer_a_form_error_not_500(
    client, office_user, plan, field, typed
):
    client.force_login(office_user)
    goal = plan.goals.get(code="d")
    data = {
        "campaign": plan.pk,
        "goal": goal.pk,
        "code": "d_moi",
        "name": "Chỉ tiêu mới",
        "unit_of_measure": "%",
        "value_type": "percentage",
        "min_value": "0",
        "aggregation": "sum",
        "position": "1",
        field: typed,
    }

    response = client.post(reverse("admin:campaigns_indicator_add"), data)

    assert response.status_code == 200
    assert not Indicator.objects.filter(code="d_moi").exists()


def test_admin_text_with_a_control_character_is_refused(client, office_user, plan):
    client.force_login(office_user)
    goal = plan.goals.get(code="a")

    response = client.post(
        reverse("admin:campaigns_goal_change", args=[goal.pk]),
        {
            "campaign": plan.pk,
            "code": "a",
            "position": "1",
            "title": "Tuyên\x0btruyền",
            "text": goal.text,
            "priority_fields-TOTAL_FORMS": "0",
            "priority_fields-INITIAL_FORMS": "0",
            "priority_fields-MIN_NUM_FORMS": "0",
            "priority_fields-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    goal.refresh_from_db()
    assert "\x0b" not in goal.title


# --- Report services check the actor's permission -----------------------------------------


def test_report_save_by_another_units_head_is_refused(filled_report, other_head):
    goal = filled_report.period.campaign.goals.get(code="a")

    with pytest.raises(ValidationError) as refused:
        report_save(report=filled_report, actor=other_head, narratives={goal.pk: "x"})

    assert refused.value.code == "permission_denied"


def test_report_submit_by_another_units_head_is_refused(filled_report, other_head):
    with pytest.raises(ValidationError) as refused:
        report_submit(report=filled_report, actor=other_head)

    assert refused.value.code == "permission_denied"


@pytest.mark.parametrize(
    "role", ["council_user", "chairman", "hamlet_head", "sysadmin"]
)
def test_report_review_refused_to_everyone_but_the_office(
    request, submitted_report, role
):
    actor = request.getfixturevalue(role)
    for service, kwargs in (
        (report_accept, {}),
        (report_return, {"reason": "Sửa."}),
        (report_reopen, {"reason": "Mở lại."}),
    ):
        with pytest.raises(ValidationError) as refused:
            service(report=submitted_report, actor=actor, **kwargs)
        assert refused.value.code == "permission_denied"
    submitted_report.refresh_from_db()
    assert submitted_report.state == ReportState.SUBMITTED


def test_report_start_for_another_unit_is_refused(period, hamlet, other_head):
    with pytest.raises(ValidationError) as refused:
        report_start(unit=hamlet, period=period, actor=other_head)

    assert refused.value.code == "permission_denied"


def test_report_reopen_of_a_draft_before_its_due_date_is_refused(
    filled_report, office_user
):
    with pytest.raises(ValidationError) as refused:
        report_reopen(report=filled_report, actor=office_user, reason="Mở lại.")

    assert refused.value.code == "nothing_to_reopen"


def test_report_start_view_asks_the_permission_on_the_unit(
    client, council_user, period, hamlet
):
    client.force_login(council_user)

    response = client.post(
        reverse("campaigns:report_start", args=[period.pk, hamlet.pk])
    )

    assert response.status_code == 404


def test_report_huge_number_typed_is_a_message_not_500(
    client, hamlet_head, filled_report
):
    client.force_login(hamlet_head)
    indicator = filled_report.period.campaign.indicators.get(code="a_buoi_tuyen_truyen")

    response = client.post(
        reverse("campaigns:report_edit", args=[filled_report.pk]),
        {"action": "save", f"value_{indicator.pk}": "1e400"},
    )

    assert response.status_code == 200
    assert "Số này quá lớn." in response.content.decode()
    assert filled_report.values.get(indicator=indicator).value == Decimal(5)


# --- Paper reports ------------------------------------------------------------------------


def test_report_record_paper_keeps_the_day_it_arrived(
    period, hamlet, office_user, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 20, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=office_user), office_user
    )

    report_record_paper(
        report=report,
        actor=office_user,
        received_on=datetime.date(2025, 12, 8),
        reason="Thôn nộp bản giấy.",
    )

    assert report.state == ReportState.SUBMITTED
    assert report.days_late() == 0
    assert timezone_day(report.submitted_at) == datetime.date(2025, 12, 8)
    entry = ActivityLog.objects.get(action="campaigns.report.recorded_from_paper")
    assert entry.reason == "Thôn nộp bản giấy."


def test_report_record_paper_after_the_due_day_is_late(
    period, hamlet, office_user, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 20, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=office_user), office_user
    )

    with pytest.raises(ValidationError) as refused:
        report_record_paper(
            report=report,
            actor=office_user,
            received_on=datetime.date(2025, 12, 15),
            reason="Thôn nộp bản giấy.",
        )

    assert refused.value.code == "late"


def test_report_record_paper_refused_to_a_unit_head(filled_report, hamlet_head):
    with pytest.raises(ValidationError) as refused:
        report_record_paper(
            report=filled_report,
            actor=hamlet_head,
            received_on=datetime.date(2025, 12, 1),
            reason="Nộp giấy.",
        )

    assert refused.value.code == "permission_denied"


def timezone_day(moment):
    return moment.astimezone(VN).date()


# --- Evidence files on the shared base ------------------------------------------------------


def test_report_attachment_is_an_evidence_file_with_its_type(
    filled_report, hamlet_head, django_capture_on_commit_callbacks
):
    attachment = report_attachment_add(
        report=filled_report, actor=hamlet_head, file=pdf_file()
    )

    assert isinstance(attachment, EvidenceFile)
    assert (attachment.file_type, attachment.uploaded_by) == ("pdf", hamlet_head)
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        report_attachment_remove(attachment=attachment, actor=hamlet_head)

    assert not ReportAttachment.objects.exists()
    assert not storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_the_attachment_kind_as_file_type(plan):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("campaigns", "0002_reports")])
    try:
        old = executor.loader.project_state([("campaigns", "0002_reports")]).apps
        unit = old.get_model("units", "Unit").objects.create(name="Thôn Cũ")
        period = old.get_model("campaigns", "ReportingPeriod").objects.first()
        report = old.get_model("campaigns", "Report").objects.create(
            unit_id=unit.pk, period_id=period.pk
        )
        old.get_model("campaigns", "ReportAttachment").objects.create(
            report=report, file="evidence/x.pdf", original_name="x.pdf", kind="pdf"
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert ReportAttachment.objects.get(original_name="x.pdf").file_type == "pdf"


# --- Readable log; pages under the Content-Security-Policy ------------------------------------


def test_every_campaigns_action_code_written_has_a_sentence(
    submitted_report, office_user
):
    report_return(report=submitted_report, actor=office_user, reason="Sửa.")
    codes = set(
        ActivityLog.objects.filter(action__startswith="campaigns.").values_list(
            "action", flat=True
        )
    )
    services = Path(__file__).resolve().parents[2] / "campaigns" / "services"
    written = set()
    for path in services.glob("*.py"):
        written |= set(re.findall(r'"(campaigns\.[a-z_]+\.[a-z_]+)"', path.read_text()))
    written = {code for code in written if not code.startswith("campaigns.services")}

    assert codes <= written
    assert written - set(registered_actions()) == set()


INLINE = re.compile(
    r"<script>(?!\s*</script>)|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|\sstyle="
)


@pytest.mark.parametrize(
    "path",
    [p for p in TEMPLATES.rglob("*.html") if "pdf" not in p.parts],
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_campaigns_templates_have_no_inline_script_handler_or_style(path):
    text = path.read_text()

    assert INLINE.findall(text) == []
    assert "<style" not in text
    assert "roles." not in text and "user_roles" not in text
