"""Numbers far beyond the commune's target are flagged, not refused (issue 17)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns.enums import ReportState
from campaigns.models import Indicator
from campaigns.plausibility import TARGET_FACTOR, is_far_beyond, report_warnings
from campaigns.services import report_save

from .helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(plan):
    """Propaganda sessions: the commune's target is 150 for the year."""
    indicator = Indicator.objects.get(campaign=plan, code="a_buoi_tuyen_truyen")
    assert indicator.target == 150
    return indicator


def test_rule_is_three_times_the_target(sessions):
    assert TARGET_FACTOR == 3
    assert not is_far_beyond(sessions, Decimal(450))
    assert is_far_beyond(sessions, Decimal(451))
    assert is_far_beyond(sessions, Decimal(1200))
    assert not is_far_beyond(sessions, None)


def test_rule_needs_a_target(plan):
    no_target = Indicator.objects.get(campaign=plan, code="e_su_co_xu_ly")
    assert no_target.target is None

    assert report_warnings([no_target], {no_target.pk: Decimal(10**9)}) == {}


def test_report_form_warns_next_to_the_field_and_before_submit(
    client, hamlet_head, filled_report, sessions
):
    client.force_login(hamlet_head)
    url = reverse("campaigns:report_edit", args=[filled_report.pk])

    saved = client.post(
        url, form_data(filled_report, **{f"value_{sessions.pk}": "1.200"})
    )
    page = client.get(url).content.decode()

    assert saved.status_code == 302
    assert filled_report.values.get(indicator=sessions).value == Decimal(1200)
    start = page.index(f'id="indicator-{sessions.pk}"')
    block = page[start : page.index('<div class="mt-3" id="indicator-', start + 10)]
    assert "far-warning" in block
    assert "1.200 buổi là hơn 3 lần chỉ tiêu của cả xã (150 buổi)" in block
    alert = re.search(
        r'<div class="alert alert-warning" id="far-warnings">.*?</div>', page, re.S
    )
    assert alert is not None
    assert sessions.name in alert.group(0)
    assert "Có số liệu vượt xa chỉ tiêu của xã" in page  # the confirmation at submit


def test_far_value_is_submitted_with_a_warning(
    client, hamlet_head, filled_report, sessions
):
    client.force_login(hamlet_head)
    report_save(
        report=filled_report,
        actor=hamlet_head,
        narratives={},
        values={sessions.pk: Decimal(1200)},
    )

    response = client.post(
        reverse("campaigns:report_edit", args=[filled_report.pk]),
        form_data(filled_report, action="submit", **{f"value_{sessions.pk}": "1200"}),
        follow=True,
    )

    filled_report.refresh_from_db()
    assert filled_report.state == ReportState.SUBMITTED
    assert (
        "Phòng Văn hóa - Xã hội sẽ kiểm tra lại với đơn vị" in response.content.decode()
    )


def test_plain_report_has_no_warning(client, hamlet_head, filled_report):
    client.force_login(hamlet_head)

    page = client.get(
        reverse("campaigns:report_edit", args=[filled_report.pk])
    ).content.decode()

    assert "far-warning" not in page
    assert 'id="far-warnings"' not in page


def test_board_marks_the_row_of_a_report_far_beyond(
    client, office_user, submitted_report, sessions, period
):
    client.force_login(office_user)
    row = rf'<tr data-unit="{submitted_report.unit_id}".*?</tr>'
    before = re.search(
        row, client.get(period.get_absolute_url()).content.decode(), re.S
    )
    assert "far-mark" not in before.group(0)

    submitted_report.values.filter(indicator=sessions).update(value=Decimal(1200))
    after = re.search(row, client.get(period.get_absolute_url()).content.decode(), re.S)

    assert "far-mark" in after.group(0)
    assert "⚠ 1" in after.group(0)
