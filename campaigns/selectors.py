"""Reads about campaigns that pages share."""

from django.db.models import Prefetch

from .enums import CampaignStatus
from .models import Campaign, Goal


def campaign_list():
    return Campaign.objects.all()


def current_campaign():
    """The campaign a visitor most likely wants: the newest active one, else the newest."""
    return (
        Campaign.objects.filter(status=CampaignStatus.ACTIVE).order_by("-year", "-pk").first()
        or Campaign.objects.order_by("-year", "-pk").first()
    )


def campaign_with_goals(pk):
    """One campaign with its goals and h's priority fields in two extra queries."""
    return Campaign.objects.prefetch_related(
        Prefetch("goals", queryset=Goal.objects.prefetch_related("priority_fields"))
    ).get(pk=pk)
