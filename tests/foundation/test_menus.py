"""The main menu is assembled from the entries each app registers."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from phongquang_portal.core import menus
from phongquang_portal.core.menus import (
    PUBLISHED,
    menu_for,
    register_menu_entry,
    register_menu_group,
)
from phongquang_portal.core.permissions import SYSTEM
from scoring import ranking_actions
from units.enums import Role
from units.services import membership_grant

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

APPS = ("units", "campaigns", "scoring", "exemplars", "awards", "yearend")
PUBLIC = [
    ("dropdown", "scoring:honor_board_latest"),
    ("dropdown", "awards:honor"),
    ("dropdown", "exemplars:public"),
]


def _shown(user):
    """The menu as url names, a group's entries marked as in a dropdown."""
    shown = []
    for item in menu_for(user):
        if item.is_group:
            shown += [("dropdown", entry.url_name) for entry in item.entries]
        else:
            shown.append(item.url_name)
    return shown


@pytest.fixture
def registry(monkeypatch):
    """A copy of the registry that a test may change."""
    monkeypatch.setattr(menus, "_ENTRIES", dict(menus._ENTRIES))
    monkeypatch.setattr(menus, "_GROUPS", dict(menus._GROUPS))


def test_anonymous_menu_is_the_campaigns_and_what_is_published():
    assert _shown(AnonymousUser()) == ["campaigns:list", *PUBLIC]


def test_office_menu_keeps_the_order_of_the_apps(office_user):
    assert _shown(office_user) == [
        "campaigns:list",
        "units:list",
        "campaigns:report_list",
        "scoring:index",
        "awards:list",
        "awards:council",
        "yearend:index",
        *PUBLIC,
        "admin:index",
    ]


def test_hamlet_head_menu_shows_his_units_not_the_office_pages(hamlet_head):
    shown = _shown(hamlet_head)
    assert shown[:2] == ["campaigns:list", "units:mine"]
    assert "units:list" not in shown and "admin:index" not in shown


def test_a_role_granted_shows_its_entry_on_the_next_page(client, plan):
    user = UserFactory()
    client.force_login(user)
    assert reverse("units:list") not in client.get(reverse("home")).content.decode()
    membership_grant(user=user, role=Role.OFFICE, actor=SYSTEM, reason="Test")
    assert reverse("units:list") in client.get(reverse("home")).content.decode()


def test_an_entry_asks_its_permission_and_predicate(registry, office_user):
    register_menu_entry("home", label="Never", position=1, perm="no.such_perm")
    assert "home" not in _shown(office_user)
    register_menu_entry("home", label="Home", position=1, when=lambda user: True)
    assert _shown(office_user)[0] == "home"
    register_menu_entry("home", label="Home", position=1, signed_in=True)
    assert "home" not in _shown(AnonymousUser())


def test_a_group_with_nothing_shown_is_left_out(registry):
    register_menu_group("empty", label="Empty", position=5)
    register_menu_entry(
        "home", label="Hidden", position=1, group="empty", perm="no.such_perm"
    )
    assert not any(
        item.is_group and item.group.name == "empty" for item in menu_for(None)
    )
    assert any(
        item.is_group and item.group.name == PUBLISHED for item in menu_for(None)
    )


def test_the_rendered_menu_follows_the_registry(client, plan, registry):
    register_menu_entry("home", label="Trang chủ thử", position=95, group=PUBLISHED)
    body = client.get(reverse("awards:honor")).content.decode()
    menu = body[
        body.index('id="public-menu"') : body.index(
            "</ul>", body.index('id="public-menu"')
        )
    ]
    assert "Trang chủ thử" in menu


def test_no_kernel_template_names_an_apps_url_permission_or_template():
    kernel = Path(settings.BASE_DIR) / "phongquang_portal" / "core" / "templates"
    # 'units:list', "units.list_units", "units/_nav.html"
    pattern = re.compile("[\"'](?:" + "|".join(APPS) + ")[:./]")
    named = {
        str(path.relative_to(kernel)): pattern.findall(path.read_text())
        for path in kernel.rglob("*.html")
    }
    assert {path: found for path, found in named.items() if found} == {}


def test_a_ranking_action_asks_its_permission_on_the_campaign(
    monkeypatch, plan, office_user, hamlet_head
):
    monkeypatch.setattr(ranking_actions, "_ACTIONS", dict(ranking_actions._ACTIONS))
    ranking_actions.register_ranking_action(
        "tests/never.html", perm="no.such_perm", position=1
    )
    templates = [a.template for a in ranking_actions.ranking_actions(office_user, plan)]
    assert templates == ["awards/_ranking_action.html"]
    assert ranking_actions.ranking_actions(hamlet_head, plan) == []
