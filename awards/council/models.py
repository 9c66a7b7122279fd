"""The council's meetings and, member by member, their attendance, ballots and written
opinions.

A secret ballot keeps the tally and who has voted, never who voted how: the
receipt (member, nomination) and the tally (counts per nomination) share no
row, no timestamp and no order. An open vote keeps each member's choice."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.validators import no_control_characters

from ..common.fields import count_validators
from ..enums import (
    COUNCIL_MAX_MEMBERS,
    OPINION_MAX_CHARS,
    BallotChoice,
    BallotMode,
    MeetingState,
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
        _("members present"), validators=count_validators()
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
    # The real start and end, set by meeting_open and meeting_close (the minutes
    # print them, never the day the meeting was called for).
    opened_at = models.DateTimeField(_("voting opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Why the chair closed while members present had not voted on every dossier.
    close_reason = models.TextField(_("reason for closing"), blank=True)
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


class MeetingAttendance(models.Model):
    """One council member at one meeting: present or not (the quorum counts these)."""

    meeting = models.ForeignKey(
        "awards.CouncilMeeting",
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("council meeting"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_attendance",
        verbose_name=_("council member"),
    )
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "member__last_name", "member__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"], name="meetingattendance_unique"
            ),
        ]

    def __str__(self):
        return f"{self.meeting} — {self.member}"


class OpenBallot(models.Model):
    """An open vote: one member's choice on one nomination (a second one replaces it)."""

    meeting = models.ForeignKey(
        "awards.CouncilMeeting",
        on_delete=models.PROTECT,
        related_name="open_ballots",
        verbose_name=_("council meeting"),
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        on_delete=models.PROTECT,
        related_name="open_ballots",
        verbose_name=_("nomination"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="open_ballots",
        verbose_name=_("council member"),
    )
    choice = models.CharField(_("vote"), max_length=10, choices=BallotChoice.choices)
    cast_at = models.DateTimeField(_("cast at"), auto_now=True)

    class Meta:
        verbose_name = _("open ballot")
        verbose_name_plural = _("open ballots")
        ordering = ["meeting", "nomination", "member__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "nomination", "member"], name="openballot_unique"
            ),
            models.CheckConstraint(
                condition=Q(choice__in=BallotChoice.values),
                name="openballot_choice_valid",
            ),
        ]

    def __str__(self):
        return f"{self.nomination} — {self.member}"


class SecretBallotReceipt(models.Model):
    """A member has cast his secret ballot on a nomination; not what he chose."""

    meeting = models.ForeignKey(
        "awards.CouncilMeeting",
        on_delete=models.PROTECT,
        related_name="ballot_receipts",
        verbose_name=_("council meeting"),
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        on_delete=models.PROTECT,
        related_name="ballot_receipts",
        verbose_name=_("nomination"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="ballot_receipts",
        verbose_name=_("council member"),
    )

    class Meta:
        verbose_name = _("secret ballot receipt")
        verbose_name_plural = _("secret ballot receipts")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "nomination", "member"],
                name="secretballotreceipt_unique",
            ),
        ]

    def __str__(self):
        return f"{self.nomination} — {self.member}"


def _count_field(label):
    return models.PositiveSmallIntegerField(
        label, default=0, validators=[MaxValueValidator(COUNCIL_MAX_MEMBERS)]
    )


class SecretTally(models.Model):
    """The running count of a secret vote on one nomination at one meeting."""

    meeting = models.ForeignKey(
        "awards.CouncilMeeting",
        on_delete=models.PROTECT,
        related_name="secret_tallies",
        verbose_name=_("council meeting"),
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        on_delete=models.PROTECT,
        related_name="secret_tallies",
        verbose_name=_("nomination"),
    )
    votes_for = _count_field(_("votes for"))
    votes_against = _count_field(_("votes against"))
    votes_abstain = _count_field(_("abstentions"))

    class Meta:
        verbose_name = _("secret ballot tally")
        verbose_name_plural = _("secret ballot tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "nomination"], name="secrettally_unique"
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__lte": COUNCIL_MAX_MEMBERS}),
                    name=f"secrettally_{field}_bounded",
                )
                for field in ("votes_for", "votes_against", "votes_abstain")
            ],
        ]

    def __str__(self):
        return f"{self.nomination} — {self.meeting}"


class WrittenOpinion(models.Model):
    """An absent member's written opinion, on the meeting or one nomination.

    Recorded apart from the ballots: it is read into the minutes, never counted.
    """

    meeting = models.ForeignKey(
        "awards.CouncilMeeting",
        on_delete=models.CASCADE,
        related_name="written_opinions",
        verbose_name=_("council meeting"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="written_opinions",
        verbose_name=_("council member"),
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="written_opinions",
        verbose_name=_("nomination"),
    )
    text = models.TextField(
        _("opinion"),
        max_length=OPINION_MAX_CHARS,
        validators=[no_control_characters],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("written opinion")
        verbose_name_plural = _("written opinions")
        ordering = ["meeting", "member__last_name", "member__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member", "nomination"],
                name="writtenopinion_unique_per_nomination",
            ),
            models.UniqueConstraint(
                fields=["meeting", "member"],
                condition=Q(nomination__isnull=True),
                name="writtenopinion_unique_general",
            ),
        ]

    def __str__(self):
        return f"{self.meeting} — {self.member}"
