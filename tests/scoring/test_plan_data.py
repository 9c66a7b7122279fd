"""Issue 8: the plan's criteria live in plan/2025/scoring.toml, read with plan_part.

The loaded criteria are exactly those of the former ``scoring/criteria_2025.py``
(codes, groups, maxima, kinds, units, evidence, order, automatic scoring, bands),
and loading twice changes nothing.
"""

import importlib
from decimal import Decimal

import pytest

from campaigns.services import plan_load
from phongquang_portal.core.plandata import plan_part
from scoring.models import Band, Criterion, CriterionGroup

pytestmark = pytest.mark.django_db

# (code, goal, order)
GROUPS = [
    ("A", "a", 1),
    ("B", "b", 2),
    ("C", "c", 3),
    ("D", "d", 4),
    ("Đ", "đ", 5),
    ("E", "e", 6),
    ("G", "g", 7),
    ("H", "h", 8),
]
# (code, group, max points, kind, unit kinds, evidence, indicator, target)
CRITERIA = [
    ("A.1", "A", "5.00", "standard", [], True, None, None),
    ("A.2", "A", "5.00", "standard", [], True, None, None),
    ("A.3", "A", "5.00", "standard", ["hamlet"], False, None, None),
    (
        "B.1",
        "B",
        "6.00",
        "standard",
        ["office", "steering", "organisation"],
        True,
        None,
        None,
    ),
    ("B.2", "B", "8.00", "standard", ["hamlet", "digital_team"], False, None, None),
    ("B.3", "B", "4.00", "standard", ["digital_team"], True, None, None),
    (
        "C.1",
        "C",
        "5.00",
        "standard",
        ["office", "steering", "organisation"],
        True,
        None,
        None,
    ),
    ("C.2", "C", "4.00", "standard", ["hamlet", "digital_team"], False, None, None),
    ("D.1", "D", "10.00", "standard", ["office"], True, None, None),
    (
        "D.2",
        "D",
        "8.00",
        "standard",
        ["office", "steering", "organisation"],
        False,
        None,
        None,
    ),
    ("D.3", "D", "6.00", "standard", ["hamlet"], False, None, None),
    (
        "D.4",
        "D",
        "10.00",
        "standard",
        ["hamlet", "digital_team"],
        False,
        "d_vneid_muc_2",
        "80.00",
    ),
    ("D.5", "D", "4.00", "standard", ["hamlet"], True, None, None),
    (
        "Đ.1",
        "Đ",
        "8.00",
        "standard",
        ["hamlet", "digital_team", "organisation"],
        True,
        None,
        None,
    ),
    ("Đ.2", "Đ", "8.00", "standard", [], False, None, None),
    ("Đ.3", "Đ", "5.00", "standard", ["hamlet"], True, None, None),
    ("E.1", "E", "6.00", "standard", [], False, None, None),
    ("E.2", "E", "5.00", "standard", [], True, None, None),
    ("E.3", "E", "10.00", "penalty", [], True, None, None),
    ("G.1", "G", "8.00", "standard", [], False, None, None),
    ("G.2", "G", "5.00", "bonus", [], True, None, None),
    ("G.3", "G", "5.00", "penalty", [], False, None, None),
    ("H.1", "H", "8.00", "standard", [], False, None, None),
    ("H.2", "H", "6.00", "standard", ["hamlet", "office"], False, None, None),
    ("H.3", "H", "4.00", "standard", ["hamlet", "digital_team"], False, None, None),
]
BANDS = [
    ("Xuất sắc", Decimal("90")),
    ("Tốt", Decimal("80")),
    ("Khá", Decimal("65")),
    ("Trung bình", Decimal("0")),
]


def _loaded(campaign):
    groups = [
        (g.code, g.goal.code, g.position)
        for g in CriterionGroup.objects.filter(campaign=campaign)
        .select_related("goal")
        .order_by("position")
    ]
    criteria = [
        (
            c.code,
            c.group.code,
            str(c.max_points),
            c.kind,
            c.unit_kinds,
            c.evidence_required,
            c.indicator.code if c.indicator else None,
            str(c.target) if c.target is not None else None,
        )
        for c in Criterion.objects.filter(campaign=campaign)
        .select_related("group", "indicator")
        .order_by("position")
    ]
    bands = list(
        Band.objects.filter(campaign=campaign)
        .order_by("-min_total")
        .values_list("label", "min_total")
    )
    return groups, criteria, bands


def test_plan_criteria_load_exactly_as_before(plan):
    groups, criteria, bands = _loaded(plan)

    assert groups == [tuple(g) for g in GROUPS]
    assert criteria == [tuple(c) for c in CRITERIA]
    assert bands == BANDS
    assert Criterion.objects.get(campaign=plan, code="D.4").auto_mode == "proportional"


def test_plan_criteria_load_is_idempotent_and_keeps_office_edits(plan):
    Criterion.objects.filter(campaign=plan, code="A.1").update(title="Sửa bởi VH-XH")
    before = _loaded(plan)

    plan_load()

    assert _loaded(plan) == before
    assert Criterion.objects.get(campaign=plan, code="A.1").title == "Sửa bởi VH-XH"


def test_criteria_come_from_the_plan_folder_only():
    data = plan_part("scoring")

    assert [c["code"] for c in data["criteria"]] == [c[0] for c in CRITERIA]
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("scoring.criteria_2025")
