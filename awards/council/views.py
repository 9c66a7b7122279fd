"""The council's pages: its board, a meeting (attendance, opening, ballots, opinions,
closing) and the meeting's minutes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from campaigns.models import Campaign
from campaigns.selectors import campaign_from_request
from phongquang_portal.core.activity import history_for
from phongquang_portal.core.confirm import ConfirmStep, confirm_step, is_confirmed
from phongquang_portal.core.docx import docx_response
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.pdf import pdf_response
from phongquang_portal.core.permissions import has_perm

from ..common.views import error_text, form_errors
from ..enums import BallotChoice, BallotMode
from ..nominations.selectors import quota_panel
from ..nominations.views import nomination_of_url
from . import board, documents, selectors, services
from .forms import (
    BallotForm,
    CouncilMeetingForm,
    MeetingAttendanceForm,
    WrittenOpinionForm,
)
from .models import CouncilMeeting


@permission_required("awards.view_council_board")
def council_board(request):
    """The council's board: its meetings, and nominations in the council's order."""
    campaign = campaign_from_request(request)
    if campaign is None:
        raise Http404
    meeting_form = CouncilMeetingForm(request.POST or None, prefix="meeting")
    if request.method == "POST":
        if not has_perm(request.user, "awards.add_councilmeeting"):
            raise Http404
        if meeting_form.is_valid():
            try:
                meeting = services.council_meeting_record(
                    campaign=campaign, actor=request.user, **meeting_form.cleaned_data
                )
            except ValidationError as exc:
                meeting_form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _(
                        "The council meeting is recorded: take the attendance, then "
                        "open the voting."
                    ),
                )
                return redirect("awards:meeting", pk=meeting.pk)
    meetings = selectors.meetings_of(campaign)
    kinds = list(campaign.award_kinds.all())
    counts = board.board_counts(campaign)
    kind = next((k for k in kinds if k.code == request.GET.get("kind")), None)
    if kind is None:
        kind = next((k for k in kinds if counts.get(k.pk)), kinds[0] if kinds else None)
    page = board.council_board_page(
        campaign,
        kind=kind,
        number=request.GET.get("page"),
        total=counts.get(kind.pk, 0) if kind else None,
    )
    return render(
        request,
        "awards/council_board.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "meetings": meetings,
            "meeting_form": meeting_form,
            "kinds": [(k, counts.get(k.pk, 0)) for k in kinds],
            "kind": kind,
            "nominations": page.object_list,
            "page_obj": page,
            "quota": quota_panel(campaign, kinds),
            "households_sex_known": board.household_head_sex_known(),
        },
    )


def _meeting(request, pk, **kwargs):
    return get_object_or_404(
        CouncilMeeting.objects.select_related("campaign", "chair", "secretary"), pk=pk
    )


@require_safe
@permission_required("awards.view_meeting", _meeting, obj_arg="meeting")
def meeting_detail(request, pk, meeting):
    """A council meeting: attendance, the nominations put to it, ballots, opinions."""
    attendance = selectors.attendance_of(meeting)
    user = request.user
    lines = selectors.agenda_lines(meeting, user, attendance=attendance)
    for line in lines:
        line.nomination._meeting_cache = meeting
        line.may_vote = has_perm(user, "awards.vote_nomination", line.nomination)
    absent = [a.member for a in attendance if not a.present]
    me = next((a for a in attendance if a.member_id == user.pk), None)
    return render(
        request,
        "awards/meeting_detail.html",
        {
            "meeting": meeting,
            "campaign": meeting.campaign,
            "attendance": attendance,
            "present_count": sum(1 for a in attendance if a.present),
            # The council as it is: a member whose role was revoked is not counted.
            "members_total": len(attendance),
            "quorum_needed": services.quorum_needed(len(attendance)),
            "lines": lines,
            "me": me,
            "opinions": selectors.opinions_of(meeting),
            "attendance_form": MeetingAttendanceForm(meeting=meeting),
            "ballot_choices": BallotChoice.choices,
            "opinion_form": WrittenOpinionForm(meeting=meeting, absent_members=absent),
            "absent": absent,
            "history": list(history_for(meeting)[:50]),
        },
    )


def _back_to_meeting(meeting):
    return redirect("awards:meeting", pk=meeting.pk)


@require_POST
@permission_required("awards.record_attendance", _meeting, obj_arg="meeting")
def meeting_attendance(request, pk, meeting):
    form = MeetingAttendanceForm(request.POST, meeting=meeting)
    if not form.is_valid():
        form_errors(request, form)
        return _back_to_meeting(meeting)
    try:
        services.meeting_attendance_record(
            meeting=meeting, present=form.cleaned_data["present"], actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The attendance is recorded."))
    return _back_to_meeting(meeting)


@require_POST
@permission_required("awards.open_meeting", _meeting, obj_arg="meeting")
def meeting_open(request, pk, meeting):
    try:
        services.meeting_open(meeting=meeting, actor=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request, _("The voting is open: each member present casts his ballots.")
        )
    return _back_to_meeting(meeting)


def _close_step(request, meeting, *, error=""):
    """Ballots are missing: say which (names only in an open vote) and ask why."""
    waiting = selectors.missing_ballots(meeting)
    count = sum(len(members) for _n, members in waiting)
    if meeting.ballot_mode == BallotMode.OPEN:
        details = [
            _("%(nominee)s: %(names)s")
            % {
                "nominee": nomination.nominee_name,
                "names": ", ".join(user_display_name(m) for m in members),
            }
            for nomination, members in waiting
        ]
    else:
        # Secret ballot: the numbers, never who has not voted on what.
        details = [
            _("%(nominee)s: %(count)s members present have not voted")
            % {"nominee": nomination.nominee_name, "count": len(members)}
            for nomination, members in waiting
        ]
    return confirm_step(
        request,
        ConfirmStep(
            title=_("Close the meeting with ballots missing?"),
            lines=[
                _(
                    "%(count)s ballots of members present are missing. If you close "
                    "now, each dossier is counted with the ballots cast, and the "
                    "minutes say who did not vote and why you closed."
                )
                % {"count": count}
            ],
            details=details,
            action=reverse("awards:meeting_close", args=[meeting.pk]),
            back=reverse("awards:meeting", args=[meeting.pk]),
            button=_("Close the meeting"),
            reason_label=_("Why close before every member present has voted?"),
            reason=request.POST.get("reason", ""),
            error=error,
        ),
    )


@require_POST
@permission_required("awards.close_meeting", _meeting, obj_arg="meeting")
def meeting_close(request, pk, meeting):
    """Close the meeting; with ballots missing, a confirmation step asks why first."""
    if not is_confirmed(request) and selectors.missing_ballots(meeting):
        return _close_step(request, meeting)
    try:
        services.meeting_close(
            meeting=meeting,
            actor=request.user,
            reason=request.POST.get("reason", "") if is_confirmed(request) else "",
        )
    except ValidationError as exc:
        if exc.code == "ballots_missing":
            return _close_step(request, meeting, error=error_text(exc))
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("The meeting is closed: the tallies are counted from the ballots."),
        )
    return _back_to_meeting(meeting)


@require_POST
@permission_required("awards.send_written_opinion", _meeting, obj_arg="meeting")
def meeting_opinion(request, pk, meeting):
    absent = [a.member for a in selectors.attendance_of(meeting) if not a.present]
    form = WrittenOpinionForm(request.POST, meeting=meeting, absent_members=absent)
    if not form.is_valid():
        form_errors(request, form)
        return _back_to_meeting(meeting)
    member = form.cleaned_data.get("member") or request.user
    try:
        services.written_opinion_record(
            meeting=meeting,
            member=member,
            text=form.cleaned_data["text"],
            nomination=form.cleaned_data.get("nomination"),
            actor=request.user,
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The written opinion is recorded."))
    return _back_to_meeting(meeting)


@require_safe
@permission_required("awards.view_meeting_minutes", _meeting, obj_arg="meeting")
def meeting_minutes_pdf(request, pk, meeting):
    return pdf_response(
        documents.minutes_pdf(meeting),
        f"bien-ban-hop-hoi-dong-{meeting.pk}.pdf",
    )


@require_safe
@permission_required("awards.view_meeting_minutes", _meeting, obj_arg="meeting")
def meeting_minutes_docx(request, pk, meeting):
    return docx_response(
        documents.minutes_docx(meeting),
        f"bien-ban-hop-hoi-dong-{meeting.pk}.docx",
    )


@require_POST
@permission_required("awards.view_nomination", nomination_of_url, obj_arg="nomination")
def nomination_vote(request, pk, nomination):
    """One council member's ballot on one nomination, at its open meeting.

    Asked by whoever may read the dossier: the service then says why a
    ballot is refused (not present, recused, already voted, closed…).
    """
    if not has_perm(request.user, "awards.record_votes"):
        raise Http404
    form = BallotForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back_to_board(request, nomination)
    if not is_confirmed(request):
        return _ballot_step(request, nomination, form.cleaned_data["choice"])
    try:
        services.ballot_cast(
            nomination=nomination,
            member=request.user,
            choice=form.cleaned_data["choice"],
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("Your ballot on %(name)s is recorded.")
            % {"name": nomination.nominee_name},
        )
    return _back_to_board(request, nomination)


def _ballot_step(request, nomination, choice):
    """Show the member his ballot before it is cast (a secret one never changes)."""
    meeting = nomination.meeting
    secret = meeting is not None and meeting.ballot_mode == BallotMode.SECRET
    target = request.POST.get("next", "")
    return confirm_step(
        request,
        ConfirmStep(
            title=_("Cast your ballot?"),
            lines=[
                _("Dossier: %(name)s — %(award)s.")
                % {
                    "name": nomination.nominee_name,
                    "award": nomination.award_kind.name,
                },
                _("Your vote: %(choice)s.") % {"choice": BallotChoice(choice).label},
                _("A secret ballot cannot be changed once it is cast.")
                if secret
                else _("You may change an open vote until the meeting closes."),
            ],
            action=reverse("awards:vote", args=[nomination.pk]),
            back=_back_to_board(request, nomination).url,
            button=_("Cast my ballot"),
            fields=[("choice", choice), ("next", target)],
        ),
    )


def _back_to_board(request, nomination):
    """Back to the page the ballot came from (only a local awards page)."""
    target = request.POST.get("next", "")
    if target.startswith("/awards/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return redirect(target)
    if nomination.meeting_id:
        return redirect("awards:meeting", pk=nomination.meeting_id)
    return redirect(nomination)
