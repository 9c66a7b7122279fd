"""A nomination dossier (Law 06/2022 Art. 84): its nominee, achievements, prior awards
and documents."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.models import EvidenceFile

from ..common.fields import at_most, count_validators
from ..enums import (
    COUNCIL_MAX_MEMBERS,
    EDITABLE_STATES,
    HOUSEHOLD_LABEL,
    PRIOR_AWARD_YEAR_MAX,
    PRIOR_AWARD_YEAR_MIN,
    AttachmentKind,
    Category,
    NominationState,
    NomineeType,
)


class Nomination(models.Model):
    """A dossier nominating a collective, person or household (Law 06/2022 Art. 84)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("campaign"),
    )
    award_kind = models.ForeignKey(
        "awards.AwardKind",
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
        "awards.CouncilMeeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("council meeting"),
    )
    votes_for = models.PositiveSmallIntegerField(
        _("votes for"), null=True, blank=True, validators=count_validators()
    )
    votes_against = models.PositiveSmallIntegerField(
        _("votes against"), null=True, blank=True, validators=count_validators()
    )
    votes_abstain = models.PositiveSmallIntegerField(
        _("abstentions"), null=True, blank=True, validators=count_validators()
    )
    members_present = models.PositiveSmallIntegerField(
        _("members present"), null=True, blank=True, validators=count_validators()
    )
    council_passed = models.BooleanField(
        _("passed by the council"), null=True, blank=True
    )
    # Chairman and decision.
    reason = models.TextField(_("last reason given"), blank=True)
    decision = models.ForeignKey(
        "awards.Decision",
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
                    condition=at_most(field, COUNCIL_MAX_MEMBERS),
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
    def nominee_document_name(self):
        """The nominee as documents and workbooks print it: a household by its head
        ("Chủ hộ: Trần Ngọc Thảo"), others by their name."""
        if self.nominee_household_id:
            return self.nominee_household.document_name
        return self.nominee_name

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
