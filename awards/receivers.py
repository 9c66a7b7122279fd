"""Award kinds follow their campaign: loaded with the plan, copied with the campaign."""

import decimal

from django.dispatch import receiver

from campaigns.plan import AWARD_KINDS
from campaigns.signals import campaign_copied, plan_loaded

from .models import AwardKind

# What the plan does not say: documents and prize money per kind (Decree 152/2025
# Art. 54 as read here; Law 06/2022 Art. 84–85 for the dossier). Editable afterwards.
KIND_EXTRAS = {
    "giay_khen_xa": {
        "required_documents": ["to_trinh", "bao_cao", "bien_ban"],
        "multiplier_individual": decimal.Decimal("0.30"),
        "multiplier_collective": decimal.Decimal("0.60"),
        "multiplier_household": decimal.Decimal("1.50"),
    },
    "bang_khen_tinh": {
        "required_documents": ["to_trinh", "bao_cao", "bien_ban"],
        "multiplier_individual": decimal.Decimal("1.00"),
        "multiplier_collective": decimal.Decimal("2.00"),
        "multiplier_household": decimal.Decimal("1.50"),
    },
    "dot_xuat": {
        "required_documents": ["to_trinh", "bao_cao"],
        "multiplier_individual": decimal.Decimal("0.30"),
        "multiplier_collective": decimal.Decimal("0.60"),
        "multiplier_household": decimal.Decimal("1.50"),
    },
}


@receiver(plan_loaded)
def load_award_kinds(sender, campaign, **kwargs):
    for data in AWARD_KINDS:
        data = dict(data)
        code = data.pop("code")
        data.update(KIND_EXTRAS.get(code, {}))
        AwardKind.objects.get_or_create(campaign=campaign, code=code, defaults=data)


@receiver(campaign_copied)
def copy_award_kinds(sender, source, target, **kwargs):
    for kind in source.award_kinds.all():
        kind.pk = None
        kind.campaign = target
        kind.save(force_insert=True)
