"""The scoring panel of the home page."""

from django import template
from django.utils.translation import gettext as _

from phongquang_portal.core.numbers import format_vn_number
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.templatetags.portal import points

from .. import selectors
from ..enums import SheetState

register = template.Library()


@register.filter
def criterion_cap(criterion):
    """A criterion's points as what they are: "10,00", "cộng tối đa 5 điểm",
    "trừ tối đa 10 điểm".

    A penalty is points taken away, up to its cap: never a negative maximum.
    (The printed sheet says "(điểm trừ)" after the title and keeps the number.)
    """
    number = format_vn_number(criterion.max_points)
    if criterion.kind == "penalty":
        return _("at most %(points)s points taken away") % {"points": number}
    if criterion.kind == "bonus":
        return _("at most %(points)s points added") % {"points": number}
    return points(criterion.max_points)


@register.inclusion_tag("scoring/_home_panel.html", takes_context=True)
def scoring_home_panel(context):
    """What the signed-in user has to do in scoring, or the honor board for visitors."""
    user = context.get("user")
    campaign = context.get("campaign")
    published = selectors.latest_publication()
    panel = {"campaign": campaign, "published": published}
    if campaign is not None and has_perm(user, "scoring.list_sheets"):
        panel["my_sheets"] = selectors.headed_sheets(user, campaign)
        if has_perm(user, "scoring.view_all_sheets"):
            counts = selectors.state_counts(campaign)
            panel["counts"] = [
                (label, counts.get(value, 0)) for value, label in SheetState.choices
            ]
    elif not published:
        panel = None
    return {"panel": panel, "user": user}
