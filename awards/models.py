import decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.models import EvidenceFile

from .enums import (
    COUNCIL_MAX_MEMBERS,
    MULTIPLIER_MAX,
    POSITION_MAX,
    PRIOR_AWARD_YEAR_MAX,
    PRIOR_AWARD_YEAR_MIN,
    QUOTA_MAX,
    AttachmentKind,
    AwardKindCode,
    BallotMode,
    Category,
    MeetingState,
    NominationState,
    NomineeType,
)

DEFAULT_REQUIRED_DOCUMENTS = [
    AttachmentKind.TO_TRINH.value,
    AttachmentKind.BAO_CAO.value,
    AttachmentKind.BIEN_BAN.value,
]


def default_required_documents():
    return list(DEFAULT_REQUIRED_DOCUMENTS)


def _quota_validators():
    return [MaxValueValidator(QUOTA_MAX)]


def _multiplier_validators():
    return [
        MinValueValidator(decimal.Decimal(0)),
        MaxValueValidator(decimal.Decimal(MULTIPLIER_MAX)),
    ]


def _count_validators():
    return [MaxValueValidator(COUNCIL_MAX_MEMBERS)]


def _at_most(field, maximum):
    """A database check that ``field`` is empty or at most ``maximum``."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lte": maximum})


def round_up(amount, step):
    """Round ``amount`` up to a multiple of ``step`` đồng (step 0 or 1: to the đồng)."""
    amount = decimal.Decimal(amount)
    if step and step > 1:
        return int(
            (amount / step).to_integral_value(rounding=decimal.ROUND_CEILING) * step
        )
    return int(amount.to_integral_value(rounding=decimal.ROUND_HALF_UP))


class AwardKind(models.Model):
    """An award form of one campaign: deadline rule, quotas, prize (plan IV.3–4)."""

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
        _("quota for collectives"),
        null=True,
        blank=True,
        validators=_quota_validators(),
        help_text=_("Empty: no quota."),
    )
    quota_individual = models.PositiveSmallIntegerField(
        _("quota for individuals"),
        null=True,
        blank=True,
        validators=_quota_validators(),
        help_text=_("Empty: no quota. Households count as individuals."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, validators=[MaxValueValidator(POSITION_MAX)]
    )
    required_documents = models.JSONField(
        _("required documents"),
        default=default_required_documents,
        blank=True,
        help_text=_("Documents a dossier must hold before it can be submitted."),
    )
    multiplier_individual = models.DecimalField(
        _("prize for an individual (× base salary)"),
        max_digits=5,
        decimal_places=2,
        validators=_multiplier_validators(),
        default=decimal.Decimal("0.30"),
    )
    multiplier_collective = models.DecimalField(
        _("prize for a collective (× base salary)"),
        max_digits=5,
        decimal_places=2,
        validators=_multiplier_validators(),
        default=decimal.Decimal("0.60"),
    )
    multiplier_household = models.DecimalField(
        _("prize for a household (× the individual prize)"),
        max_digits=5,
        decimal_places=2,
        validators=_multiplier_validators(),
        default=decimal.Decimal("1.50"),
    )

    class Meta:
        verbose_name = _("award kind")
        verbose_name_plural = _("award kinds")
        ordering = ["campaign", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"], name="awardkind_unique_code"
            ),
            models.CheckConstraint(
                condition=_at_most("quota_collective", QUOTA_MAX),
                name="awardkind_quota_collective_bounded",
            ),
            models.CheckConstraint(
                condition=_at_most("quota_individual", QUOTA_MAX),
                name="awardkind_quota_individual_bounded",
            ),
            models.CheckConstraint(
                condition=Q(position__lte=POSITION_MAX),
                name="awardkind_position_bounded",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__gte": 0})
                    & Q(**{f"{field}__lte": MULTIPLIER_MAX}),
                    name=f"awardkind_{field}_bounded",
                )
                for field in (
                    "multiplier_individual",
                    "multiplier_collective",
                    "multiplier_household",
                )
            ],
        ]

    def __str__(self):
        return self.name

    def quota_for(self, category):
        """Return the quota for a category ("collective", "individual"); None: none."""
        if self.code == AwardKindCode.DOT_XUAT:
            return None
        return (
            self.quota_collective if category == "collective" else self.quota_individual
        )

    @property
    def has_quota(self):
        return self.quota_for("collective") is not None or (
            self.quota_for("individual") is not None
        )

    def required_document_labels(self):
        labels = dict(AttachmentKind.choices)
        return [labels.get(code, code) for code in self.required_documents or []]

    def prize_amount(self, nominee_type):
        """Prize money in đồng for one awardee (Decree 152/2025 Art. 54, as read)."""
        base = decimal.Decimal(getattr(settings, "BASE_SALARY_VND", 2_340_000))
        individual = base * self.multiplier_individual
        if nominee_type == NomineeType.UNIT:
            amount = base * self.multiplier_collective
        elif nominee_type == NomineeType.HOUSEHOLD:
            amount = individual * self.multiplier_household
        else:
            amount = individual
        return round_up(amount, getattr(settings, "PRIZE_ROUNDING_VND", 10_000))


class CouncilMeeting(models.Model):
    """A meeting of the commune Emulation-Reward Council that votes on nominations."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="council_meetings",
        verbose_name=_("campaign"),
    )
    held_on = models.DateField(_("meeting date"))
    members_total = models.PositiveSmallIntegerField(
        _("council members"),
        validators=[MinValueValidator(1), MaxValueValidator(COUNCIL_MAX_MEMBERS)],
    )
    members_present = models.PositiveSmallIntegerField(
        _("members present"), validators=_count_validators()
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Member by member (issue 10): attendance, ballots, opening and closing.
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=MeetingState.choices,
        default=MeetingState.PREPARING,
    )
    ballot_mode = models.CharField(
        _("ballots"),
        max_length=10,
        choices=BallotMode.choices,
        default=BallotMode.SECRET,
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chaired by"),
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("secretary"),
    )
    opened_at = models.DateTimeField(_("voting opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Meetings recorded before member-by-member ballots: their tallies were typed.
    typed_tallies = models.BooleanField(
        _("tallies typed (before member ballots)"), default=False, editable=False
    )

    class Meta:
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(members_present__lte=models.F("members_total")),
                name="councilmeeting_present_within_total",
            ),
            models.CheckConstraint(
                condition=Q(members_total__gte=1)
                & Q(members_total__lte=COUNCIL_MAX_MEMBERS),
                name="councilmeeting_total_bounded",
            ),
        ]

    def __str__(self):
        return _("Council meeting of %(date)s") % {
            "date": self.held_on.strftime("%d/%m/%Y")
        }


class Decision(models.Model):
    """A Quyết định khen thưởng: number, date, signer, and the nominations it awards."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="award_decisions",
        verbose_name=_("campaign"),
    )
    award_kind = models.ForeignKey(
        AwardKind,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("award"),
    )
    number = models.CharField(_("number"), max_length=30)
    signed_on = models.DateField(_("signed on"))
    # The year of ``signed_on``: numbers restart every year (…/QĐ-UBND).
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "number"], name="decision_unique_number_per_year"
            ),
        ]

    def __str__(self):
        return _("Decision No. %(number)s of %(date)s") % {
            "number": self.full_number,
            "date": self.signed_on.strftime("%d/%m/%Y"),
        }

    def save(self, *args, **kwargs):
        self.year = self.signed_on.year
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:decision_detail", args=[self.pk])

    @property
    def full_number(self):
        return f"{self.number}/QĐ-UBND"


class Nomination(models.Model):
    """A dossier nominating a collective, person or household (Law 06/2022 Art. 84)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("campaign"),
    )
    award_kind = models.ForeignKey(
        AwardKind,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("award"),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=NominationState.choices,
        default=NominationState.DRAFT,
        db_index=True,
    )
    proposing_unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        related_name="nominations_proposed",
        verbose_name=_("proposing unit"),
    )
    nominee_unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("nominated collective"),
    )
    nominee_person = models.ForeignKey(
        "units.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("nominated person"),
    )
    nominee_household = models.ForeignKey(
        "units.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("nominated household"),
    )
    # Part I of the achievement report, beyond what the nominee's record holds.
    profile = models.TextField(
        _("profile"),
        blank=True,
        help_text=_(
            "Collective: organisation and functions and duties. Individual: career "
            "summary. Household: members and activity."
        ),
    )
    # Part II: the achievements, tied to the goals they serve.
    achievements = models.TextField(
        _("achievements"),
        blank=True,
        help_text=_(
            "What was achieved, with figures (for example the share of households using …)."
        ),
    )
    goals = models.ManyToManyField(
        "campaigns.Goal",
        blank=True,
        related_name="nominations",
        verbose_name=_("goals served"),
    )
    citation = models.CharField(
        _("citation on the certificate"),
        max_length=300,
        blank=True,
        help_text=_(
            "Short text printed on the certificate; a standard text is used if empty."
        ),
    )
    # Council vote.
    meeting = models.ForeignKey(
        CouncilMeeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("council meeting"),
    )
    votes_for = models.PositiveSmallIntegerField(
        _("votes for"), null=True, blank=True, validators=_count_validators()
    )
    votes_against = models.PositiveSmallIntegerField(
        _("votes against"), null=True, blank=True, validators=_count_validators()
    )
    votes_abstain = models.PositiveSmallIntegerField(
        _("abstentions"), null=True, blank=True, validators=_count_validators()
    )
    members_present = models.PositiveSmallIntegerField(
        _("members present"), null=True, blank=True, validators=_count_validators()
    )
    council_passed = models.BooleanField(
        _("passed by the council"), null=True, blank=True
    )
    # Chairman and decision.
    reason = models.TextField(_("last reason given"), blank=True)
    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("decision"),
    )
    decision_position = models.PositiveSmallIntegerField(
        _("number in the decision"), null=True, blank=True
    )
    golden_book_number = models.CharField(
        _("golden book number"), max_length=30, blank=True
    )
    prize_amount = models.PositiveIntegerField(
        _("prize money (VND)"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["campaign", "award_kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        nominee_unit__isnull=False,
                        nominee_person__isnull=True,
                        nominee_household__isnull=True,
                    )
                    | Q(
                        nominee_unit__isnull=True,
                        nominee_person__isnull=False,
                        nominee_household__isnull=True,
                    )
                    | Q(
                        nominee_unit__isnull=True,
                        nominee_person__isnull=True,
                        nominee_household__isnull=False,
                    )
                ),
                name="nomination_exactly_one_nominee",
            ),
            *[
                models.CheckConstraint(
                    condition=_at_most(field, COUNCIL_MAX_MEMBERS),
                    name=f"nomination_{field}_bounded",
                )
                for field in (
                    "votes_for",
                    "votes_against",
                    "votes_abstain",
                    "members_present",
                )
            ],
            models.UniqueConstraint(
                fields=["golden_book_number"],
                condition=~Q(golden_book_number=""),
                name="nomination_unique_golden_book_number",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "award_kind", "state"]),
            # The dossier list: a campaign's most recently changed first.
            models.Index(fields=["campaign", "updated_at"], name="nomination_recent"),
        ]

    def __str__(self):
        return f"{self.nominee_name} — {self.award_kind.name}"

    def get_absolute_url(self):
        return reverse("awards:detail", args=[self.pk])

    @property
    def nominee(self):
        return self.nominee_unit or self.nominee_person or self.nominee_household

    @property
    def nominee_type(self):
        if self.nominee_unit_id:
            return NomineeType.UNIT
        if self.nominee_person_id:
            return NomineeType.PERSON
        return NomineeType.HOUSEHOLD

    @property
    def category(self):
        """``"collective"`` for a unit; ``"individual"`` for a person or a household."""
        if self.nominee_unit_id:
            return Category.COLLECTIVE.value
        return Category.INDIVIDUAL.value

    def get_category_display(self):
        return dict(Category.choices)[self.category]

    @property
    def nominee_name(self):
        if self.nominee_unit_id:
            return self.nominee_unit.name
        if self.nominee_person_id:
            return self.nominee_person.full_name
        if self.nominee_household_id:
            return _("Household of %(name)s") % {
                "name": self.nominee_household.head_name
            }
        return ""

    @property
    def nominee_key(self):
        """A hashable identity of the nominee across nominations."""
        return (self.nominee_type, self.nominee.pk if self.nominee else None)

    @property
    def nominee_unit_id_for_scores(self):
        return self.nominee_unit_id

    @property
    def nominee_description(self):
        """Position or address and unit, as printed in lists and on certificates."""
        if self.nominee_unit_id:
            unit = self.nominee_unit
            return unit.address or ""
        if self.nominee_person_id:
            person = self.nominee_person
            parts = [
                p
                for p in (person.position, person.unit.name if person.unit else "")
                if p
            ]
            return ", ".join(parts)
        if self.nominee_household_id:
            household = self.nominee_household
            return household.address or household.hamlet.name
        return ""

    @property
    def is_editable(self):
        from .enums import EDITABLE_STATES

        return self.state in EDITABLE_STATES

    @property
    def vote_total(self):
        return (
            (self.votes_for or 0)
            + (self.votes_against or 0)
            + (self.votes_abstain or 0)
        )


class PriorAward(models.Model):
    """Part III of the achievement report: an award the nominee already received."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="prior_awards"
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[
            MinValueValidator(PRIOR_AWARD_YEAR_MIN),
            MaxValueValidator(PRIOR_AWARD_YEAR_MAX),
        ],
    )
    title = models.CharField(_("title or award"), max_length=255)
    decision_reference = models.CharField(
        _("decision number and date"), max_length=120, blank=True
    )
    issued_by = models.CharField(_("issuing body"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("award already received")
        verbose_name_plural = _("awards already received")
        ordering = ["nomination", "year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=PRIOR_AWARD_YEAR_MIN)
                & Q(year__lte=PRIOR_AWARD_YEAR_MAX),
                name="prioraward_year_bounded",
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.title}"


class Attachment(EvidenceFile):
    """A document of a dossier: tờ trình, báo cáo thành tích, biên bản or other."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(
        _("document type"), max_length=20, choices=AttachmentKind.choices
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["nomination", "kind", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"


# The council's attendance, ballots and written opinions (issue 10).
from .council_models import MeetingAttendance as MeetingAttendance  # noqa: E402
from .council_models import OpenBallot as OpenBallot  # noqa: E402
from .council_models import SecretBallotReceipt as SecretBallotReceipt  # noqa: E402
from .council_models import SecretTally as SecretTally  # noqa: E402
from .council_models import WrittenOpinion as WrittenOpinion  # noqa: E402
