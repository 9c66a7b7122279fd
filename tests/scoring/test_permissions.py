"""Who may open which scoring page: a matrix over roles, plus the rules that matter most."""

import pytest
from django.urls import reverse

from scoring.enums import SheetState
from scoring.services import ranking_publish

from .conftest import finalise, self_assess

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(hamlet_head, other_head, office_user, council_user, chairman):
    return {
        "head": hamlet_head,
        "other_head": other_head,
        "office": office_user,
        "council": council_user,
        "chairman": chairman,
    }


def _status(client, user, url, method="get"):
    client.force_login(user)
    response = getattr(client, method)(url)
    client.logout()
    return response.status_code


def test_sheet_page_is_404_for_another_units_head_before_publication(
    client, users, self_assessed_sheet
):
    url = self_assessed_sheet.get_absolute_url()

    assert _status(client, users["head"], url) == 200
    assert _status(client, users["other_head"], url) == 404
    assert _status(client, users["office"], url) == 200
    assert _status(client, users["council"], url) == 200
    assert _status(client, users["chairman"], url) == 200


def test_sheet_page_opens_to_other_heads_once_locked_and_published(
    client, users, locked_sheet, plan, office_user
):
    url = locked_sheet.get_absolute_url()
    assert _status(client, users["other_head"], url) == 404

    ranking_publish(campaign=plan, actor=office_user, top_n=3)

    assert _status(client, users["other_head"], url) == 200


def test_evidence_stays_private_after_publication(
    client, users, locked_sheet, plan, office_user
):
    ranking_publish(campaign=plan, actor=office_user, top_n=3)
    entry = locked_sheet.entries.exclude(evidence="").first()
    url = reverse("scoring:evidence", args=[entry.pk])

    assert _status(client, users["head"], url) == 200
    assert _status(client, users["other_head"], url) == 404


def test_self_assessment_only_by_the_units_own_head(client, users, sheet):
    url = reverse("scoring:self_assess", args=[sheet.pk])

    assert _status(client, users["head"], url) == 200
    for role in ("other_head", "office", "council", "chairman"):
        assert _status(client, users[role], url) == 404, role


def test_self_assessment_post_by_another_head_changes_nothing(client, users, sheet):
    entry = sheet.entries.first()
    client.force_login(users["other_head"])

    response = client.post(
        reverse("scoring:self_assess", args=[sheet.pk]), {f"points_{entry.pk}": "1"}
    )

    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.self_points is None


def test_council_scoring_only_by_council_members(client, users, self_assessed_sheet):
    url = reverse("scoring:council_score", args=[self_assessed_sheet.pk])

    assert _status(client, users["council"], url) == 200
    for role in ("head", "other_head", "office", "chairman"):
        assert _status(client, users[role], url) == 404, role


def test_finalise_only_by_the_office(client, users, self_assessed_sheet):
    url = reverse("scoring:finalise", args=[self_assessed_sheet.pk])

    assert _status(client, users["office"], url) == 200
    for role in ("head", "other_head", "council", "chairman"):
        assert _status(client, users[role], url) == 404, role


def test_lock_by_chairman_is_refused_and_leaves_state(client, users, reviewed_sheet):
    url = reverse("scoring:sheet_action", args=[reviewed_sheet.pk, "lock"])

    assert _status(client, users["chairman"], url, "post") == 404
    reviewed_sheet.refresh_from_db()
    assert reviewed_sheet.state == SheetState.REVIEWED

    assert _status(client, users["office"], url, "post") == 302
    reviewed_sheet.refresh_from_db()
    assert reviewed_sheet.state == SheetState.LOCKED


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("scoring:ranking", {"office", "council", "chairman"}),
        ("scoring:ranking_export", {"office", "council", "chairman"}),
        ("scoring:criteria", {"office", "council", "chairman", "head", "other_head"}),
        ("scoring:criteria_import", {"office"}),
        ("scoring:criteria_template", {"office"}),
        ("scoring:sheets", {"office", "council", "chairman", "head", "other_head"}),
        (
            "scoring:honor_board",
            {"office", "council", "chairman", "head", "other_head"},
        ),
    ],
)
def test_campaign_pages_by_role(client, users, plan, reviewed_sheet, name, allowed):
    url = reverse(name, args=[plan.pk])
    for role, user in users.items():
        expected = 200 if role in allowed else 404
        assert _status(client, user, url) == expected, (name, role)


@pytest.mark.parametrize(
    "name",
    ["scoring:sheets_open", "scoring:ranking_publish"],
)
def test_office_actions_refused_to_other_roles(client, users, plan, name):
    url = reverse(name, args=[plan.pk])
    for role in ("head", "council", "chairman"):
        assert _status(client, users[role], url, "post") == 404, (name, role)


def test_anonymous_is_sent_to_login(client, sheet, plan):
    for url in [
        sheet.get_absolute_url(),
        reverse("scoring:ranking", args=[plan.pk]),
        reverse("scoring:self_assess", args=[sheet.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_honor_board_is_public_once_published(client, locked_sheet, plan, office_user):
    url = reverse("scoring:honor_board", args=[plan.pk])
    assert locked_sheet.unit.name not in client.get(url).content.decode()

    ranking_publish(campaign=plan, actor=office_user, top_n=3)

    assert locked_sheet.unit.name in client.get(url).content.decode()


def test_unit_head_sees_own_rank_and_band(client, hamlet_head, office_user, sheet):
    self_assess(sheet, hamlet_head)
    finalise(sheet, office_user)
    client.force_login(hamlet_head)

    body = client.get(sheet.get_absolute_url()).content.decode()

    assert 'id="sheet-band"' in body
    assert "Hạng 1" in body
