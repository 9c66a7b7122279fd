"""Thin views: parse input, call a service, render."""

import decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from campaigns.models import Campaign
from campaigns.selectors import current_campaign
from phongquang_portal.core.activity import history_for
from phongquang_portal.core.counters import counter_peek
from phongquang_portal.core.docx import docx_response
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.pagecache import public_page
from phongquang_portal.core.pdf import pdf_response
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import serve_protected, serve_stored
from phongquang_portal.core.versions import campaign_namespace_of
from units.models import Unit

from . import council_documents, council_selectors, exports, selectors, services
from .citations import nomination_models_cite
from .enums import (
    AttachmentKind,
    AwardKindCode,
    BallotChoice,
    DecisionDocumentKind,
    NominationState,
)
from .extensions import dossier_extension_for, dossiers_open_for
from .forms import (
    AttachmentForm,
    BallotForm,
    BlankOffsetForm,
    CouncilMeetingForm,
    DecisionForm,
    DecisionReplaceForm,
    MeetingAttendanceForm,
    NominateFromRankingForm,
    NominationForm,
    PriorAwardFormSet,
    WrittenOpinionForm,
)
from .models import Attachment, CouncilMeeting, Decision

S = NominationState
PAGE_SIZE = 50


def _campaign_from(request):
    pk = request.GET.get("campaign") or request.POST.get("campaign")
    if pk and str(pk).isdigit():
        return get_object_or_404(Campaign, pk=pk)
    return current_campaign()


def _board_namespace(request):
    return campaign_namespace_of(request, default=current_campaign)


def _nomination(request, pk, **kwargs):
    """The nomination of the URL (the object the permission is checked on)."""
    return get_object_or_404(selectors.nomination_queryset(), pk=pk)


def _attachment(request, pk, **kwargs):
    return get_object_or_404(
        Attachment.objects.select_related("nomination"), pk=pk
    ).nomination


def _decision(request, pk, **kwargs):
    return get_object_or_404(
        Decision.objects.select_related("campaign", "award_kind"), pk=pk
    )


def _proposing_unit(request, **kwargs):
    """The unit named by ``?proposing_unit=``: the nominee list is its own."""
    pk = request.GET.get("proposing_unit", "")
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(Unit, pk=pk, is_active=True)


def _error_text(exc):
    return " ".join(exc.messages)


def _form_errors(request, form):
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _deadline_notice(campaign):
    return selectors.deadline_notice(campaign)


@require_safe
@permission_required("awards.view_nomination_list")
def nomination_list(request):
    """The dossiers a user may see; the office's queue is the "submitted" filter."""
    campaign = _campaign_from(request)
    qs = selectors.nominations_visible_to(request.user).filter(campaign=campaign)
    state = request.GET.get("state", "")
    if state in S.values:
        qs = qs.filter(state=state)
    kind = request.GET.get("kind", "")
    if kind in AwardKindCode.values:
        qs = qs.filter(award_kind__code=kind)
    page = Paginator(qs.order_by("-updated_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    nominations = selectors.attach_scores(list(page.object_list))
    return render(
        request,
        "awards/nomination_list.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "nominations": nominations,
            "page_obj": page,
            "states": S.choices,
            "state": state,
            "kinds": AwardKindCode.choices,
            "kind": kind,
            "deadline_notice": _deadline_notice(campaign),
        },
    )


@require_safe
@permission_required("awards.view_checking_queue")
def checking_queue(request):
    """The office's queue: submitted dossiers, oldest first."""
    campaign = _campaign_from(request)
    queue = (
        selectors.nomination_queryset()
        .filter(campaign=campaign, state=S.SUBMITTED)
        .order_by("submitted_at", "pk")
    )
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "awards/queue.html",
        {
            "campaign": campaign,
            "nominations": selectors.attach_warnings(page.object_list),
            "page_obj": page,
        },
    )


def _save_form(request, form, formset, nomination=None):
    kind, nominee = form.cleaned_data.get("nominee_object", (None, None))
    data = form.cleaned_data
    with transaction.atomic():
        if nomination is None:
            nomination = services.nomination_create(
                campaign=form.campaign,
                award_kind=data["award_kind"],
                proposing_unit=data["proposing_unit"],
                actor=request.user,
                profile=data["profile"],
                achievements=data["achievements"],
                citation=data["citation"],
                goals=data["goals"],
                **{f"nominee_{kind}": nominee},
            )
        else:
            services.nomination_update(
                nomination=nomination,
                actor=request.user,
                proposing_unit=data["proposing_unit"],
                profile=data["profile"],
                achievements=data["achievements"],
                citation=data["citation"],
                goals=data["goals"],
            )
        formset.instance = nomination
        formset.save()
        nomination_models_cite(
            nomination=nomination,
            models=data.get("cited_models") or [],
            actor=request.user,
        )
    return nomination


@permission_required("awards.add_nomination")
def nomination_create(request):
    campaign = _campaign_from(request)
    if campaign is None:
        raise Http404
    form = NominationForm(request.POST or None, user=request.user, campaign=campaign)
    formset = PriorAwardFormSet(request.POST or None, prefix="prior")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            nomination = _save_form(request, form, formset)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The dossier is saved as a draft. Attach the documents.")
            )
            return redirect(nomination)
    return render(
        request,
        "awards/nomination_form.html",
        {
            "form": form,
            "formset": formset,
            "campaign": campaign,
            "deadline_notice": _deadline_notice(campaign),
        },
    )


@require_safe
@permission_required("awards.add_nomination")
@permission_required("awards.propose_for_unit", _proposing_unit, obj_arg="unit")
def nominee_options(request, unit):
    """The proposing unit's own collectives, people and households, as JSON.

    The dossier form reloads its nominee list from here when the proposing
    unit changes; a unit the user may not propose for answers 404.
    """
    return JsonResponse(
        {
            "groups": [
                {"type": nominee_type, "label": str(label), "options": options}
                for nominee_type, label, options in selectors.nominee_choices_for_unit(
                    unit
                )
            ]
        }
    )


@permission_required("awards.change_nomination", _nomination, obj_arg="nomination")
def nomination_edit(request, pk, nomination):
    form = NominationForm(
        request.POST or None,
        instance=nomination,
        user=request.user,
        campaign=nomination.campaign,
    )
    formset = PriorAwardFormSet(
        request.POST or None, instance=nomination, prefix="prior"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            _save_form(request, form, formset, nomination)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The dossier is saved."))
            return redirect(nomination)
    return render(
        request,
        "awards/nomination_form.html",
        {
            "form": form,
            "formset": formset,
            "campaign": nomination.campaign,
            "nomination": nomination,
            "deadline_notice": _deadline_notice(nomination.campaign),
        },
    )


@require_safe
@permission_required("awards.view_nomination", _nomination, obj_arg="nomination")
def nomination_detail(request, pk, nomination):
    selectors.attach_scores([nomination])
    selectors.attach_warnings([nomination])
    return render(
        request,
        "awards/nomination_detail.html",
        {
            "nomination": nomination,
            "attachments": list(nomination.attachments.select_related("uploaded_by")),
            "prior_awards": list(nomination.prior_awards.all()),
            "goals": list(nomination.goals.all()),
            "missing": services.missing_documents(nomination),
            "attachment_form": AttachmentForm(
                initial={"kind": request.GET.get("kind")}
                if request.GET.get("kind") in AttachmentKind.values
                else None
            ),
            "cited_models": list(nomination.cited_models.select_related("unit")),
            "extension": dossier_extension_for(nomination),
            "reason_form": ReasonForm(
                label=_("What the unit must supplement or correct")
            ),
            "recusal_message": council_selectors.RECUSAL_MESSAGES.get(
                council_selectors.nomination_recusal(request.user, nomination), ""
            ),
            "deadline_notice": _deadline_notice(nomination.campaign),
            "deadline_open": dossiers_open_for(nomination),
        },
    )


def _run(request, nomination, service, success, **kwargs):
    try:
        service(nomination=nomination, actor=request.user, **kwargs)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, success)
    return redirect(nomination)


@require_POST
@permission_required("awards.submit_nomination", _nomination, obj_arg="nomination")
def nomination_submit(request, pk, nomination):
    return _run(
        request,
        nomination,
        services.nomination_submit,
        _("The dossier is submitted to the Culture-Social office."),
    )


@require_POST
@permission_required("awards.check_nomination", _nomination, obj_arg="nomination")
def nomination_check(request, pk, nomination):
    return _run(
        request,
        nomination,
        services.nomination_check,
        _("The dossier is checked and put to the council."),
    )


@require_POST
@permission_required("awards.return_nomination", _nomination, obj_arg="nomination")
def nomination_return(request, pk, nomination):
    form = ReasonForm(
        request.POST,
        required_message=_("Say what the unit must supplement or correct."),
    )
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(nomination)
    response = _run(
        request,
        nomination,
        services.nomination_return,
        _("The dossier is returned to the unit for supplement."),
        reason=form.cleaned_data["reason"],
    )
    if nomination.state == S.RETURNED and not dossiers_open_for(nomination):
        messages.info(
            request,
            _(
                "The dossier deadline has passed: the unit can resubmit only if you "
                "extend the deadline for it (Dossier extensions)."
            ),
        )
    return response


@require_POST
@permission_required("awards.view_nomination", _nomination, obj_arg="nomination")
def nomination_vote(request, pk, nomination):
    """One council member's ballot on one nomination, at its open meeting.

    Asked by whoever may read the dossier: the service then says why a
    ballot is refused (not present, recused, already voted, closed…).
    """
    if not has_perm(request.user, "awards.record_votes"):
        raise Http404
    form = BallotForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back_to_board(request, nomination)
    try:
        services.ballot_cast(
            nomination=nomination,
            member=request.user,
            choice=form.cleaned_data["choice"],
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request,
            _("Your ballot on %(name)s is recorded.")
            % {"name": nomination.nominee_name},
        )
    return _back_to_board(request, nomination)


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


@require_POST
@permission_required("awards.change_nomination", _nomination, obj_arg="nomination")
def attachment_add(request, pk, nomination):
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                nomination=nomination,
                kind=form.cleaned_data["kind"],
                uploaded=form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("The document is attached."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    # The next document is often of the same type: the form keeps it chosen.
    kind = request.POST.get("kind", "")
    query = f"?kind={kind}" if kind in AttachmentKind.values else ""
    return redirect(nomination.get_absolute_url() + query + "#attachment-form")


@require_safe
@permission_required("awards.view_nomination", _attachment)
def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment, pk=pk)
    return serve_protected(attachment.file, attachment.original_name)


@require_POST
@permission_required("awards.change_nomination", _attachment, obj_arg="nomination")
def attachment_delete(request, pk, nomination):
    attachment = get_object_or_404(Attachment, pk=pk)
    try:
        services.attachment_delete(attachment=attachment, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("The document is removed."))
    return redirect(nomination)


@require_safe
@permission_required("awards.view_nomination", _nomination, obj_arg="nomination")
def to_trinh_pdf(request, pk, nomination):
    return pdf_response(
        exports.to_trinh_pdf(nomination), f"to-trinh-{nomination.pk}.pdf"
    )


@require_safe
@permission_required("awards.view_nomination", _nomination, obj_arg="nomination")
def report_pdf(request, pk, nomination):
    return pdf_response(
        exports.report_pdf(nomination), f"bao-cao-thanh-tich-{nomination.pk}.pdf"
    )


@require_safe
@permission_required("awards.view_nomination", _nomination, obj_arg="nomination")
def to_trinh_docx(request, pk, nomination):
    """The tờ trình as Word: offices finish their drafts there."""
    return docx_response(
        exports.to_trinh_docx(nomination), f"to-trinh-{nomination.pk}.docx"
    )


@require_safe
@permission_required("awards.view_nomination", _nomination, obj_arg="nomination")
def report_docx(request, pk, nomination):
    return docx_response(
        exports.report_docx(nomination), f"bao-cao-thanh-tich-{nomination.pk}.docx"
    )


@permission_required("awards.view_council_board")
def council_board(request):
    """The council's board: its meetings, and nominations in the council's order."""
    campaign = _campaign_from(request)
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
    meetings = council_selectors.meetings_of(campaign)
    kinds = list(campaign.award_kinds.all())
    counts = selectors.board_counts(campaign)
    kind = next((k for k in kinds if k.code == request.GET.get("kind")), None)
    if kind is None:
        kind = next((k for k in kinds if counts.get(k.pk)), kinds[0] if kinds else None)
    page = selectors.council_board_page(
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
            "quota": selectors.quota_panel(campaign, kinds),
            "households_sex_known": selectors.household_head_sex_known(),
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
    attendance = council_selectors.attendance_of(meeting)
    user = request.user
    lines = council_selectors.agenda_lines(meeting, user, attendance=attendance)
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
            "quorum_needed": services.quorum_needed(meeting.members_total),
            "lines": lines,
            "me": me,
            "opinions": council_selectors.opinions_of(meeting),
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
        _form_errors(request, form)
        return _back_to_meeting(meeting)
    try:
        services.meeting_attendance_record(
            meeting=meeting, present=form.cleaned_data["present"], actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("The attendance is recorded."))
    return _back_to_meeting(meeting)


@require_POST
@permission_required("awards.open_meeting", _meeting, obj_arg="meeting")
def meeting_open(request, pk, meeting):
    try:
        services.meeting_open(meeting=meeting, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request, _("The voting is open: each member present casts his ballots.")
        )
    return _back_to_meeting(meeting)


@require_POST
@permission_required("awards.close_meeting", _meeting, obj_arg="meeting")
def meeting_close(request, pk, meeting):
    try:
        services.meeting_close(meeting=meeting, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request,
            _("The meeting is closed: the tallies are counted from the ballots."),
        )
    return _back_to_meeting(meeting)


@require_POST
@permission_required("awards.send_written_opinion", _meeting, obj_arg="meeting")
def meeting_opinion(request, pk, meeting):
    absent = [
        a.member for a in council_selectors.attendance_of(meeting) if not a.present
    ]
    form = WrittenOpinionForm(request.POST, meeting=meeting, absent_members=absent)
    if not form.is_valid():
        _form_errors(request, form)
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
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("The written opinion is recorded."))
    return _back_to_meeting(meeting)


@require_safe
@permission_required("awards.view_meeting_minutes", _meeting, obj_arg="meeting")
def meeting_minutes_pdf(request, pk, meeting):
    return pdf_response(
        council_documents.minutes_pdf(meeting),
        f"bien-ban-hop-hoi-dong-{meeting.pk}.pdf",
    )


@require_safe
@permission_required("awards.view_meeting_minutes", _meeting, obj_arg="meeting")
def meeting_minutes_docx(request, pk, meeting):
    return docx_response(
        council_documents.minutes_docx(meeting),
        f"bien-ban-hop-hoi-dong-{meeting.pk}.docx",
    )


@permission_required("awards.view_decision_list")
def decision_list(request):
    """The office issues decisions; everyone who reads everything sees them."""
    campaign = _campaign_from(request)
    if campaign is None:
        raise Http404
    form = DecisionForm(
        request.POST or None,
        campaign=campaign,
        next_number=counter_peek(
            services.decision_counter_key(timezone.localdate().year)
        ),
    )
    if request.method == "POST":
        if not has_perm(request.user, "awards.add_decision"):
            raise Http404
        if form.is_valid():
            try:
                decision = services.decision_issue(
                    campaign=campaign, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Decision %(number)s is issued.")
                    % {"number": decision.full_number},
                )
                return redirect(decision)
    approved = list(
        selectors.nomination_queryset()
        .filter(campaign=campaign, state=S.APPROVED)
        .order_by("award_kind__position", "pk")
    )
    return render(
        request,
        "awards/decision_list.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "decisions": list(selectors.decisions_for(campaign)),
            "approved": approved,
            "form": form,
            "quota": selectors.quota_panel(campaign),
        },
    )


def _decision_page(request, decision, *, replace_form=None, status=200):
    from phongquang_portal.core.signing import signing_configured

    from .decisions import decision_documents_ensure

    documents = decision_documents_ensure(decision)
    snapshot = decision.snapshot
    rows = exports.snapshot_rows(snapshot)
    signed = documents.get(DecisionDocumentKind.DECISION_SIGNED_PDF)
    return render(
        request,
        "awards/decision_detail.html",
        {
            "decision": decision,
            "snapshot": snapshot,
            "rows": rows,
            "total": sum(r.prize_amount for r in rows),
            "documents": [
                documents[kind]
                for kind in DecisionDocumentKind.values
                if kind in documents
            ],
            "signed": signed,
            "signature": signature_report(signed) if signed else None,
            "signing_configured": signing_configured(),
            "replacement": decision.replacement,
            "offset_form": BlankOffsetForm(),
            "replace_form": replace_form
            or DecisionReplaceForm(
                decision=decision,
                initial={"signed_on": timezone.localdate()},
            ),
        },
        status=status,
    )


def signature_report(document):
    """What the signature check finds in a signed stored PDF (cached by its SHA-256)."""
    from django.core.cache import cache

    from phongquang_portal.core.signing import verify_pdf

    key = f"awards.signature.{document.sha256}"
    report = cache.get(key)
    if report is None:
        try:
            report = verify_pdf(document.read_bytes())
        except Exception:  # noqa: BLE001 - an unreadable signature is reported, not a 500
            from phongquang_portal.core.signing import SignatureReport

            report = SignatureReport(signed=True, summary="unreadable")
        cache.set(key, report, 3600)
    return report


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_detail(request, pk, decision):
    return _decision_page(request, decision)


@require_POST
@permission_required("awards.replace_decision", _decision, obj_arg="decision")
def decision_replace(request, pk, decision):
    """A new decision replacing this one (the mistake corrected at its source)."""
    from .decisions import decision_replace as replace

    form = DecisionReplaceForm(request.POST, decision=decision)
    if form.is_valid():
        data = form.cleaned_data
        try:
            new = replace(
                decision=decision,
                number=data["number"],
                signed_on=data["signed_on"],
                signer=data["signer"],
                reason=data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Decision %(new)s is issued; it replaces decision %(old)s.")
                % {"new": new.full_number, "old": decision.full_number},
            )
            return redirect(new)
    return _decision_page(request, decision, replace_form=form, status=200)


@require_POST
@permission_required("awards.sign_decision", _decision, obj_arg="decision")
def decision_sign(request, pk, decision):
    from .decisions import decision_sign as sign

    try:
        sign(decision=decision, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request,
            _("Decision %(number)s is signed digitally.")
            % {"number": decision.full_number},
        )
    return redirect(decision)


def _serve(decision, kind):
    from .decisions import decision_documents_ensure
    from .documents import document_filename

    document = decision_documents_ensure(decision).get(kind)
    if document is None:
        raise Http404
    return serve_stored(document, document_filename(kind, decision.snapshot))


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_pdf(request, pk, decision):
    """The decision's PDF as issued: the stored bytes, whatever changed since."""
    return _serve(decision, DecisionDocumentKind.DECISION_PDF)


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_signed_pdf(request, pk, decision):
    return _serve(decision, DecisionDocumentKind.DECISION_SIGNED_PDF)


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def certificates_pdf(request, pk, decision):
    return _serve(decision, DecisionDocumentKind.CERTIFICATES_PDF)


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def certificates_blank_pdf(request, pk, decision):
    """The certificates for pre-printed blanks: the stored file, or with a printer's
    offsets (dx/dy mm) rendered again from the decision's frozen figures."""
    form = BlankOffsetForm(request.GET or None)
    dx = dy = decimal.Decimal(0)
    if form.is_valid():
        dx = form.cleaned_data.get("dx") or 0
        dy = form.cleaned_data.get("dy") or 0
    if not dx and not dy:
        return _serve(decision, DecisionDocumentKind.CERTIFICATES_BLANK_PDF)
    return pdf_response(
        exports.certificates_blank_pdf(decision, dx_mm=float(dx), dy_mm=float(dy)),
        f"giay-khen-in-phoi-{decision.number}-{decision.year}-lech.pdf",
    )


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_xlsx(request, pk, decision):
    return _serve(decision, DecisionDocumentKind.DECISION_XLSX)


@require_safe
@permission_required("awards.verify_certificate")
def verify_certificate(request, code):
    """Public: what a certificate's QR code leads to (decision, awardee, award only)."""
    from .models import AwardCertificate

    certificate = (
        AwardCertificate.objects.select_related("decision__replaced_by")
        .filter(code=code)
        .first()
    )
    if certificate is None:
        return render(request, "awards/verify.html", {"found": False}, status=404)
    decision = certificate.decision
    entry = next(
        (
            a
            for a in decision.snapshot.get("awardees", [])
            if a.get("verify_code") == code
        ),
        None,
    )
    signed = decision.documents.filter(
        kind=DecisionDocumentKind.DECISION_SIGNED_PDF
    ).first()
    return render(
        request,
        "awards/verify.html",
        {
            "found": True,
            "decision": decision,
            "award": decision.snapshot.get("award", {}).get("name", ""),
            "awardee": entry or {},
            "signed_on": decision.signed_on,
            "replacement": decision.replacement,
            "signature": signature_report(signed) if signed else None,
        },
    )


@require_safe
@permission_required("awards.view_honor_board")
@public_page("awards-honor-board", namespace=_board_namespace)
def honor_board(request):
    """Public: the decided awards of a campaign (công khai), no login needed."""
    campaign = _campaign_from(request)
    awards = selectors.honor_board(campaign) if campaign else []
    return render(
        request,
        "awards/honor_board.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "awards": awards,
        },
    )


def _ranking_campaign(request, campaign_pk, **kwargs):
    return get_object_or_404(Campaign, pk=campaign_pk)


@require_POST
@permission_required("awards.nominate_from_ranking", _ranking_campaign)
def nominate_from_ranking(request, campaign_pk):
    """Turn the top N of one kind of unit in the ranking into draft nominations.

    The ranking is scoring's (``scoring.selectors.ranking_rows``); the
    nominations are ours. Back to the ranking page with what was done.
    """
    from scoring.selectors import ranking_rows

    campaign = get_object_or_404(Campaign, pk=campaign_pk)
    form = NominateFromRankingForm(request.POST)
    back = reverse("scoring:ranking", kwargs={"campaign_pk": campaign.pk})
    if not form.is_valid():
        _form_errors(request, form)
        kind = "" if form.has_error("kind") else form.cleaned_data.get("kind", "")
        return redirect(f"{back}?kind={kind}" if kind else back)
    kind, top_n = form.cleaned_data["kind"], form.cleaned_data["top_n"]
    back = f"{back}?kind={kind}"
    unit_ids = [
        score.unit_id
        for score in ranking_rows(campaign=campaign, kind=kind)
        if score.rank <= top_n
    ]
    if not unit_ids:
        messages.error(request, _("No ranked unit of this kind yet."))
        return redirect(back)
    try:
        created = services.nominations_from_ranking(
            campaign=campaign, unit_ids=unit_ids, actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        if created:
            messages.success(
                request,
                _("%(count)s draft nominations created from the ranking.")
                % {"count": len(created)},
            )
        else:
            messages.info(
                request,
                _("The top-ranked units of this kind are already nominated."),
            )
    return redirect(back)
