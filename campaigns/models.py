import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import CampaignStatus, GoalCode


def end_of_day(day):
    """The first instant after ``day`` ends in the portal's time zone (Asia/Ho_Chi_Minh)."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tz)


class Campaign(models.Model):
    """One yearly emulation campaign; everything else hangs off it."""

    name = models.CharField(_("name"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    plan_number = models.CharField(_("plan number"), max_length=60, blank=True)
    plan_date = models.DateField(_("plan date"), null=True, blank=True)
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    legal_bases = models.TextField(
        _("legal bases"), blank=True, help_text=_("One “Căn cứ …” per line.")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    requirements = models.TextField(_("requirements"), blank=True)
    participants_collective = models.TextField(_("collective participants"), blank=True)
    participants_individual = models.TextField(_("individual participants"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    dossier_deadline = models.DateField(
        _("dossier deadline"),
        help_text=_("Dossiers are accepted until 23:59:59 of this day (Vietnam time)."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.ACTIVE
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
            models.UniqueConstraint(fields=["name", "year"], name="campaign_unique_name_year"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.pk])

    @property
    def dossier_deadline_ends_at(self):
        """The aware instant from which dossiers are refused."""
        return end_of_day(self.dossier_deadline)

    def dossiers_open(self, now=None):
        """True while dossiers for deadline-bound awards are still received."""
        return (now or timezone.now()) < self.dossier_deadline_ends_at

    def legal_bases_list(self):
        return [line.strip() for line in self.legal_bases.splitlines() if line.strip()]


class Goal(models.Model):
    """One goal section a–h of the plan (II.2)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="goals", verbose_name=_("campaign")
    )
    code = models.CharField(_("section"), max_length=2, choices=GoalCode.choices)
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text in the plan"))

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["campaign", "position"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="goal_unique_code"),
            models.UniqueConstraint(fields=["campaign", "position"], name="goal_unique_position"),
        ]

    def __str__(self):
        return f"{self.code}) {self.title}"


class PriorityField(models.Model):
    """One of the seven priority fields of goal h."""

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="priority_fields", verbose_name=_("goal")
    )
    position = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("field"), max_length=120)
    text = models.TextField(_("text in the plan"))

    class Meta:
        verbose_name = _("priority field")
        verbose_name_plural = _("priority fields")
        ordering = ["goal", "position"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "name"], name="priorityfield_unique_name"),
        ]

    def __str__(self):
        return self.name
