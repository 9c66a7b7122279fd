from decimal import Decimal

from django.db import models
from django.utils.translation import pgettext_lazy


class ExemplarStatus(models.TextChoices):
    """Where an exemplary model stands (plan III.4, V.1.d, V.1.f)."""

    PROPOSED = "proposed", pgettext_lazy("exemplary model", "Proposed")
    RECOGNISED = "recognised", pgettext_lazy("exemplary model", "Recognised")
    SPREAD = "spread", pgettext_lazy("exemplary model", "Being spread")
    DECLINED = "declined", pgettext_lazy("exemplary model", "Not recognised")


X = ExemplarStatus

# A unit (or the office) proposes; the office recognises or declines; a
# recognised model is spread (nhân rộng) to other units, one record each.
EXEMPLAR_TRANSITIONS = {
    X.PROPOSED: {X.RECOGNISED, X.DECLINED},
    X.RECOGNISED: {X.SPREAD},
    X.SPREAD: set(),
    X.DECLINED: {X.PROPOSED},
}
# Shown on the public page, with their photos; citable in an achievement report.
PUBLIC_STATES = frozenset({X.RECOGNISED, X.SPREAD})
# The proposing unit may still change its proposal.
UNIT_EDITABLE_STATES = frozenset({X.PROPOSED, X.DECLINED})

# Bounds of what is typed.
NUMBER_LIMIT = Decimal("1000000000000")  # 10^12, as the report indicators
MAX_INDICATORS = 10
MAX_PHOTOS = 12
PHOTO_KINDS = ("jpeg", "png")
TEXT_MAX_CHARS = 5000
