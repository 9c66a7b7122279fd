"""The office's dated extension of the dossier deadline for one unit and one award."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.deadlines import DOSSIER
from campaigns.models import DeadlineExtension


class DossierExtension(DeadlineExtension):
    """The office's dated extension of the dossier deadline for one unit and award.

    Granted and withdrawn only through ``awards.extensions`` (logged, with a
    reason); ``campaigns.deadlines.dossier_deadline`` honours it: the unit's
    dossiers for the award are received until the end of ``until`` (Vietnam
    time).
    """

    deadline_subject = DOSSIER
    subject_field = "award_kind"

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

    class Meta:
        verbose_name = _("dossier deadline extension")
        verbose_name_plural = _("dossier deadline extensions")
        ordering = ["award_kind", "unit__kind", "unit__position", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_kind", "unit"], name="dossierextension_unique_unit"
            ),
        ]
