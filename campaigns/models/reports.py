"""Unit reports (plan V.3–V.4): reporting periods, indicators, one report per unit and
period with its sections, values and attachments, and the office's dated extensions."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.models import EvidenceFile

from ..deadlines import REPORT, deadline_for, report_deadline
from ..enums import REPORT_EDITABLE_STATES, Aggregation, IndicatorValueType, ReportState
from ..validators import check_indicator_rules, check_period_dates
from .common import NUMBER_BOUNDS, POSITION, TEXT
from .extensions import DeadlineExtension
from .plan import Campaign, Goal, PriorityField

NARRATIVE_MAX_CHARS = 5000


def _kinds_label(kinds):
    from units.enums import UnitKind

    labels = dict(UnitKind.choices)
    return ", ".join(str(labels.get(kind, kind)) for kind in kinds)


class ReportingPeriod(models.Model):
    """A reporting round of a campaign ("Sơ kết 6 tháng", "Tổng kết năm")."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="periods",
        verbose_name=_("campaign"),
    )
    name = models.CharField(_("name"), max_length=150, validators=TEXT)
    position = models.PositiveSmallIntegerField(
        _("order"), default=1, validators=POSITION
    )
    opens_on = models.DateField(_("opens on"))
    due_on = models.DateField(
        _("due on"),
        help_text=_("Reports are accepted until 23:59:59 of this day (Vietnam time)."),
    )
    unit_kinds = models.JSONField(
        _("unit kinds that report"),
        default=list,
        blank=True,
        help_text=_(
            "Unit kind codes (office, steering, hamlet, digital_team, organisation); "
            "empty means every kind."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["campaign", "position", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "name"], name="period_unique_name"
            ),
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("opens_on")),
                name="period_due_after_opening",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:board", args=[self.pk])

    def clean(self):
        super().clean()
        campaign = getattr(self, "campaign", None) if self.campaign_id else None
        check_period_dates(
            campaign_year=campaign.year if campaign else None,
            opens_on=self.opens_on,
            due_on=self.due_on,
        )

    @property
    def due_ends_at(self):
        """The aware instant from which a submission is late (without extension)."""
        return report_deadline(self).ends_at

    def is_open(self, now=None):
        today = timezone.localdate(now or timezone.now())
        return self.opens_on <= today

    def applies_to(self, kind):
        return not self.unit_kinds or kind in self.unit_kinds

    @property
    def unit_kinds_label(self):
        return _kinds_label(self.unit_kinds)


class Indicator(models.Model):
    """A number units report each period, serving one goal a–h."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("campaign"),
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("goal"),
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=255, validators=TEXT)
    unit_of_measure = models.CharField(
        _("unit of measure"),
        max_length=30,
        help_text=_("For example %, hộ, người, buổi, lượt."),
        validators=TEXT,
    )
    value_type = models.CharField(
        _("value type"),
        max_length=20,
        choices=IndicatorValueType.choices,
        default=IndicatorValueType.INTEGER,
    )
    min_value = models.DecimalField(
        _("minimum"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        default=0,
        validators=NUMBER_BOUNDS,
    )
    max_value = models.DecimalField(
        _("maximum"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NUMBER_BOUNDS,
    )
    target = models.DecimalField(
        _("commune target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Optional; the dashboard shows progress towards it."),
        validators=[MinValueValidator(0), NUMBER_BOUNDS[1]],
    )
    aggregation = models.CharField(
        _("aggregation"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
    )
    unit_kinds = models.JSONField(
        _("unit kinds that report it"),
        default=list,
        blank=True,
        help_text=_("Unit kind codes; empty means every kind."),
    )
    help_text = models.CharField(
        _("help for the units"), max_length=255, blank=True, validators=TEXT
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=1, validators=POSITION
    )
    priority_field = models.ForeignKey(
        PriorityField,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("priority field of h"),
        help_text=_("For goal h: the priority field this number measures."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["campaign", "goal__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"], name="indicator_unique_code"
            ),
            models.CheckConstraint(
                condition=models.Q(max_value__isnull=True)
                | models.Q(min_value__isnull=True)
                | models.Q(max_value__gte=models.F("min_value")),
                name="indicator_max_not_below_min",
            ),
            models.CheckConstraint(
                condition=models.Q(target__isnull=True) | models.Q(target__gte=0),
                name="indicator_target_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit_of_measure})"

    def clean(self):
        super().clean()
        check_indicator_rules(
            value_type=self.value_type,
            min_value=self.min_value,
            max_value=self.max_value,
            target=self.target,
        )

    def applies_to(self, kind):
        return not self.unit_kinds or kind in self.unit_kinds

    @property
    def effective_min(self):
        return self.min_value

    @property
    def effective_max(self):
        if self.max_value is not None:
            return self.max_value
        if self.value_type == IndicatorValueType.PERCENTAGE:
            return Decimal(100)
        return None

    @property
    def unit_kinds_label(self):
        return _kinds_label(self.unit_kinds)


class Report(models.Model):
    """One unit's report for one period: narratives per goal, numbers, evidence."""

    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("unit"),
    )
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("reporting period"),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ReportState.choices,
        default=ReportState.DRAFT,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    return_reason = models.TextField(_("office's comment when returned"), blank=True)
    reopened = models.BooleanField(
        _("reopened by the office"),
        default=False,
        help_text=_("A reopened report may be submitted after the due date."),
    )
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    # The first time the office opened the submission: until then the unit may
    # withdraw it (report_withdraw).
    office_opened_at = models.DateTimeField(
        _("opened by the office at"), null=True, blank=True
    )
    office_opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("unit report")
        verbose_name_plural = _("unit reports")
        ordering = ["period", "unit__kind", "unit__position", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period"], name="report_unique_unit_period"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=ReportState.values),
                name="report_state_valid",
            ),
        ]
        indexes = [models.Index(fields=["period", "state"])]

    def __str__(self):
        return f"{self.unit} — {self.period}"

    def get_absolute_url(self):
        return reverse("campaigns:report_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.state in REPORT_EDITABLE_STATES

    def days_late(self, now=None, *, extended_until=None):
        """Whole days past the unit's deadline: at submission, or until now if not
        handed in.

        ``extended_until``: the day of the unit's extension when the caller has
        it; left out, ``campaigns.deadlines`` reads it.
        """
        if extended_until is None:
            deadline = report_deadline(self.period, self.unit_id)
        else:
            deadline = deadline_for(self.period.due_on, until=extended_until)
        return deadline.days_late(self.submitted_at or now)


class ReportSection(models.Model):
    """The narrative of results for one goal section a–h in one report."""

    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("report"),
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.PROTECT,
        related_name="report_sections",
        verbose_name=_("goal"),
    )
    narrative = models.TextField(_("results"), blank=True)

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["report", "goal__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "goal"], name="section_unique_goal"
            ),
        ]

    def __str__(self):
        return f"{self.report_id}/{self.goal_id}"


class IndicatorValue(models.Model):
    """One number reported for one indicator in one report."""

    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("report"),
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="values",
        verbose_name=_("indicator"),
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["report", "indicator__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"], name="indicatorvalue_unique_indicator"
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id}: {self.value}"


class ReportAttachment(EvidenceFile):
    """An evidence file attached to a report (core.models.EvidenceFile)."""

    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("report"),
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("goal section"),
    )

    class Meta:
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")
        ordering = ["report", "uploaded_at", "pk"]

    def get_absolute_url(self):
        return reverse("campaigns:attachment", args=[self.report_id, self.pk])

    @property
    def unit_id(self):
        return self.report.unit_id


class ReportExtension(DeadlineExtension):
    """The office's dated extension of one unit's report for one period, with a reason.

    Granted, changed and withdrawn only through ``report_extension_grant`` and
    ``report_extension_revoke`` (logged); ``campaigns.deadlines`` honours it:
    the unit may submit until the end of ``until`` (Vietnam time).
    """

    deadline_subject = REPORT
    subject_field = "period"

    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.CASCADE,
        related_name="extensions",
        verbose_name=_("reporting period"),
    )
    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.CASCADE,
        related_name="report_extensions",
        verbose_name=_("unit"),
    )

    class Meta:
        verbose_name = _("report extension")
        verbose_name_plural = _("report extensions")
        ordering = ["period", "unit__kind", "unit__position", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit"], name="reportextension_unique_unit_period"
            ),
        ]
