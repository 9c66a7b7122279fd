"""The register of exemplary models (điển hình tiên tiến, mô hình hay, cách làm mới).

The plan asks the Culture-Social office to find, build and spread them
(III.4, V.1.d, V.1.f): a unit proposes its model, or the office records one;
the office recognises it; recognised models are spread (nhân rộng) to other
units, each spreading with its date.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.models import EvidenceFile
from phongquang_portal.core.validators import no_control_characters

from .enums import NUMBER_LIMIT, PUBLIC_STATES, ExemplarStatus

TEXT = [no_control_characters]
NUMBER_BOUNDS = [
    MinValueValidator(-NUMBER_LIMIT + 1),
    MaxValueValidator(NUMBER_LIMIT - 1),
]


class ExemplaryModel(models.Model):
    """One model: who runs it, what it does, for which goals, with what effect."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="exemplary_models",
        verbose_name=_("campaign"),
    )
    name = models.CharField(_("name of the model"), max_length=255, validators=TEXT)
    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        related_name="exemplary_models",
        verbose_name=_("unit"),
    )
    people = models.TextField(
        _("people involved"),
        blank=True,
        validators=TEXT,
        help_text=_("Who built and runs the model: names and roles, one per line."),
    )
    goals = models.ManyToManyField(
        "campaigns.Goal",
        related_name="exemplary_models",
        verbose_name=_("goal sections"),
    )
    priority_fields = models.ManyToManyField(
        "campaigns.PriorityField",
        blank=True,
        related_name="exemplary_models",
        verbose_name=_("priority fields of h"),
    )
    description = models.TextField(
        _("what it does"),
        validators=TEXT,
        help_text=_("The content of the model, how it is done, what it changed."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExemplarStatus.choices,
        default=ExemplarStatus.PROPOSED,
        db_index=True,
    )
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    recognition_reference = models.CharField(
        _("recognised by (decision or minutes)"),
        max_length=200,
        blank=True,
        validators=TEXT,
    )
    recognised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recognised by"),
    )
    decline_reason = models.TextField(_("why not recognised"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("exemplary model")
        verbose_name_plural = _("exemplary models")
        ordering = ["-campaign__year", "unit__kind", "unit__position", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit", "name"], name="exemplar_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ExemplarStatus.values),
                name="exemplar_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=sorted(PUBLIC_STATES))
                | Q(recognised_on__isnull=False),
                name="exemplar_recognised_has_date",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exemplars:detail", args=[self.pk])

    @property
    def is_public(self):
        return self.status in PUBLIC_STATES


class ExemplarIndicator(models.Model):
    """A number that shows the model's effect: before it started, and now."""

    model = models.ForeignKey(
        ExemplaryModel,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("exemplary model"),
    )
    name = models.CharField(_("indicator"), max_length=255, validators=TEXT)
    unit_of_measure = models.CharField(
        _("unit of measure"), max_length=30, blank=True, validators=TEXT
    )
    before = models.DecimalField(
        _("before"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NUMBER_BOUNDS,
    )
    after = models.DecimalField(
        _("after"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NUMBER_BOUNDS,
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=1, validators=[MaxValueValidator(99)]
    )

    class Meta:
        verbose_name = _("indicator of the model")
        verbose_name_plural = _("indicators of the model")
        ordering = ["model", "position", "pk"]

    def __str__(self):
        return self.name


class ExemplarSpread(models.Model):
    """One unit that took the model over (nhân rộng), and when."""

    model = models.ForeignKey(
        ExemplaryModel,
        on_delete=models.CASCADE,
        related_name="spreads",
        verbose_name=_("exemplary model"),
    )
    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        related_name="exemplar_spreads",
        verbose_name=_("unit"),
    )
    spread_on = models.DateField(_("spread on"))
    note = models.TextField(_("note"), blank=True, validators=TEXT)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("spreading of a model")
        verbose_name_plural = _("spreading of models")
        ordering = ["model", "spread_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["model", "unit"], name="exemplarspread_unique_unit"
            ),
        ]

    def __str__(self):
        return f"{self.model} → {self.unit}"


class ExemplarEvidence(EvidenceFile):
    """A document or photo of a model (core.models.EvidenceFile, checked by content)."""

    model = models.ForeignKey(
        ExemplaryModel,
        on_delete=models.CASCADE,
        related_name="evidence",
        verbose_name=_("exemplary model"),
    )
    is_photo = models.BooleanField(_("photo"), default=False)
    caption = models.CharField(
        _("caption"), max_length=255, blank=True, validators=TEXT
    )

    class Meta:
        verbose_name = _("evidence of a model")
        verbose_name_plural = _("evidence of models")
        ordering = ["model", "-is_photo", "uploaded_at", "pk"]

    @property
    def unit_id(self):
        return self.model.unit_id
