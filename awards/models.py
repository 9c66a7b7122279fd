from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import AwardKindCode


class AwardKind(models.Model):
    """An award form of one campaign, with its deadline rule and quotas (plan IV.3–4)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="award_kinds",
        verbose_name=_("campaign"),
    )
    code = models.CharField(_("code"), max_length=30, choices=AwardKindCode.choices)
    name = models.CharField(_("name"), max_length=255)
    deadline_bound = models.BooleanField(
        _("bound by the dossier deadline"), default=True
    )
    quota_collective = models.PositiveSmallIntegerField(
        _("quota for collectives"), null=True, blank=True, help_text=_("Empty: no quota.")
    )
    quota_individual = models.PositiveSmallIntegerField(
        _("quota for individuals"), null=True, blank=True, help_text=_("Empty: no quota.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("award kind")
        verbose_name_plural = _("award kinds")
        ordering = ["campaign", "position"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="awardkind_unique_code"),
        ]

    def __str__(self):
        return self.name

    def quota_for(self, category):
        """Return the quota for ``"collective"`` or ``"individual"``; None means no quota."""
        return self.quota_collective if category == "collective" else self.quota_individual
