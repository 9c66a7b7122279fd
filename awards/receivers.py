"""Award kinds follow their campaign: loaded with the plan, copied with the campaign,
and the campaign's dossier deadline stays as announced once dossiers are in."""

import decimal

from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext as _

from campaigns.signals import campaign_copied, campaign_rules_changing, plan_loaded
from phongquang_portal.core.plandata import plan_part

from .enums import SUBMITTED_STATES
from .models import AwardKind, Nomination

MULTIPLIERS = ("multiplier_individual", "multiplier_collective", "multiplier_household")


def plan_award_kinds(year=2025):
    """The plan's award kinds as AwardKind fields, from ``plan/<year>/awards.toml``."""
    kinds = []
    for entry in plan_part("awards", year)["award_kinds"]:
        data = dict(entry)
        data.setdefault("quota_collective", None)
        data.setdefault("quota_individual", None)
        for name in MULTIPLIERS:
            if name in data:
                data[name] = decimal.Decimal(str(data[name]))
        kinds.append(data)
    return kinds


@receiver(plan_loaded)
def load_award_kinds(sender, campaign, **kwargs):
    for data in plan_award_kinds():
        code = data.pop("code")
        AwardKind.objects.get_or_create(campaign=campaign, code=code, defaults=data)


@receiver(campaign_copied)
def copy_award_kinds(sender, source, target, **kwargs):
    for kind in source.award_kinds.all():
        kind.pk = None
        kind.campaign = target
        kind.save(force_insert=True)


@receiver(campaign_rules_changing)
def refuse_deadline_change_once_dossiers_are_in(sender, campaign, changes, **kwargs):
    """The dossier deadline is fixed once a deadline-bound dossier has been submitted.

    Units submitted under the deadline announced; moving it afterwards would
    change the rule for some and not for others (plan IV.3.c).
    """
    change = (changes or {}).get("dossier_deadline")
    if change is None or change[0] == change[1]:
        return
    submitted = Nomination.objects.filter(
        campaign=campaign,
        award_kind__deadline_bound=True,
        state__in=SUBMITTED_STATES,
    ).exists()
    if submitted:
        raise ValidationError(
            _(
                "Nomination dossiers have already been submitted under the deadline "
                "of %(date)s: the dossier deadline can no longer change."
            )
            % {"date": change[0].strftime("%d/%m/%Y") if change[0] else "—"},
            code="deadline_locked",
        )
