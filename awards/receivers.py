"""Award kinds follow their campaign: loaded with the plan, copied with the campaign,
and the campaign's dossier deadline stays as announced once dossiers are in."""

import decimal

from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext as _

from campaigns.models import LegalDocument
from campaigns.services import review_collect
from campaigns.signals import campaign_copied, campaign_rules_changing, plan_loaded
from phongquang_portal.core.plandata import plan_part

from .enums import SUBMITTED_STATES
from .kinds.models import AwardKind, BaseSalary
from .nominations.models import Nomination

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
        number = data.pop("prize_basis", None)
        if number:
            data["prize_basis"] = LegalDocument.objects.filter(number=number).first()
        kinds.append(data)
    return kinds


@receiver(plan_loaded)
def load_award_kinds(sender, campaign, **kwargs):
    for data in plan_award_kinds():
        code = data.pop("code")
        AwardKind.objects.get_or_create(campaign=campaign, code=code, defaults=data)
    load_base_salaries()


def load_base_salaries(year=2025):
    """The plan's base-salary rows (awards.toml), by effective date. Idempotent."""
    for row in plan_part("awards", year).get("base_salaries", []):
        document = LegalDocument.objects.get(number=row["legal_document"])
        BaseSalary.objects.get_or_create(
            effective_from=row["effective_from"],
            defaults={"amount": row["amount"], "legal_document": document},
        )


@receiver(campaign_copied)
def copy_award_kinds(sender, source, target, **kwargs):
    """The copy's award kinds: the same rules and the same legal basis of the prize."""
    copies = []
    for kind in source.award_kinds.all():
        kind.pk = None
        kind.campaign = target
        kind.save(force_insert=True)
        copies.append(kind)
    review_collect(
        campaign=target,
        source_year=source.year,
        entries=[
            (kind, [("name", AwardKind._meta.get_field("name").verbose_name)])
            for kind in copies
        ],
    )


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
