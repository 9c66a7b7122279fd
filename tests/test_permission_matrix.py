"""Walk every portal URL with every role (pretix's permission matrix).

The demo commune gives each URL a real object. The invariants: no page fails
with a server error; anonymous visitors see only the public pages; another
unit's head gets 404 on a unit's objects; the unit's own head and the office
can open them.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from awards.models import Attachment, Decision, Nomination
from campaigns.models import Campaign, Report, ReportAttachment
from scoring.models import ScoreSheet
from units.enums import Role, UnitKind
from units.models import Membership

pytestmark = pytest.mark.django_db

PUBLIC = {
    "home",
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
    "campaigns:list",
    "campaigns:detail",
    "scoring:honor_board_latest",
    "scoring:honor_board",
    "awards:honor",
    "healthz",
}
# Pages for one role's own work: the office neither self-assesses nor scores as
# a council member.
ROLE_PAGES = {"scoring:self_assess", "scoring:council_score"}
# Pages that only take POST answer 405 to a GET; that is not a permission leak.
NOT_A_PAGE = {405}


def _hamlet_of(username):
    return Membership.objects.get(
        user__username=username, role=Role.UNIT_HEAD, unit__kind=UnitKind.HAMLET
    ).unit


def _urls(unit):
    """(name, url, belongs_to_unit) for every GET-able portal URL."""
    c2026 = Campaign.objects.get(year=2026)
    report = (
        Report.objects.filter(unit=unit, period__campaign=c2026).first()
        or Report.objects.filter(unit=unit).first()
    )
    sheet = ScoreSheet.objects.filter(unit=unit, campaign=c2026).first()
    nomination = Nomination.objects.filter(proposing_unit=unit).first()
    decision = Decision.objects.first()
    period = report.period
    rows = [
        ("home", reverse("home"), False),
        ("login", reverse("login"), False),
        ("password_reset", reverse("password_reset"), False),
        ("password_reset_done", reverse("password_reset_done"), False),
        ("password_reset_complete", reverse("password_reset_complete"), False),
        ("password_change", reverse("password_change"), False),
        ("healthz", reverse("healthz"), False),
        ("campaigns:list", reverse("campaigns:list"), False),
        ("campaigns:detail", reverse("campaigns:detail", args=[c2026.pk]), False),
        ("campaigns:dashboard", reverse("campaigns:dashboard", args=[c2026.pk]), False),
        ("campaigns:report_list", reverse("campaigns:report_list"), False),
        ("campaigns:report_detail", report.get_absolute_url(), True),
        (
            "campaigns:report_edit",
            reverse("campaigns:report_edit", args=[report.pk]),
            True,
        ),
        ("campaigns:board", reverse("campaigns:board", args=[period.pk]), False),
        (
            "campaigns:aggregate",
            reverse("campaigns:aggregate", args=[period.pk]),
            False,
        ),
        (
            "campaigns:aggregate_xlsx",
            reverse("campaigns:aggregate_xlsx", args=[period.pk]),
            False,
        ),
        ("units:list", reverse("units:list"), False),
        ("units:mine", reverse("units:mine"), False),
        ("units:detail", unit.get_absolute_url(), True),
        ("scoring:index", reverse("scoring:index"), False),
        ("scoring:honor_board_latest", reverse("scoring:honor_board_latest"), False),
        ("scoring:honor_board", reverse("scoring:honor_board", args=[c2026.pk]), False),
        ("scoring:criteria", reverse("scoring:criteria", args=[c2026.pk]), False),
        (
            "scoring:criteria_template",
            reverse("scoring:criteria_template", args=[c2026.pk]),
            False,
        ),
        (
            "scoring:criteria_import",
            reverse("scoring:criteria_import", args=[c2026.pk]),
            False,
        ),
        ("scoring:sheets", reverse("scoring:sheets", args=[c2026.pk]), False),
        ("scoring:ranking", reverse("scoring:ranking", args=[c2026.pk]), False),
        (
            "scoring:ranking_export",
            reverse("scoring:ranking_export", args=[c2026.pk]),
            False,
        ),
        ("scoring:sheet", sheet.get_absolute_url(), True),
        ("scoring:self_assess", reverse("scoring:self_assess", args=[sheet.pk]), True),
        (
            "scoring:council_score",
            reverse("scoring:council_score", args=[sheet.pk]),
            True,
        ),
        ("scoring:finalise", reverse("scoring:finalise", args=[sheet.pk]), True),
        ("scoring:sheet_pdf", reverse("scoring:sheet_pdf", args=[sheet.pk]), True),
        ("awards:list", reverse("awards:list"), False),
        ("awards:create", reverse("awards:create"), False),
        ("awards:queue", reverse("awards:queue"), False),
        ("awards:council", reverse("awards:council"), False),
        ("awards:honor", reverse("awards:honor"), False),
        ("awards:decisions", reverse("awards:decisions"), False),
        (
            "awards:decision_detail",
            reverse("awards:decision_detail", args=[decision.pk]),
            False,
        ),
        (
            "awards:decision_xlsx",
            reverse("awards:decision_xlsx", args=[decision.pk]),
            False,
        ),
        ("awards:detail", nomination.get_absolute_url(), True),
        (
            "awards:nominee_options",
            reverse("awards:nominee_options") + f"?proposing_unit={unit.pk}",
            True,
        ),
        ("awards:edit", reverse("awards:edit", args=[nomination.pk]), True),
        (
            "awards:to_trinh_pdf",
            reverse("awards:to_trinh_pdf", args=[nomination.pk]),
            True,
        ),
        ("awards:report_pdf", reverse("awards:report_pdf", args=[nomination.pk]), True),
    ]
    attachment = ReportAttachment.objects.filter(report__unit=unit).first()
    if attachment:
        rows.append(
            (
                "campaigns:attachment",
                reverse(
                    "campaigns:attachment", args=[attachment.report_id, attachment.pk]
                ),
                True,
            )
        )
    dossier_file = Attachment.objects.filter(nomination__proposing_unit=unit).first()
    if dossier_file:
        rows.append(
            (
                "awards:attachment_download",
                reverse("awards:attachment_download", args=[dossier_file.pk]),
                True,
            )
        )
    return rows


@pytest.fixture
def commune():
    call_command("seed_demo", stdout=io.StringIO())
    return _hamlet_of("thon1")


def _client_for(client_factory, username):
    client = client_factory()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


def test_every_url_with_every_role(commune):
    from django.test import Client

    rows = _urls(commune)
    problems = []
    statuses = {}
    for username in [None, "thon1", "thon2", "vanhoa", "hoidong1", "chutich"]:
        client = _client_for(Client, username)
        for name, url, own in rows:
            status = client.get(url).status_code
            statuses[(username, name)] = status
            if status >= 500:
                problems.append(f"{username} {name}: server error {status}")
            if username is None and name not in PUBLIC and status == 200:
                problems.append(f"anonymous sees private page {name}")
            if username == "thon2" and own and status != 404:
                problems.append(f"thon2 gets {status}, not 404, on thon1's {name}")
            if username == "vanhoa" and status in (403, 404) and name not in ROLE_PAGES:
                problems.append(f"office refused ({status}) on {name}")
    own_pages = [
        "campaigns:report_detail",
        "units:detail",
        "scoring:sheet",
        "awards:detail",
    ]
    for name in own_pages:
        if statuses[("thon1", name)] != 200:
            problems.append(f"thon1 gets {statuses[('thon1', name)]} on own {name}")
    for name in [
        "campaigns:board",
        "scoring:criteria_import",
        "awards:queue",
        "units:list",
    ]:
        if statuses[("thon1", name)] == 200:
            problems.append(f"unit head opens office page {name}")

    if statuses[("hoidong1", "scoring:council_score")] not in (200, 302):
        problems.append("council member cannot open the council scoring page")
    if statuses[("thon1", "scoring:self_assess")] not in (200, 302):
        problems.append("unit head cannot reach the self-assessment of their unit")

    assert problems == []
