"""Criteria, classification bands, score sheets and the scores on them."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.uploads import generated_upload_path
from phongquang_portal.core.validators import no_control_characters
from units.enums import UnitKind

from .enums import AutoMode, CriterionKind, SheetState

POINTS = {"max_digits": 6, "decimal_places": 2}
# The most a criterion may be worth (the import and the admin say so too).
MAX_CRITERION_POINTS = Decimal("1000")
# Totals are on the 0–100 scale of each kind of unit.
MAX_TOTAL = Decimal("100")
# An indicator value that earns full points: 14 digits, 2 of them decimals.
MAX_TARGET = Decimal("999999999999.99")
# Orders are small integers everywhere (PostgreSQL's smallint).
MAX_POSITION = 32767
# Ranks shown per kind of unit on the honor board.
MAX_TOP_N = 50
TEXT = [no_control_characters]
# Points on a sheet: never negative, never above what any criterion is worth
# (the services check the criterion's own maximum).
POINT_VALIDATORS = [
    MinValueValidator(Decimal("0")),
    MaxValueValidator(MAX_CRITERION_POINTS),
]


class CriterionGroup(models.Model):
    """A group of criteria tied to one goal section a–h of the plan."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="criterion_groups",
        verbose_name=_("campaign"),
    )
    goal = models.ForeignKey(
        "campaigns.Goal",
        on_delete=models.PROTECT,
        related_name="criterion_groups",
        verbose_name=_("goal section"),
    )
    code = models.CharField(_("code"), max_length=20, validators=TEXT)
    title = models.CharField(_("title"), max_length=255, validators=TEXT)
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, validators=[MaxValueValidator(MAX_POSITION)]
    )

    class Meta:
        verbose_name = _("criteria group")
        verbose_name_plural = _("criteria groups")
        ordering = ["campaign", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"], name="criteriongroup_unique_code"
            ),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"


class Criterion(models.Model):
    """One scoring criterion with its maximum points (or cap, for bonus and penalty)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("campaign"),
    )
    group = models.ForeignKey(
        CriterionGroup,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("group"),
    )
    code = models.CharField(_("code"), max_length=20, validators=TEXT)
    title = models.CharField(_("title"), max_length=500, validators=TEXT)
    description = models.TextField(_("how it is scored"), blank=True, validators=TEXT)
    kind = models.CharField(
        _("kind of points"),
        max_length=20,
        choices=CriterionKind.choices,
        default=CriterionKind.STANDARD,
    )
    max_points = models.DecimalField(
        _("maximum points"),
        validators=[
            MinValueValidator(Decimal("0.01")),
            MaxValueValidator(MAX_CRITERION_POINTS),
        ],
        help_text=_(
            "For a bonus or penalty criterion: the most it may add or take away."
        ),
        **POINTS,
    )
    unit_kinds = models.JSONField(
        _("applies to"),
        default=list,
        blank=True,
        help_text=_("Kinds of unit scored on this criterion; empty means every kind."),
    )
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, validators=[MaxValueValidator(MAX_POSITION)]
    )
    indicator = models.ForeignKey(
        "campaigns.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="criteria",
        verbose_name=_("report indicator"),
        help_text=_(
            "Automatic criteria: points come from this indicator in the unit's report."
        ),
    )
    target = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_TARGET)],
        help_text=_("Automatic criteria: the indicator value that earns full points."),
    )
    auto_mode = models.CharField(
        _("automatic scoring"),
        max_length=20,
        choices=AutoMode.choices,
        default=AutoMode.PROPORTIONAL,
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["campaign", "group__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"], name="criterion_unique_code"
            ),
            models.CheckConstraint(
                condition=Q(max_points__gt=0), name="criterion_max_points_positive"
            ),
            models.CheckConstraint(
                condition=Q(max_points__lte=MAX_CRITERION_POINTS),
                name="criterion_max_points_at_most_1000",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gt=0),
                name="criterion_target_positive",
            ),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"

    def applies_to(self, unit_kind):
        return not self.unit_kinds or unit_kind in self.unit_kinds

    @property
    def is_automatic(self):
        return (
            getattr(self, "indicator_id", None) is not None and self.target is not None
        )

    def unit_kind_labels(self):
        labels = dict(UnitKind.choices)
        if not self.unit_kinds:
            return [_("every kind")]
        return [labels.get(kind, kind) for kind in self.unit_kinds]


class Band(models.Model):
    """A classification band of one campaign: a label and the lowest total that earns it."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="scoring_bands",
        verbose_name=_("campaign"),
    )
    label = models.CharField(_("classification"), max_length=60, validators=TEXT)
    min_total = models.DecimalField(
        _("lowest total"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_TOTAL)],
        help_text=_("On the 0–100 scale of the totals."),
        **POINTS,
    )

    class Meta:
        verbose_name = _("classification band")
        verbose_name_plural = _("classification bands")
        ordering = ["campaign", "-min_total"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "label"], name="band_unique_label"
            ),
            models.UniqueConstraint(
                fields=["campaign", "min_total"], name="band_unique_min_total"
            ),
            models.CheckConstraint(
                condition=Q(min_total__gte=0) & Q(min_total__lte=MAX_TOTAL),
                name="band_min_total_0_to_100",
            ),
        ]

    def __str__(self):
        return f"{self.label} (≥ {self.min_total})"


class RankingPublication(models.Model):
    """The office's decision to publish a campaign's ranking on the honor board."""

    campaign = models.OneToOneField(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="ranking_publication",
        verbose_name=_("campaign"),
    )
    top_n = models.PositiveSmallIntegerField(
        _("ranks shown per kind of unit"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TOP_N)],
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("ranking publication")
        verbose_name_plural = _("ranking publications")
        constraints = [
            models.CheckConstraint(
                condition=Q(top_n__gte=1) & Q(top_n__lte=MAX_TOP_N),
                name="rankingpublication_top_n_1_to_50",
            ),
        ]

    def __str__(self):
        return str(self.campaign)

    @property
    def is_published(self):
        return self.published_at is not None


class ScoreSheet(models.Model):
    """One unit's scores in one campaign: self-assessment, council scores, final score."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="score_sheets",
        verbose_name=_("campaign"),
    )
    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        related_name="score_sheets",
        verbose_name=_("unit"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SheetState.choices, default=SheetState.DRAFT
    )
    self_summary = models.TextField(_("unit's summary"), blank=True, validators=TEXT)
    final_reason = models.TextField(
        _("reason for the final score"), blank=True, validators=TEXT
    )
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finalised by"),
    )
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    # Sums of the final points by kind of criterion, kept by the services from
    # one aggregate query, so that ranking thousands of sheets reads one row each.
    final_standard = models.DecimalField(
        _("final standard points"), max_digits=8, decimal_places=2, default=0
    )
    final_bonus = models.DecimalField(
        _("final bonus points"), max_digits=8, decimal_places=2, default=0
    )
    final_penalty = models.DecimalField(
        _("final penalty points"), max_digits=8, decimal_places=2, default=0
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        ordering = ["campaign", "unit__kind", "unit__position", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit"], name="scoresheet_unique_unit"
            ),
        ]
        indexes = [models.Index(fields=["campaign", "state"])]

    def __str__(self):
        return f"{self.unit} — {self.campaign}"

    def get_absolute_url(self):
        return reverse("scoring:sheet", args=[self.pk])


class ScoreEntry(models.Model):
    """One criterion on one sheet: the unit's points, note and evidence, and the final points."""

    sheet = models.ForeignKey(
        ScoreSheet,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("sheet"),
    )
    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name=_("criterion"),
    )
    self_points = models.DecimalField(
        _("self-assessed points"),
        null=True,
        blank=True,
        validators=POINT_VALIDATORS,
        **POINTS,
    )
    self_note = models.TextField(_("note"), blank=True, validators=TEXT)
    evidence = models.FileField(
        _("evidence"), upload_to=generated_upload_path, blank=True, max_length=255
    )
    evidence_name = models.CharField(
        _("evidence file name"), max_length=255, blank=True
    )
    final_points = models.DecimalField(
        _("final points"),
        null=True,
        blank=True,
        validators=POINT_VALIDATORS,
        **POINTS,
    )
    final_comment = models.TextField(_("office's comment"), blank=True, validators=TEXT)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score entry")
        verbose_name_plural = _("score entries")
        ordering = ["sheet", "criterion__group__position", "criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "criterion"], name="scoreentry_unique"
            ),
            models.CheckConstraint(
                condition=Q(self_points__isnull=True) | Q(self_points__gte=0),
                name="scoreentry_self_points_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(final_points__isnull=True) | Q(final_points__gte=0),
                name="scoreentry_final_points_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(self_points__isnull=True)
                | Q(self_points__lte=MAX_CRITERION_POINTS),
                name="scoreentry_self_points_at_most_1000",
            ),
            models.CheckConstraint(
                condition=Q(final_points__isnull=True)
                | Q(final_points__lte=MAX_CRITERION_POINTS),
                name="scoreentry_final_points_at_most_1000",
            ),
        ]

    def __str__(self):
        return f"{self.sheet} — {self.criterion.code}"


class CouncilScore(models.Model):
    """One council member's points for one criterion on one sheet."""

    entry = models.ForeignKey(
        ScoreEntry,
        on_delete=models.CASCADE,
        related_name="council_scores",
        verbose_name=_("score entry"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_scores",
        verbose_name=_("council member"),
    )
    points = models.DecimalField(_("points"), validators=POINT_VALIDATORS, **POINTS)
    comment = models.TextField(_("comment"), blank=True, validators=TEXT)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("council member's score")
        verbose_name_plural = _("council members' scores")
        ordering = ["entry", "member__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "member"], name="councilscore_unique"
            ),
            models.CheckConstraint(
                condition=Q(points__gte=0), name="councilscore_points_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(points__lte=MAX_CRITERION_POINTS),
                name="councilscore_points_at_most_1000",
            ),
        ]

    def __str__(self):
        return f"{self.entry} — {self.member}"


class CouncilMarksSubmission(models.Model):
    """A council member has submitted his marks on a sheet: they no longer change.

    Until then his marks are his own draft, which no other member, nor the
    unit, sees (blind marking); the council's mean counts submitted marks only.
    """

    sheet = models.ForeignKey(
        ScoreSheet,
        on_delete=models.CASCADE,
        related_name="council_submissions",
        verbose_name=_("sheet"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_submissions",
        verbose_name=_("council member"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("council member's submitted marks")
        verbose_name_plural = _("council members' submitted marks")
        ordering = ["sheet", "submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "member"], name="councilmarkssubmission_unique"
            ),
        ]

    def __str__(self):
        return f"{self.sheet} — {self.member}"
