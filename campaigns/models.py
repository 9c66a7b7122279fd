import datetime
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.models import EvidenceFile
from phongquang_portal.core.validators import no_control_characters

from .enums import (
    LEGAL_KIND_WORDS,
    REPORT_EDITABLE_STATES,
    Aggregation,
    CampaignStatus,
    GoalCode,
    IndicatorValueType,
    LegalDocumentKind,
    ReportState,
)
from .validators import (
    MAX_POSITION,
    MAX_YEAR,
    MIN_YEAR,
    NUMBER_LIMIT,
    check_campaign_dates,
    check_indicator_rules,
    check_period_dates,
)

TEXT = [no_control_characters]
POSITION = [MinValueValidator(1), MaxValueValidator(MAX_POSITION)]
# What a DecimalField(max_digits=14, decimal_places=2) holds, as form bounds.
NUMBER_BOUNDS = [
    MinValueValidator(-NUMBER_LIMIT + Decimal("0.01")),
    MaxValueValidator(NUMBER_LIMIT - Decimal("0.01")),
]


def official_date(day):
    """A date as citations write it: "03/6/2020", "15/02/2025" (Decree 30/2020).

    Days below 10 and months below 3 take a leading zero.
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def plan_number_digits(plan_number):
    """The number part of "05/KH-UBND" ("05"), or "" when the number is not known."""
    head = (plan_number or "").split("/", 1)[0].strip()
    return head if head.isdigit() else ""


def end_of_day(day):
    """The first instant after ``day`` ends in the portal's time zone (Asia/Ho_Chi_Minh)."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time(), tz
    )


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

    @property
    def dossier_deadline_ends_at(self):
        """The aware instant from which dossiers are refused."""
        return end_of_day(self.dossier_deadline)

    def dossiers_open(self, now=None):
        """True while dossiers for deadline-bound awards are still received."""
        return (now or timezone.now()) < self.dossier_deadline_ends_at

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
            f"Kế hoạch số {self.plan_number} ngày {official_date(self.plan_date)} "
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


# ---------------------------------------------------------------------------
# Unit reports (plan V.3–V.4): one report per unit and reporting period.
# ---------------------------------------------------------------------------

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
        """The aware instant from which a submission is late."""
        return end_of_day(self.due_on)

    def is_overdue(self, now=None):
        return (now or timezone.now()) >= self.due_ends_at

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
        """Whole days past the due day (or the unit's extension): at submission, or
        until now if not handed in."""
        if self.submitted_at is not None:
            moment = self.submitted_at
        else:
            moment = now or timezone.now()
        due_on = max(self.period.due_on, extended_until or self.period.due_on)
        if moment < end_of_day(due_on):
            return 0
        return (timezone.localdate(moment) - due_on).days


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


# ---------------------------------------------------------------------------
# Legal bases as data: the documents a campaign cites, and a copy's review list.
# ---------------------------------------------------------------------------


class LegalDocument(models.Model):
    """A law, decree, decision… that documents cite ("Căn cứ …").

    A document does not change with the campaign's year: a copied campaign
    cites the same records. For a law the title is its name ("Thi đua, khen
    thưởng"), printed after the kind; for the others it is the summary
    ("quy định chi tiết …"), printed after the issuer.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=LegalDocumentKind.choices)
    number = models.CharField(
        _("number"),
        max_length=60,
        blank=True,
        help_text=_("As printed, for example 152/2025/NĐ-CP or 01-NQ/TU."),
        validators=TEXT,
    )
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    issuer = models.CharField(
        _("issued by"),
        max_length=200,
        blank=True,
        help_text=_("For example Chính phủ, Thủ tướng Chính phủ; empty for a law."),
        validators=TEXT,
    )
    title = models.CharField(
        _("title"),
        max_length=500,
        help_text=_(
            "A law's name (Thi đua, khen thưởng); for other documents the summary "
            "(quy định chi tiết một số điều của …)."
        ),
        validators=TEXT,
    )
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    in_force_to = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("Empty while the document is in force."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["kind", "-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number"],
                condition=~models.Q(number=""),
                name="legaldocument_unique_number",
            ),
            models.CheckConstraint(
                condition=models.Q(in_force_to__isnull=True)
                | models.Q(in_force_from__isnull=True)
                | models.Q(in_force_to__gte=models.F("in_force_from")),
                name="legaldocument_in_force_order",
            ),
        ]

    def __str__(self):
        return self.citation

    @property
    def citation(self):
        """The document as a "Căn cứ …" line names it (without "Căn cứ")."""
        word = LEGAL_KIND_WORDS.get(self.kind, "")
        if self.kind == LegalDocumentKind.OTHER:
            return self.title
        parts = [word]
        if self.kind == LegalDocumentKind.LAW:
            parts.append(self.title)
        if self.number:
            parts.append(f"số {self.number}")
        if self.issued_on:
            parts.append(f"ngày {official_date(self.issued_on)}")
        if self.kind != LegalDocumentKind.LAW:
            if self.issuer:
                parts.append(f"của {self.issuer}")
            parts.append(self.title)
        return " ".join(part for part in parts if part)

    def in_force_on(self, day):
        if self.in_force_from and day < self.in_force_from:
            return False
        return not (self.in_force_to and day > self.in_force_to)


class CampaignCitation(models.Model):
    """One legal document a campaign cites, in the order its documents print them."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("campaign"),
    )
    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("legal document"),
    )
    position = models.PositiveSmallIntegerField(_("order"), validators=POSITION)
    decision_only = models.BooleanField(
        _("cited by the decision only"),
        default=False,
        help_text=_(
            "The issuer's competence (the local-government law): cited by the "
            "chairman's decision, not by the units' drafts."
        ),
    )

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["campaign", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "document"], name="citation_unique_document"
            ),
            models.UniqueConstraint(
                fields=["campaign", "position"], name="citation_unique_position"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.document}"


class CopyReviewItem(models.Model):
    """A text of a copied campaign that names the source's year, for the office to check.

    A copy does not replace "2025" blindly ("đến năm 2025" in a programme's
    title must stay; "năm 2025" in a criterion must change): each app lists
    such texts here when a campaign is copied, and the office ticks each one
    or fixes the text (``campaigns.services.review``).
    """

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="review_items",
        verbose_name=_("campaign"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("object type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=300)
    field = models.CharField(_("field"), max_length=60)
    field_label = models.CharField(_("field label"), max_length=150)
    text = models.TextField(_("text as copied"))
    source_year = models.PositiveSmallIntegerField(_("year of the source"))
    position = models.PositiveIntegerField(_("order"), default=0)
    done = models.BooleanField(_("checked"), default=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    done_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("text to review after the copy")
        verbose_name_plural = _("texts to review after the copy")
        ordering = ["campaign", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "content_type", "object_id", "field"],
                name="reviewitem_unique_field",
            ),
        ]

    def __str__(self):
        return f"{self.object_repr} — {self.field_label}"

    def current_text(self):
        """The field's text now (the office may have fixed it)."""
        obj = self.content_object
        return getattr(obj, self.field, "") if obj is not None else ""


class ReportExtension(models.Model):
    """The office's dated extension of one unit's report for one period, with a reason.

    Granted, changed and withdrawn only through ``report_extension_grant`` and
    ``report_extension_revoke`` (logged); the services honour it: the unit may
    submit until the end of ``until`` (Vietnam time).
    """

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
    until = models.DateField(_("extended until"))
    reason = models.TextField(_("reason"), validators=TEXT)
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
        verbose_name = _("report extension")
        verbose_name_plural = _("report extensions")
        ordering = ["period", "unit__kind", "unit__position", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit"], name="reportextension_unique_unit_period"
            ),
        ]

    def __str__(self):
        return _("%(unit)s — %(period)s: until %(date)s") % {
            "unit": self.unit,
            "period": self.period,
            "date": self.until.strftime("%d/%m/%Y"),
        }

    @property
    def is_active(self):
        return self.revoked_at is None

    @property
    def ends_at(self):
        """The aware instant from which the unit's submission is late."""
        return end_of_day(self.until)
