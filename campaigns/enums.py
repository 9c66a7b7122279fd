from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    ACTIVE = "active", _("Under way")
    CLOSED = "closed", _("Closed")


class GoalCode(models.TextChoices):
    """The plan's eight goal sections (II.2), in the Vietnamese alphabet's order."""

    A = "a", "a"
    B = "b", "b"
    C = "c", "c"
    D = "d", "d"
    DD = "đ", "đ"
    E = "e", "e"
    G = "g", "g"
    H = "h", "h"


# The order is the plan's, not Unicode's ("đ" sorts after "h" in Unicode).
GOAL_POSITIONS = {code.value: index for index, code in enumerate(GoalCode, start=1)}
