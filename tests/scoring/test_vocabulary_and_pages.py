"""Issue 8: one permission vocabulary in scoring's views and templates, CSP-clean pages,
no import of awards, every logged action readable."""

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest
import rules
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from phongquang_portal.core.actions import registered_actions
from phongquang_portal.core.models import ActivityLog
from scoring.services import ranking_publish, sheet_reopen, sheet_return

from .builders import sheet_with_points
from .conftest import council_score, finalise, self_assess

APP = Path(settings.BASE_DIR) / "scoring"
TEMPLATES = sorted((APP / "templates").rglob("*.html"))
PAGE_TEMPLATES = [t for t in TEMPLATES if "/pdf/" not in str(t)]


@pytest.mark.parametrize("template", PAGE_TEMPLATES, ids=lambda t: t.name)
def test_templates_have_no_inline_code_or_style(template):
    text = template.read_text()

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline script"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert "style=" not in text


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_templates_ask_permissions_not_roles(template):
    text = template.read_text()

    assert "user_roles" not in text
    assert not re.search(r"\broles\.", text)


def _python_files():
    return sorted(p for p in APP.rglob("*.py") if "migrations" not in p.parts)


def _imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_scoring_imports_no_awards():
    """The issue's layering rule: nominating the top N moved to the awards app."""
    found = [
        (path.name, name)
        for path in _python_files()
        for name in _imports(path)
        if name == "awards" or name.startswith("awards.")
    ]
    assert found == []


def test_views_forms_and_tags_ask_no_roles():
    for name in ("views.py", "forms.py", "admin.py", "templatetags/scoring_tags.py"):
        assert "roles_for" not in (APP / name).read_text(), name


def test_nominate_step_is_not_a_scoring_url():
    with pytest.raises(NoReverseMatch):
        reverse("scoring:ranking_nominate", args=[1])


@pytest.mark.django_db
def test_ranking_page_shows_the_nominate_form_only_with_the_awards_permission(
    client, office_user, council_user, plan
):
    sheet_with_points(plan, {"A.1": 5})
    url = reverse("scoring:ranking", args=[plan.pk])

    client.force_login(council_user)
    assert 'id="nominate-form"' not in client.get(url).content.decode()

    assert rules.perm_exists("awards.nominate_from_ranking")
    target = reverse("awards:nominate_from_ranking", args=[plan.pk])
    client.force_login(office_user)
    body = client.get(url + "?kind=hamlet").content.decode()
    assert f'action="{target}"' in body
    assert 'name="top_n"' in body
    assert 'name="kind" value="hamlet"' in body


@pytest.mark.django_db
def test_sheet_buttons_follow_the_rules(
    client, self_assessed_sheet, hamlet_head, council_user, office_user, chairman
):
    url = self_assessed_sheet.get_absolute_url()
    shown = {}
    for name, user in {
        "head": hamlet_head,
        "council": council_user,
        "office": office_user,
        "chairman": chairman,
    }.items():
        client.force_login(user)
        body = client.get(url).content.decode()
        shown[name] = {
            button
            for button in ("btn-self-assess", "btn-council", "btn-finalise", "btn-lock")
            if f'id="{button}"' in body
        }

    assert shown == {
        "head": set(),
        "council": {"btn-council"},
        "office": {"btn-finalise"},
        "chairman": set(),
    }


@pytest.mark.django_db
def test_every_logged_scoring_action_reads_as_a_sentence(
    plan, sheet, hamlet_head, office_user, council_user
):
    self_assess(sheet, hamlet_head)
    sheet_return(sheet=sheet, actor=office_user, reason="Thiếu minh chứng")
    self_assess(sheet, hamlet_head)
    council_score(sheet, council_user)
    finalise(sheet, office_user, share=Decimal("0.9"))
    sheet_reopen(sheet=sheet, actor=office_user, reason="Xem lại")
    finalise(sheet, office_user, share=Decimal("0.9"), lock=True)
    ranking_publish(campaign=plan, actor=office_user, top_n=3)

    codes = set(
        ActivityLog.objects.filter(action__startswith="scoring.").values_list(
            "action", flat=True
        )
    )
    sentences = registered_actions()

    assert codes - set(sentences) == set()
    assert len(codes) >= 8
    source_codes = {
        code
        for path in _python_files()
        for code in re.findall(r'"(scoring\.[a-z_]+\.[a-z_]+)"', path.read_text())
        if not code.startswith(("scoring.view_", "scoring.add_"))
    }
    logged_in_source = {c for c in source_codes if c.count(".") == 2}
    assert logged_in_source - set(sentences) == set()
