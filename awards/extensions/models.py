"""The office's dated extension of the dossier deadline for one unit and one award."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierExtension(models.Model):
    """The office's dated extension of the dossier deadline for one unit and award.

    Granted and withdrawn only through ``awards.extensions`` (logged, with a
    reason); ``ensure_deadline`` honours it: the unit's dossiers for the award
    are received until the end of ``until`` (Vietnam time).
    """

    award_kind = models.ForeignKey(
        "awards.AwardKind",
        on_delete=models.CASCADE,
        related_name="extensions",
        verbose_name=_("award"),
    )
    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.CASCADE,
        related_name="dossier_extensions",
        verbose_name=_("proposing unit"),
    )
    until = models.DateField(_("extended until"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dossier deadline extension")
        verbose_name_plural = _("dossier deadline extensions")
        ordering = ["award_kind", "unit__kind", "unit__position", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_kind", "unit"], name="dossierextension_unique_unit"
            ),
        ]

    def __str__(self):
        return _("%(unit)s — %(award)s: until %(date)s") % {
            "unit": self.unit,
            "award": self.award_kind,
            "date": self.until.strftime("%d/%m/%Y"),
        }

    @property
    def is_active(self):
        return self.revoked_at is None
