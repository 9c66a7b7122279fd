"""One deadline (issue 16): ``campaigns.deadlines`` answers "until when may this unit
do this?" for reports and dossiers, extensions included, and every service, page and
message names the day it answers. Both extensions share one grant and revoke, and one
page."""

import datetime
import io
import re
import threading
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from awards.extensions import (
    dossier_due_items,
    dossier_extension_grant,
    dossier_extension_revoke,
    nomination_deadline,
)
from awards.models import DossierExtension
from awards.services import nomination_return, nomination_submit
from campaigns.deadlines import (
    NO_DEADLINE,
    Deadline,
    deadline_for,
    dossier_deadline,
    dossier_deadlines,
    end_of_day,
    extension_model,
    report_deadline,
    report_deadlines,
)
from campaigns.models import ReportExtension, ReportingPeriod
from campaigns.selectors import board_rows, report_due_items
from campaigns.services import (
    campaign_dates_change,
    period_due_change,
    report_extension_grant,
    report_extension_revoke,
    report_record_paper,
    report_start,
    report_submit,
)
from phongquang_portal.core.models import ActivityLog
from tests.awards.factories import NominationFactory, attach_required, kind_for
from tests.conftest import requires_postgres
from tests.factories import UnitFactory, unit_head, user_with_role
from tests.reports.helpers import fill
from units.enums import Role

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
UTC = datetime.UTC
pytestmark = pytest.mark.django_db

DUE = datetime.date(2025, 12, 10)  # the 2025 final review's due day
DOSSIERS = datetime.date(2025, 12, 15)  # the 2025 dossier deadline


def at(moment):
    return time_machine.travel(moment, tick=False)


def vn(*args):
    return datetime.datetime(*args, tzinfo=VN)


def near(page, marker, size=600):
    """The HTML just after ``marker`` (an element's id), where its text is."""
    start = page.index(marker)
    return page[start : start + size]


def due_item(page, label):
    """The home page's due item whose title names ``label``."""
    items = re.findall(r'<li class="[^"]*due-item.*?</li>', page, re.S)
    return next(item for item in items if label in item)


@pytest.fixture
def period(plan):
    return ReportingPeriod.objects.get(campaign=plan, name="Tổng kết năm 2025")


@pytest.fixture
def giay_khen(plan):
    return kind_for(plan)


@pytest.fixture
def draft_report(period, hamlet, hamlet_head):
    with at(vn(2025, 12, 1, 9)):
        return fill(
            report_start(unit=hamlet, period=period, actor=hamlet_head), hamlet_head
        )


@pytest.fixture
def dossier(giay_khen, hamlet):
    return attach_required(
        NominationFactory(
            award_kind=giay_khen, nominee_unit=hamlet, proposing_unit=hamlet
        )
    )


def grant_report(period, unit, until, actor, reason="Thôn mất điện do mưa lũ."):
    return report_extension_grant(
        period=period, unit=unit, until=until, reason=reason, actor=actor, notify=False
    )


def grant_dossier(kind, unit, until, actor, reason="Thôn bổ sung biên bản."):
    return dossier_extension_grant(
        award_kind=kind, unit=unit, until=until, reason=reason, actor=actor
    )


# --- The rule ---------------------------------------------------------------------------


def test_deadline_ends_at_midnight_vietnam_whatever_the_clock_zone(settings):
    settings.TIME_ZONE = "UTC"
    deadline = Deadline(DUE)
    with timezone.override("America/New_York"):
        assert deadline.ends_at == datetime.datetime(2025, 12, 10, 17, 0, tzinfo=UTC)
        assert end_of_day(DUE) == vn(2025, 12, 11)
        assert not deadline.is_past(
            datetime.datetime(2025, 12, 10, 16, 59, 59, tzinfo=UTC)
        )
        assert deadline.is_past(datetime.datetime(2025, 12, 10, 17, 0, tzinfo=UTC))
        # 01:00 on the 11th in Vietnam is still the 10th in UTC: one day late.
        assert (
            deadline.days_late(datetime.datetime(2025, 12, 10, 18, 0, tzinfo=UTC)) == 1
        )
        assert (
            deadline.days_left(datetime.datetime(2025, 12, 9, 18, 0, tzinfo=UTC)) == 0
        )
    assert deadline.display == str(deadline) == "10/12/2025"


@pytest.mark.parametrize(
    ("moment", "past", "days_left", "days_late"),
    [
        (vn(2025, 12, 9, 23, 59, 59), False, 1, 0),
        (vn(2025, 12, 10, 0, 0, 1), False, 0, 0),
        (vn(2025, 12, 10, 23, 59, 59), False, 0, 0),
        (vn(2025, 12, 11, 0, 0, 0), True, 0, 1),
        (vn(2025, 12, 13, 10, 0), True, 0, 3),
    ],
)
def test_days_left_and_late_across_midnight(moment, past, days_left, days_late):
    deadline = Deadline(DUE)
    with at(moment):
        assert (deadline.is_past(), deadline.days_left(), deadline.days_late()) == (
            past,
            days_left,
            days_late,
        )


@pytest.mark.parametrize(
    ("until", "revoked", "day", "extended"),
    [
        (datetime.date(2025, 12, 15), False, datetime.date(2025, 12, 15), True),
        (datetime.date(2025, 12, 8), False, DUE, False),  # earlier: never shortens
        (DUE, False, DUE, False),  # the same day: nothing extended
        (datetime.date(2025, 12, 15), True, DUE, False),  # withdrawn
    ],
)
def test_the_rule_combines_the_due_day_and_the_extension(until, revoked, day, extended):
    extension = ReportExtension(
        until=until, revoked_at=timezone.now() if revoked else None
    )
    deadline = deadline_for(DUE, extension)
    assert (deadline.day, deadline.extended) == (day, extended)
    assert deadline.extension is (extension if extended else None)
    assert deadline.due_on == DUE


def test_no_deadline_is_never_past():
    assert NO_DEADLINE.is_past(vn(2099, 1, 1)) is False
    assert NO_DEADLINE.days_late(vn(2099, 1, 1)) == 0
    assert (NO_DEADLINE.ends_at, NO_DEADLINE.display, NO_DEADLINE.bound) == (
        None,
        "",
        False,
    )


def test_each_subject_finds_its_extension_model_without_campaigns_knowing_awards():
    assert extension_model("report") is ReportExtension
    assert extension_model("dossier") is DossierExtension


# --- The entry points ------------------------------------------------------------------------


def test_report_deadline_is_the_units_own(period, hamlet, other_hamlet, office_user):
    extension = grant_report(period, hamlet, datetime.date(2025, 12, 15), office_user)

    assert report_deadline(period).day == DUE
    assert report_deadline(period, hamlet).day == datetime.date(2025, 12, 15)
    assert report_deadline(period, hamlet).extension == extension
    assert report_deadline(period, other_hamlet.pk).day == DUE
    report_extension_revoke(extension=extension, reason="Nhầm.", actor=office_user)
    assert report_deadline(period, hamlet).day == DUE


def test_report_deadlines_answer_as_one_and_read_once(
    period, hamlet, other_hamlet, office_user, django_assert_num_queries
):
    grant_report(period, hamlet, datetime.date(2025, 12, 15), office_user)
    with django_assert_num_queries(1):
        book = report_deadlines([period], [hamlet, other_hamlet])
    for unit in (hamlet, other_hamlet):
        assert book.get(period, unit) == report_deadline(period, unit)


def test_dossier_deadline_is_the_units_own(
    plan, giay_khen, hamlet, other_hamlet, office_user, django_assert_num_queries
):
    extension = grant_dossier(
        giay_khen, hamlet, datetime.date(2025, 12, 19), office_user
    )

    assert dossier_deadline(plan).day == DOSSIERS
    assert dossier_deadline(giay_khen, hamlet).day == datetime.date(2025, 12, 19)
    assert dossier_deadline(giay_khen, hamlet).extension == extension
    assert dossier_deadline(giay_khen, other_hamlet).day == DOSSIERS
    assert dossier_deadline(kind_for(plan, "dot_xuat"), hamlet) == NO_DEADLINE
    kinds = list(plan.award_kinds.all())
    with django_assert_num_queries(1):
        book = dossier_deadlines(kinds, [hamlet, other_hamlet])
    for kind in kinds:
        for unit in (hamlet, other_hamlet):
            assert book.get(kind, unit) == dossier_deadline(kind, unit)


# --- The drift: a refusal names the day in force --------------------------------------------


def test_late_refusal_names_the_moved_due_day_not_an_extension_left_behind(
    period, hamlet, hamlet_head, office_user, draft_report
):
    """Found in issue 16: the refusal named the unit's extension (13/12) although
    the period's due day, moved later to 15/12, was the one in force; the board
    said 15/12."""
    grant_report(period, hamlet, datetime.date(2025, 12, 13), office_user)
    period_due_change(
        period=period,
        actor=office_user,
        reason="Lùi hạn cho mọi đơn vị.",
        due_on=datetime.date(2025, 12, 15),
    )
    with at(vn(2025, 12, 16, 9)), pytest.raises(ValidationError) as refused:
        report_submit(report=draft_report, actor=hamlet_head)

    assert refused.value.code == "late"
    assert "15/12/2025" in refused.value.messages[0]
    assert "13/12/2025" not in refused.value.messages[0]
    row = next(
        r for r in board_rows(period, now=vn(2025, 12, 16, 9)) if r.unit == hamlet
    )
    assert (row.deadline.day, row.extension, row.days_late) == (
        datetime.date(2025, 12, 15),
        None,
        1,
    )


def test_report_page_late_warning_names_the_extension_the_refusal_names(
    client, period, hamlet, hamlet_head, office_user, draft_report
):
    """Found in issue 16: past an extension, the page said the period's due day
    (10/12) had passed while the refusal named the extension's (15/12)."""
    grant_report(period, hamlet, datetime.date(2025, 12, 15), office_user)
    client.force_login(hamlet_head)
    with at(vn(2025, 12, 16, 9)):
        page = client.get(
            reverse("campaigns:report_edit", args=[draft_report.pk])
        ).content.decode()
        with pytest.raises(ValidationError) as refused:
            report_submit(report=draft_report, actor=hamlet_head)

    assert "15/12/2025" in near(page, 'id="late-warning"')
    assert "10/12/2025" not in near(page, 'id="late-warning"')
    assert "15/12/2025" in refused.value.messages[0]


def test_paper_report_inside_an_extension_is_not_counted_late(
    period, hamlet, office_user, draft_report
):
    """Found in issue 16: the paper record counted days late from the period's due
    day although it accepted the report under the unit's extension."""
    grant_report(period, hamlet, datetime.date(2025, 12, 15), office_user)
    with at(vn(2025, 12, 14, 9)):
        report_record_paper(
            report=draft_report,
            actor=office_user,
            received_on=datetime.date(2025, 12, 12),
            reason="Thôn nộp bản giấy.",
        )
    entry = ActivityLog.objects.get(action="campaigns.report.recorded_from_paper")
    assert entry.data["days_late"] == 0
    assert draft_report.days_late() == 0


def test_dossier_page_and_refusal_name_the_same_day_when_the_deadline_moved_past_an_extension(
    client, plan, giay_khen, hamlet, hamlet_head, office_user, dossier
):
    """Found in issue 16: the dossier page kept announcing an extension to 18/12
    after the campaign's deadline moved to 20/12, while the refusal named 20/12."""
    grant_dossier(giay_khen, hamlet, datetime.date(2025, 12, 18), office_user)
    campaign_dates_change(
        campaign=plan,
        actor=office_user,
        reason="Lùi hạn nộp hồ sơ.",
        dossier_deadline=datetime.date(2025, 12, 20),
    )
    client.force_login(hamlet_head)
    with at(vn(2025, 12, 21, 9)):
        page = client.get(dossier.get_absolute_url()).content.decode()
        with pytest.raises(ValidationError) as refused:
            nomination_submit(nomination=dossier, actor=hamlet_head)

    assert "20/12/2025" in refused.value.messages[0]
    assert 'id="dossier-extension"' not in page
    assert "18/12/2025" not in near(page, 'id="submit-help"')
    assert "20/12/2025" in near(page, 'id="submit-help"')


def test_dossier_form_of_an_extended_unit_names_its_extension_not_the_closed_deadline(
    client, giay_khen, hamlet, hamlet_head, office_user, dossier
):
    grant_dossier(giay_khen, hamlet, datetime.date(2025, 12, 19), office_user)
    client.force_login(hamlet_head)
    with at(vn(2025, 12, 17, 9)):
        page = client.get(reverse("awards:edit", args=[dossier.pk])).content.decode()
    notice = near(page, 'id="deadline-notice"')
    assert "19/12/2025" in notice
    assert "không thể nộp" not in notice


# --- Pages and messages agree with the service ------------------------------------------------


def test_report_pages_and_refusal_name_the_units_day(
    client, period, hamlet, hamlet_head, office_user, draft_report
):
    grant_report(period, hamlet, datetime.date(2025, 12, 17), office_user)
    with at(vn(2025, 12, 12, 9)):
        client.force_login(hamlet_head)
        home = client.get("/").content.decode()
        form = client.get(reverse("campaigns:report_edit", args=[draft_report.pk]))
        client.force_login(office_user)
        board = client.get(period.get_absolute_url()).content.decode()
    with at(vn(2025, 12, 18, 0, 0, 1)), pytest.raises(ValidationError) as refused:
        report_submit(report=draft_report, actor=hamlet_head)

    item = due_item(home, "Tổng kết năm 2025")
    assert "hạn <strong>17/12/2025</strong>" in item
    assert "còn 5 ngày" in item
    assert "17/12/2025" in near(form.content.decode(), 'id="extension-notice"')
    row = near(board, f'data-unit="{hamlet.pk}"', 1500)
    assert "gia hạn đến 17/12/2025" in row
    assert "17/12/2025" in refused.value.messages[0]


def test_dossier_pages_and_refusal_name_the_units_day(
    client, plan, giay_khen, hamlet, hamlet_head, office_user, dossier
):
    with at(vn(2025, 12, 10, 9)):
        nomination_submit(nomination=dossier, actor=hamlet_head)
        nomination_return(nomination=dossier, actor=office_user, reason="Bổ sung.")
    grant_dossier(giay_khen, hamlet, datetime.date(2025, 12, 19), office_user)
    client.force_login(hamlet_head)
    with at(vn(2025, 12, 17, 9)):
        home = client.get("/").content.decode()
        page = client.get(dossier.get_absolute_url()).content.decode()
        items = dossier_due_items(hamlet_head, plan)
    with at(vn(2025, 12, 20, 0, 0, 1)), pytest.raises(ValidationError) as refused:
        nomination_submit(nomination=dossier, actor=hamlet_head)

    assert [(i.label, i.due_on, i.days_left) for i in items] == [
        (giay_khen.name, datetime.date(2025, 12, 19), 2)
    ]
    due = due_item(home, giay_khen.name)
    assert "hạn <strong>19/12/2025</strong>" in due
    assert "19/12/2025" in near(page, 'id="dossier-extension"')
    assert nomination_deadline(dossier).display == "19/12/2025"
    assert "19/12/2025" in refused.value.messages[0]


def test_reminders_go_by_each_units_own_day(
    period, hamlet, other_hamlet, office_user, time_machine
):
    for unit, name in ((hamlet, "thon_a"), (other_hamlet, "thon_b")):
        head = unit_head(unit, username=name)
        head.email = f"{name}@example.test"
        head.save()
    grant_report(period, other_hamlet, datetime.date(2025, 12, 31), office_user)

    time_machine.move_to(vn(2025, 12, 5, 7))
    call_command("send_report_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["thon_a@example.test"]]
    assert "10/12/2025" in mail.outbox[0].subject

    mail.outbox.clear()
    time_machine.move_to(vn(2025, 12, 28, 7))
    call_command("send_report_reminders", "--overdue-days", "5", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["thon_b@example.test"]]
    assert "31/12/2025" in mail.outbox[0].subject
    assert "31/12/2025" in mail.outbox[0].body


# --- One grant and revoke for both subjects -----------------------------------------------


@pytest.fixture(params=["report", "dossier"])
def subject(request, period, giay_khen):
    """What differs between the two extensions: the call and the log's codes."""
    if request.param == "report":
        return {
            "grant": lambda unit, until, actor, reason="Lý do.": report_extension_grant(
                period=period, unit=unit, until=until, reason=reason, actor=actor
            ),
            "revoke": report_extension_revoke,
            "due": DUE,
            "max_days": 90,
            "log": "campaigns.extension",
        }
    return {
        "grant": lambda unit, until, actor, reason="Lý do.": dossier_extension_grant(
            award_kind=giay_khen, unit=unit, until=until, reason=reason, actor=actor
        ),
        "revoke": dossier_extension_revoke,
        "due": DOSSIERS,
        "max_days": 60,
        "log": "awards.extension",
    }


def days(n, since):
    return since + datetime.timedelta(days=n)


def test_grant_change_and_revoke_are_logged_once(subject, hamlet, office_user):
    grant, due, log = subject["grant"], subject["due"], subject["log"]
    extension = grant(hamlet, days(3, due), office_user)
    grant(hamlet, days(5, due), office_user, reason="Thêm hai ngày.")
    subject["revoke"](extension=extension, reason="Đã đủ.", actor=office_user)
    with pytest.raises(ValidationError) as refused:
        subject["revoke"](extension=extension, reason="Lại.", actor=office_user)
    again = grant(hamlet, days(4, due), office_user, reason="Cấp lại.")

    assert refused.value.code == "already_revoked"
    assert again.pk == extension.pk and again.is_active
    entries = ActivityLog.objects.filter(action__startswith=log).order_by("pk")
    assert [e.action for e in entries] == [
        f"{log}.granted",
        f"{log}.changed",
        f"{log}.revoked",
        f"{log}.changed",
    ]
    changed = ActivityLog.objects.filter(action=f"{log}.changed").order_by("pk")[0]
    assert changed.data["changes"]["until"] == {
        "label": "gia hạn đến ngày",
        "old": days(3, due).strftime("%d/%m/%Y"),
        "new": days(5, due).strftime("%d/%m/%Y"),
    }
    assert changed.reason == "Thêm hai ngày."


def test_a_change_must_pass_the_day_in_force_and_says_which(
    subject, hamlet, office_user
):
    grant, due = subject["grant"], subject["due"]
    grant(hamlet, days(5, due), office_user)
    with pytest.raises(ValidationError) as refused:
        grant(hamlet, days(2, due), office_user)
    assert refused.value.code == "extension_not_later"
    assert days(5, due).strftime("%d/%m/%Y") in refused.value.messages[0]


@pytest.mark.parametrize(
    ("offset", "reason", "code"),
    [
        (0, "Lý do.", "extension_not_later"),
        (None, "Lý do.", "extension_too_long"),
        (3, "   ", "reason_required"),
        (3, "Lý do\x00 ẩn.", "control_characters"),
    ],
)
def test_grant_refusals_are_the_same_for_both(
    subject, hamlet, office_user, offset, reason, code
):
    due = subject["due"]
    until = days(subject["max_days"] + 1 if offset is None else offset, due)
    with pytest.raises(ValidationError) as refused:
        subject["grant"](hamlet, until, office_user, reason=reason)
    assert refused.value.code == code
    if code == "extension_not_later":
        assert due.strftime("%d/%m/%Y") in refused.value.messages[0]


def test_the_longest_extension_is_allowed(subject, hamlet, office_user):
    due = subject["due"]
    extension = subject["grant"](hamlet, days(subject["max_days"], due), office_user)
    assert extension.until == days(subject["max_days"], due)


def test_only_the_office_grants_or_revokes(subject, hamlet, hamlet_head, office_user):
    with pytest.raises(ValidationError) as refused:
        subject["grant"](hamlet, days(3, subject["due"]), hamlet_head)
    assert refused.value.code == "permission_denied"
    extension = subject["grant"](hamlet, days(3, subject["due"]), office_user)
    with pytest.raises(ValidationError) as refused:
        subject["revoke"](extension=extension, reason="Hủy.", actor=hamlet_head)
    assert refused.value.code == "permission_denied"


# --- One page pattern ----------------------------------------------------------------------------


@pytest.fixture(params=["report", "dossier"])
def page(request, plan, period, giay_khen, hamlet):
    """The extension page of each subject: its address and what its form posts."""
    if request.param == "report":
        return {
            "url": reverse("campaigns:extension", args=[period.pk, hamlet.pk]),
            "data": {},
            "grant": lambda until, actor: grant_report(period, hamlet, until, actor),
            "due": DUE,
        }
    return {
        "url": reverse("awards:extensions") + f"?campaign={plan.pk}",
        "data": {"award_kind": giay_khen.pk, "unit": hamlet.pk},
        "grant": lambda until, actor: grant_dossier(giay_khen, hamlet, until, actor),
        "due": DOSSIERS,
    }


@pytest.mark.parametrize(
    ("until", "message"),
    [
        ("2025-12-01", "Ngày gia hạn phải sau hạn nộp"),
        ("2027-12-31", "Chỉ được gia hạn tối đa"),
        ("not a date", "Hãy nhập ngày theo dạng ngày/tháng/năm"),
        ("", "Vui lòng nhập hạn nộp mới."),
    ],
)
def test_bad_input_keeps_what_was_typed_and_says_why(
    client, office_user, page, until, message
):
    client.force_login(office_user)
    response = client.post(
        page["url"], {**page["data"], "until": until, "reason": "Lý do đã gõ."}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert "Lý do đã gõ." in content
    assert not ReportExtension.objects.exists()
    assert not DossierExtension.objects.exists()


def test_page_lists_the_extension_in_force_first(client, office_user, page, hamlet):
    first = page["grant"](days(3, page["due"]), office_user)
    if isinstance(first, ReportExtension):
        report_extension_revoke(extension=first, reason="Nhầm.", actor=office_user)
        in_force = None
    else:
        dossier_extension_revoke(extension=first, reason="Nhầm.", actor=office_user)
        other = UnitFactory(name="Thôn Còn Hạn")
        in_force = dossier_extension_grant(
            award_kind=first.award_kind,
            unit=other,
            until=days(9, page["due"]),
            reason="Lý do.",
            actor=office_user,
        )
    client.force_login(office_user)
    lines = client.get(page["url"]).context["lines"]

    if in_force is None:  # one unit and one period: the withdrawn one stays listed
        assert [(line.extension, line.in_force) for line in lines] == [(first, False)]
    else:
        assert [(line.extension, line.in_force) for line in lines] == [
            (in_force, True),
            (first, False),
        ]
    assert lines[-1].revoke_url == ""


def test_withdrawing_without_a_reason_is_refused_on_the_page(client, office_user, page):
    extension = page["grant"](days(3, page["due"]), office_user)
    client.force_login(office_user)
    revoke_url = client.get(page["url"]).context["lines"][0].revoke_url
    response = client.post(revoke_url, {"revoke-reason": " "}, follow=True)

    assert "Vui lòng nêu lý do hủy gia hạn." in response.content.decode()
    extension.refresh_from_db()
    assert extension.is_active
    response = client.post(revoke_url, {"revoke-reason": "Đã đủ."}, follow=True)
    extension.refresh_from_db()
    assert not extension.is_active
    assert response.status_code == 200


def test_unit_heads_do_not_see_the_extension_pages(client, hamlet_head, page):
    client.force_login(hamlet_head)
    assert client.get(page["url"]).status_code == 404


@pytest.mark.parametrize("count", [1, 5])
def test_dossier_extension_page_query_count_is_fixed(
    client, plan, giay_khen, office_user, django_assert_num_queries, count
):
    for index in range(count):
        grant_dossier(
            giay_khen,
            UnitFactory(name=f"Thôn Gia Hạn {index}"),
            days(3, DOSSIERS),
            office_user,
        )
    client.force_login(office_user)
    url = reverse("awards:extensions") + f"?campaign={plan.pk}"
    client.get(url)
    with django_assert_num_queries(9):
        response = client.get(url)
    assert len(response.context["lines"]) == count


@pytest.mark.parametrize("count", [1, 4])
def test_home_page_due_items_query_count_is_fixed(
    client, plan, period, giay_khen, office_user, django_assert_num_queries, count
):
    head = None
    for index in range(count):
        unit = UnitFactory(name=f"Thôn Việc {index}")
        head = user_with_role(Role.UNIT_HEAD, unit=unit, username="truong_nhieu_viec")
        grant_report(period, unit, days(2, DUE), office_user)
        grant_dossier(giay_khen, unit, days(2, DOSSIERS), office_user)
    client.force_login(head)
    with at(vn(2025, 12, 5, 9)):
        client.get("/")
        with django_assert_num_queries(15):
            response = client.get("/")
        items = [i for i in report_due_items(head, plan) if i.label == period.name]
    assert len(items) == count
    assert {i.due_on for i in items} == {days(2, DUE)}
    page = response.content.decode()
    assert page.count("hạn <strong>12/12/2025</strong>") == count
    assert page.count("hạn <strong>17/12/2025</strong>") == count


# --- Two grants at once (PostgreSQL) -----------------------------------------------------------


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_grants_for_one_unit_at_once_leave_one_extension(plan, hamlet, office_user):
    period = ReportingPeriod.objects.get(campaign=plan, name="Tổng kết năm 2025")
    barrier = threading.Barrier(2)
    outcomes = []

    def grant(until):
        try:
            barrier.wait()
            grant_report(
                ReportingPeriod.objects.get(pk=period.pk), hamlet, until, office_user
            )
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=grant, args=(days(5, DUE),)),
        threading.Thread(target=grant, args=(days(7, DUE),)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # Whichever came second either moved the day later or was told it must.
    assert sorted(outcomes) in (["ok", "ok"], ["extension_not_later", "ok"])
    assert ReportExtension.objects.count() == 1
    assert ActivityLog.objects.filter(
        action__startswith="campaigns.extension."
    ).count() == outcomes.count("ok")
