"""The plan: one campaign a year, its goals a–h and goal h's priority fields (plan II)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.documents import padded_reference

from ..enums import CampaignStatus, GoalCode
from ..validators import MAX_YEAR, MIN_YEAR, check_campaign_dates
from .common import POSITION, TEXT, official_date, plan_number_digits


class Campaign(models.Model):
    """One yearly emulation campaign; everything else hangs off it."""

    name = models.CharField(_("name"), max_length=255, validators=TEXT)
    year = models.PositiveSmallIntegerField(
        _("year"),
        db_index=True,
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
    )
    plan_number = models.CharField(
        _("plan number"), max_length=60, blank=True, validators=TEXT
    )
    plan_date = models.DateField(_("plan date"), null=True, blank=True)
    theme = models.CharField(_("theme"), max_length=255, blank=True, validators=TEXT)
    preamble = models.TextField(_("preamble"), blank=True, validators=TEXT)
    purpose = models.TextField(_("purpose"), blank=True, validators=TEXT)
    requirements = models.TextField(_("requirements"), blank=True, validators=TEXT)
    participants_collective = models.TextField(
        _("collective participants"), blank=True, validators=TEXT
    )
    participants_individual = models.TextField(
        _("individual participants"), blank=True, validators=TEXT
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    dossier_deadline = models.DateField(
        _("dossier deadline"),
        help_text=_("Dossiers are accepted until 23:59:59 of this day (Vietnam time)."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CampaignStatus.choices,
        default=CampaignStatus.ACTIVE,
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "year"], name="campaign_unique_name_year"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR),
                name="campaign_year_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(dossier_deadline__gte=models.F("starts_on")),
                name="campaign_deadline_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.year is not None and MIN_YEAR <= self.year <= MAX_YEAR:
            check_campaign_dates(
                year=self.year,
                starts_on=self.starts_on,
                ends_on=self.ends_on,
                dossier_deadline=self.dossier_deadline,
            )

    def legal_bases_list(self, *, decision=False):
        """The "Căn cứ …" lines the campaign's documents print, without end marks.

        The campaign's citations in order (those marked for the decision only,
        such as the issuer's competence, when ``decision``), then its own plan.
        """
        lines = [
            f"Căn cứ {citation.document.citation}"
            for citation in self.citations.select_related("document")
            if decision or not citation.decision_only
        ]
        lines.append(f"Căn cứ {self.plan_citation}")
        return lines

    @property
    def plan_known(self):
        """Whether the plan's own number and date are recorded."""
        return bool(plan_number_digits(self.plan_number)) and self.plan_date is not None

    @property
    def plan_citation(self):
        """The campaign's own plan as a decision cites it (Kế hoạch số …/KH-UBND ngày …)."""
        commune = settings.COMMUNE_NAME
        subject = (
            f"tổ chức phong trào thi đua “{self.name}” trên địa bàn xã {commune} "
            f"năm {self.year}"
        )
        if not self.plan_known:
            return f"Kế hoạch {subject}"
        return (
            f"Kế hoạch số {padded_reference(self.plan_number)} "
            f"ngày {official_date(self.plan_date)} "
            f"của Ủy ban nhân dân xã {commune} về {subject}"
        )


class Goal(models.Model):
    """One goal section a–h of the plan (II.2)."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("campaign"),
    )
    code = models.CharField(_("section"), max_length=2, choices=GoalCode.choices)
    position = models.PositiveSmallIntegerField(_("order"), validators=POSITION)
    title = models.CharField(_("title"), max_length=255, validators=TEXT)
    text = models.TextField(_("text in the plan"), validators=TEXT)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["campaign", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"], name="goal_unique_code"
            ),
            models.UniqueConstraint(
                fields=["campaign", "position"], name="goal_unique_position"
            ),
        ]

    def __str__(self):
        return f"{self.code}) {self.title}"


class PriorityField(models.Model):
    """One of the seven priority fields of goal h."""

    goal = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        related_name="priority_fields",
        verbose_name=_("goal"),
    )
    position = models.PositiveSmallIntegerField(_("order"), validators=POSITION)
    name = models.CharField(_("field"), max_length=120, validators=TEXT)
    text = models.TextField(_("text in the plan"), validators=TEXT)

    class Meta:
        verbose_name = _("priority field")
        verbose_name_plural = _("priority fields")
        ordering = ["goal", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "name"], name="priorityfield_unique_name"
            ),
        ]

    def __str__(self):
        return self.name
