"""States and kinds of the scoring app, and the allowed moves between states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CriterionKind(models.TextChoices):
    """A criterion adds points, adds bonus points on top, or takes points away."""

    STANDARD = "standard", _("Standard")
    BONUS = "bonus", _("Bonus (điểm thưởng)")
    PENALTY = "penalty", _("Penalty (điểm trừ)")


class AutoMode(models.TextChoices):
    """How an automatic criterion turns an indicator value into points."""

    PROPORTIONAL = (
        "proportional",
        _("Full points at or above target, proportional below"),
    )
    THRESHOLD = "threshold", _("Full points at or above target, nothing below")


class SheetState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SELF_ASSESSED = "self_assessed", _("Self-assessed")
    REVIEWED = "reviewed", _("Reviewed")
    LOCKED = "locked", _("Locked")


S = SheetState

# The only moves a score sheet may make; every service checks against this map.
SHEET_TRANSITIONS = {
    S.DRAFT: {S.SELF_ASSESSED},
    # The office may send a sheet back to the unit, or finalise it.
    S.SELF_ASSESSED: {S.DRAFT, S.REVIEWED},
    # A reviewed sheet may be reopened for review, or locked for good.
    S.REVIEWED: {S.SELF_ASSESSED, S.LOCKED},
    S.LOCKED: set(),
}

# Sheets whose final score counts in the ranking.
RANKED_STATES = frozenset({S.REVIEWED, S.LOCKED})
# The unit head may still change the self-assessment.
SELF_EDITABLE_STATES = frozenset({S.DRAFT})
# Council members may still score.
COUNCIL_STATES = frozenset({S.SELF_ASSESSED})
# Sheets the unit has submitted (they left the draft): the criteria they hold
# are locked, and the campaign's set of criteria is fixed.
SUBMITTED_STATES = frozenset({S.SELF_ASSESSED, S.REVIEWED, S.LOCKED})
