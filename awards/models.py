import decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.models import EvidenceFile, StoredDocument

from .enums import (
    BASE_SALARY_MAX,
    BASE_SALARY_MIN,
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
    DecisionDocumentKind,
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
    prize_basis = models.ForeignKey(
        "campaigns.LegalDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("legal basis of the prize"),
        help_text=_(
            "The decree the prize money follows (Nghị định số 152/2025/NĐ-CP)."
        ),
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

    def prize_amount(self, nominee_type, *, base_salary=None):
        """Prize money in đồng for one awardee (Decree 152/2025 Art. 54, as read).

        ``base_salary``: the base salary in đồng (the row in force on the
        decision's date); by default the row in force today.
        """
        if base_salary is None:
            from django.utils import timezone

            row = BaseSalary.in_force_on(timezone.localdate())
            base_salary = row.amount if row else 0
        base = decimal.Decimal(base_salary)
        individual = base * self.multiplier_individual
        if nominee_type == NomineeType.UNIT:
            amount = base * self.multiplier_collective
        elif nominee_type == NomineeType.HOUSEHOLD:
            amount = individual * self.multiplier_household
        else:
            amount = individual
        return round_up(amount, prize_rounding())


def prize_rounding():
    """Prize money is rounded up to this many đồng (``PRIZE_ROUNDING_VND``)."""
    return getattr(settings, "PRIZE_ROUNDING_VND", 10_000)


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date, set by a decree.

    A new decree adds a row; rows are never edited, so the prize of every
    decision follows the row in force on the day it is signed.
    """

    amount = models.PositiveIntegerField(
        _("base salary (đồng a month)"),
        validators=[
            MinValueValidator(BASE_SALARY_MIN),
            MaxValueValidator(BASE_SALARY_MAX),
        ],
    )
    effective_from = models.DateField(_("in force from"), unique=True)
    legal_document = models.ForeignKey(
        "campaigns.LegalDocument",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decree"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=BASE_SALARY_MIN)
                & Q(amount__lte=BASE_SALARY_MAX),
                name="basesalary_amount_bounded",
            ),
        ]

    def __str__(self):
        return _("%(amount)s đồng from %(date)s") % {
            "amount": f"{self.amount:,}".replace(",", "."),
            "date": self.effective_from.strftime("%d/%m/%Y"),
        }

    @classmethod
    def in_force_on(cls, day):
        """The row in force on ``day`` (the latest that started by then), or None."""
        return (
            cls.objects.select_related("legal_document")
            .filter(effective_from__lte=day)
            .order_by("-effective_from")
            .first()
        )


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
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signer"),
    )
    # "KT. CHỦ TỊCH" when a vice-chairman signs for the chairman, else empty.
    signer_authority = models.CharField(
        _("signing for"), max_length=60, blank=True, editable=False
    )
    signer_title = models.CharField(
        _("signer's title"), max_length=60, blank=True, editable=False
    )
    # The figures the documents were rendered from (base salary, multipliers,
    # names, categories, amounts, golden-book numbers, signer): issued means frozen.
    snapshot = models.JSONField(_("figures used"), default=dict, editable=False)
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    replacement_reason = models.TextField(_("reason for the replacement"), blank=True)
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
        """ "05/QĐ-UBND": numbers below 10 with a leading zero (Decree 30/2020)."""
        number = f"{int(self.number):02d}" if self.number.isdigit() else self.number
        return f"{number}/QĐ-UBND"

    @property
    def is_replaced(self):
        try:
            return self.replaced_by is not None
        except Decision.DoesNotExist:
            return False

    @property
    def replacement(self):
        """The decision that replaced this one, or None."""
        try:
            return self.replaced_by
        except Decision.DoesNotExist:
            return None


class DecisionDocument(StoredDocument):
    """A file of an issued decision, kept as rendered: every download serves it."""

    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("decision"),
    )
    kind = models.CharField(
        _("document"), max_length=30, choices=DecisionDocumentKind.choices
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # For a signed copy: what the verification found when it was signed.
    signature = models.JSONField(_("signature"), default=dict, blank=True)

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["decision", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "kind"], name="decisiondocument_unique_kind"
            ),
        ]

    def __str__(self):
        return f"{self.decision.full_number} — {self.get_kind_display()}"


class AwardCertificate(models.Model):
    """One awardee's Giấy khen of one decision, with its public verification code."""

    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("decision"),
    )
    nomination = models.ForeignKey(
        "Nomination",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("nomination"),
    )
    position = models.PositiveSmallIntegerField(_("number in the decision"))
    code = models.CharField(_("verification code"), max_length=40, unique=True)
    golden_book_number = models.CharField(_("golden book number"), max_length=30)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["decision", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "nomination"], name="certificate_unique_awardee"
            ),
        ]

    def __str__(self):
        return f"{self.decision.full_number} — {self.position}"

    def get_absolute_url(self):
        return reverse("verify:certificate", args=[self.code])


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
    # Exemplary models of the unit cited in the achievement report (part II).
    cited_models = models.ManyToManyField(
        "exemplars.ExemplaryModel",
        blank=True,
        related_name="citing_nominations",
        verbose_name=_("exemplary models cited"),
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
            # The chairman's admin list: most votes for first, then the number.
            models.Index(fields=["-votes_for", "id"], name="nomination_votes_order"),
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
    def listed_category_label(self):
        """The category as documents list it: a household is "Hộ gia đình"
        (it still counts as an individual for the quota)."""
        from .enums import HOUSEHOLD_LABEL

        if self.nominee_household_id:
            return HOUSEHOLD_LABEL
        return self.get_category_display()

    @property
    def nominee_name(self):
        if self.nominee_unit_id:
            return self.nominee_unit.name
        if self.nominee_person_id:
            return self.nominee_person.full_name
        if self.nominee_household_id:
            return self.nominee_household.printed_name
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


class DossierExtension(models.Model):
    """The office's dated extension of the dossier deadline for one unit and award.

    Granted and withdrawn only through ``awards.extensions`` (logged, with a
    reason); ``ensure_deadline`` honours it: the unit's dossiers for the award
    are received until the end of ``until`` (Vietnam time).
    """

    award_kind = models.ForeignKey(
        AwardKind,
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


# The council's attendance, ballots and written opinions (issue 10).
from .council_models import MeetingAttendance as MeetingAttendance  # noqa: E402
from .council_models import OpenBallot as OpenBallot  # noqa: E402
from .council_models import SecretBallotReceipt as SecretBallotReceipt  # noqa: E402
from .council_models import SecretTally as SecretTally  # noqa: E402
from .council_models import WrittenOpinion as WrittenOpinion  # noqa: E402
