"""Award kinds follow their campaign: loaded with the plan, copied with the campaign."""

from django.dispatch import receiver

from campaigns.plan import AWARD_KINDS
from campaigns.signals import campaign_copied, plan_loaded

from .models import AwardKind


@receiver(plan_loaded)
def load_award_kinds(sender, campaign, **kwargs):
    for data in AWARD_KINDS:
        data = dict(data)
        AwardKind.objects.get_or_create(campaign=campaign, code=data.pop("code"), defaults=data)


@receiver(campaign_copied)
def copy_award_kinds(sender, source, target, **kwargs):
    for kind in source.award_kinds.all():
        kind.pk = None
        kind.campaign = target
        kind.save(force_insert=True)
