"""The chairman's desk on the admin's first page."""

from django import template

from awards.decisions.selectors import chairman_desk
from campaigns.selectors import current_campaign
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.signing import signing_configured

register = template.Library()


@register.simple_tag(takes_context=True)
def chairman_desk_for(context):
    """What waits for a leader (chairman, vice-chairman) in the current campaign."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not has_perm(user, "awards.decide_nominations"):
        return None
    campaign = current_campaign()
    desk = chairman_desk(campaign, signing=signing_configured())
    desk.campaign = campaign
    return desk
