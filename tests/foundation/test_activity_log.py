"""The activity log reads as sentences: every action written has one, in Vietnamese."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from phongquang_portal.core.actions import registered_actions
from phongquang_portal.core.activity import log_action
from phongquang_portal.core.models import ActivityLog

APPS = ["phongquang_portal", "units", "campaigns", "scoring", "awards"]


def _written_action_codes():
    """Every action code the code base passes to log_action or transition."""
    codes = {}
    for app in APPS:
        for path in Path(settings.BASE_DIR, app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "add_argument":  # argparse's action="store_true"
                    continue
                candidates = []
                if name == "log_action" and len(node.args) >= 2:
                    candidates.append(node.args[1])
                candidates += [k.value for k in node.keywords if k.arg == "action"]
                where = f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}"
                while candidates:
                    value = candidates.pop()
                    if isinstance(value, ast.IfExp):
                        candidates += [value.body, value.orelse]
                    elif isinstance(value, ast.Constant) and isinstance(
                        value.value, str
                    ):
                        codes.setdefault(value.value, where)
                    elif (
                        name in ("log_action", "transition")
                        and "core" not in path.parts
                    ):
                        # A code computed at the call cannot be checked here: write
                        # the literal codes out instead.
                        codes.setdefault(f"<computed at {where}>", where)
    return codes


def test_every_action_written_to_the_log_has_a_sentence():
    registered = registered_actions()
    missing = {
        code: where
        for code, where in _written_action_codes().items()
        if code not in registered
    }

    assert missing == {}


def test_every_action_sentence_is_translated_to_vietnamese():
    labels = registered_actions()
    with translation.override("en"):
        english = {code: str(label) for code, label in labels.items()}
    with translation.override("vi"):
        untranslated = [
            code for code, label in labels.items() if str(label) == english[code]
        ]

    assert untranslated == []


@pytest.mark.django_db
def test_a_log_entry_shows_its_sentence_and_state_labels(office_user):
    from units.models import Unit

    unit = Unit.objects.create(name="Thôn Thử", kind="hamlet")
    entry = log_action(unit, "admin.changed", actor=office_user)

    with translation.override("vi"):
        assert str(entry.action_label) == "Sửa trong trang quản trị"


@pytest.mark.django_db
def test_state_labels_come_from_the_models_choices(office_user, plan):
    from campaigns.enums import CampaignStatus

    entry = log_action(
        plan,
        "admin.changed",
        actor=office_user,
        from_state=CampaignStatus.DRAFT,
        to_state=CampaignStatus.ACTIVE,
    )

    with translation.override("vi"):
        assert entry.from_label == CampaignStatus.DRAFT.label
        assert entry.to_label == CampaignStatus.ACTIVE.label
    assert ActivityLog.objects.get(pk=entry.pk).to_state == "active"
