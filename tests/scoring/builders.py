"""Small builders for scoring tests: criteria, sheets and final points."""

from decimal import Decimal

from campaigns.enums import GOAL_POSITIONS
from campaigns.models import Goal
from scoring.enums import CriterionKind, SheetState
from scoring.models import Band, Criterion, CriterionGroup, ScoreEntry, ScoreSheet
from scoring.services import final_sums_refresh
from tests.factories import CampaignFactory, UnitFactory


def campaign_with_criteria(criteria=None, *, bands=True):
    """A campaign with goals a–h, one group per goal used, and the given criteria.

    ``criteria`` is a list of (goal code, max points, kind, unit kinds).
    """
    campaign = CampaignFactory()
    goals = {
        code: Goal.objects.create(
            campaign=campaign, code=code, position=pos, title=f"Mục {code}", text="…"
        )
        for code, pos in GOAL_POSITIONS.items()
    }
    criteria = criteria or [
        ("a", Decimal("40"), CriterionKind.STANDARD, []),
        ("d", Decimal("60"), CriterionKind.STANDARD, []),
        ("g", Decimal("5"), CriterionKind.BONUS, []),
        ("e", Decimal("10"), CriterionKind.PENALTY, []),
    ]
    groups = {}
    for position, (goal_code, max_points, kind, unit_kinds) in enumerate(
        criteria, start=1
    ):
        if goal_code not in groups:
            groups[goal_code] = CriterionGroup.objects.create(
                campaign=campaign,
                goal=goals[goal_code],
                code=goal_code.upper(),
                title=f"Nhóm {goal_code}",
                position=GOAL_POSITIONS[goal_code],
            )
        Criterion.objects.create(
            campaign=campaign,
            group=groups[goal_code],
            code=f"{goal_code.upper()}.{position}",
            title=f"Tiêu chí {position}",
            max_points=max_points,
            kind=kind,
            unit_kinds=list(unit_kinds),
            position=position,
        )
    if bands:
        for label, low in [
            ("Xuất sắc", 90),
            ("Tốt", 80),
            ("Khá", 65),
            ("Trung bình", 0),
        ]:
            Band.objects.create(campaign=campaign, label=label, min_total=Decimal(low))
    return campaign


def sheet_with_points(
    campaign, points, *, unit=None, state=SheetState.REVIEWED, kind="hamlet"
):
    """A sheet whose final points are ``points`` ({criterion code: value}); others 0.

    The state is set directly: this builds fixtures, it does not exercise the workflow.
    """
    unit = unit or UnitFactory(kind=kind)
    sheet = ScoreSheet.objects.create(campaign=campaign, unit=unit, state=state)
    entries = []
    for criterion in Criterion.objects.filter(campaign=campaign):
        if not criterion.applies_to(unit.kind):
            continue
        value = Decimal(str(points.get(criterion.code, 0)))
        entries.append(
            ScoreEntry(
                sheet=sheet,
                criterion=criterion,
                self_points=value,
                final_points=value
                if state in (SheetState.REVIEWED, SheetState.LOCKED)
                else None,
            )
        )
    ScoreEntry.objects.bulk_create(entries)
    final_sums_refresh(sheets=ScoreSheet.objects.filter(pk=sheet.pk))
    return sheet
