"""Factories and helpers for award tests."""

import datetime

import factory

from awards.enums import AttachmentKind
from awards.models import Attachment, AwardKind, Nomination
from tests.factories import CampaignFactory, UnitFactory

# The smallest valid PDF that filetype recognises.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class AwardKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardKind
        django_get_or_create = ("campaign", "code")

    campaign = factory.SubFactory(CampaignFactory)
    code = "giay_khen_xa"
    name = "Giấy khen của Chủ tịch UBND xã"
    deadline_bound = True
    quota_collective = 2
    quota_individual = 3


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    award_kind = factory.SubFactory(AwardKindFactory)
    campaign = factory.SelfAttribute("award_kind.campaign")
    nominee_unit = factory.SubFactory(UnitFactory)
    proposing_unit = factory.SelfAttribute("nominee_unit")
    achievements = "Hoàn thành 100% hộ dân cài đặt ứng dụng VNeID."


# The number and date the tests' 2025 plan is cited by (the plan's own header
# leaves both blank: the office records them in the campaign's admin).
TEST_PLAN = ("07/KH-UBND", datetime.date(2025, 1, 10))


def record_plan(campaign, number=TEST_PLAN[0], day=TEST_PLAN[1]):
    """Give ``campaign`` a plan number and date (test data), as decisions cite it."""
    type(campaign).objects.filter(pk=campaign.pk).update(
        plan_number=number, plan_date=day
    )
    campaign.plan_number, campaign.plan_date = number, day
    return campaign


def kind_for(campaign, code="giay_khen_xa"):
    return AwardKind.objects.get(campaign=campaign, code=code)


def attach_required(nomination):
    """Give the dossier every required document (bypassing upload; content is fake)."""
    from django.core.files.base import ContentFile

    for code in nomination.award_kind.required_documents or []:
        attachment = Attachment(
            nomination=nomination,
            kind=code,
            original_name=f"{code}.pdf",
            size=len(TINY_PDF),
        )
        attachment.file.save(f"{code}.pdf", ContentFile(TINY_PDF), save=False)
        attachment.save()
    return nomination


def set_state(nomination, state, **fields):
    """Put a test nomination straight into ``state`` (test set-up, not a transition)."""
    Nomination.objects.filter(pk=nomination.pk).update(state=state, **fields)
    nomination.refresh_from_db()
    return nomination


def voted(nomination, votes_for=3, present=3):
    return set_state(
        nomination,
        "voted",
        votes_for=votes_for,
        votes_against=0,
        votes_abstain=0,
        members_present=present,
        council_passed=True,
    )


__all__ = ["AttachmentKind"]


# --- The council, member by member (issue 10) ----------------------------------


def council_of(size, *, prefix="hd", chair=True):
    """``size`` council members (the first also chairs the council), by the services."""
    from phongquang_portal.core.permissions import SYSTEM
    from tests.factories import user_with_role
    from units.enums import Role
    from units.services import membership_grant

    members = [
        user_with_role(Role.COUNCIL, username=f"{prefix}{i}")
        for i in range(1, size + 1)
    ]
    if chair and members:
        membership_grant(
            user=members[0],
            role=Role.COUNCIL_CHAIR,
            actor=SYSTEM,
            reason="Test fixture",
        )
    return members


# Closing with ballots missing asks why (issue 17); the minutes print it.
CLOSE_REASON = "Thành viên còn lại xin về trước khi kết thúc biểu quyết."


def ballot_meeting(
    campaign,
    votes,
    *,
    members,
    present=None,
    actor,
    mode="secret",
    held_on=None,
    close=True,
):
    """Record a meeting, open it, cast the ballots and (by default) close it.

    ``votes``: [(nomination, (for, against, abstain))]; ballots are cast by the
    first members present who may vote on each nomination.
    """
    import datetime

    import time_machine

    from awards import services
    from awards.council_selectors import nomination_recusal

    present = members if present is None else present
    held_on = held_on or datetime.date(2025, 12, 18)
    meeting = services.council_meeting_record(
        campaign=campaign,
        held_on=held_on,
        actor=actor,
        ballot_mode=mode,
        present=present,
    )
    # The voting opens on the day the meeting is called for, at 08:00 (issue 17).
    with time_machine.travel(
        datetime.datetime(*held_on.timetuple()[:3], 1, tzinfo=datetime.UTC), tick=False
    ):
        services.meeting_open(meeting=meeting, actor=actor)
    for nomination, (votes_for, against, abstain) in votes:
        voters = [m for m in present if not nomination_recusal(m, nomination)]
        choices = ["for"] * votes_for + ["against"] * against + ["abstain"] * abstain
        for member, choice in zip(voters, choices, strict=False):
            services.ballot_cast(nomination=nomination, member=member, choice=choice)
    if close:
        with time_machine.travel(
            datetime.datetime(*held_on.timetuple()[:3], 3, 30, tzinfo=datetime.UTC),
            tick=False,
        ):
            services.meeting_close(meeting=meeting, actor=actor, reason=CLOSE_REASON)
    meeting.refresh_from_db()
    for nomination, _tally in votes:
        nomination.refresh_from_db()
    return meeting
