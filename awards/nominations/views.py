"""The dossiers' pages: list, queue, form, detail, transitions, documents, drafts; and
the top of the ranking turned into draft nominations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from campaigns.models import Campaign
from campaigns.selectors import campaign_from_request
from phongquang_portal.core.confirm import ConfirmStep, confirm_step, is_confirmed
from phongquang_portal.core.docx import docx_response
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.pdf import pdf_response
from phongquang_portal.core.uploads import serve_protected
from units.models import Unit

from ..common.views import error_text, form_errors
from ..council.selectors import RECUSAL_MESSAGES, nomination_recusal
from ..enums import AttachmentKind, AwardKindCode, NominationState
from ..extensions.selectors import dossiers_open_for, nomination_deadline
from . import documents, selectors, services
from .forms import (
    AttachmentForm,
    NominateFromRankingForm,
    NominationForm,
    PriorAwardFormSet,
)
from .models import Attachment

S = NominationState

PAGE_SIZE = 50


def nomination_of_url(request, pk, **kwargs):
    """The nomination of the URL (the object the permission is checked on)."""
    return get_object_or_404(selectors.nomination_queryset(), pk=pk)


def _attachment(request, pk, **kwargs):
    return get_object_or_404(
        Attachment.objects.select_related("nomination"), pk=pk
    ).nomination


def _proposing_unit(request, **kwargs):
    """The unit named by ``?proposing_unit=``: the nominee list is its own."""
    pk = parse_id(request.GET.get("proposing_unit"))
    if pk is None:
        raise Http404
    return get_object_or_404(Unit, pk=pk, is_active=True)


def _deadline_notice(campaign, nomination=None):
    deadline = nomination_deadline(nomination) if nomination is not None else None
    return selectors.deadline_notice(campaign, deadline=deadline)


@require_safe
@permission_required("awards.view_nomination_list")
def nomination_list(request):
    """The dossiers a user may see; the office's queue is the "submitted" filter."""
    campaign = campaign_from_request(request)
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
    campaign = campaign_from_request(request)
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
        services.nomination_models_cite(
            nomination=nomination,
            models=data.get("cited_models") or [],
            actor=request.user,
        )
    return nomination


@permission_required("awards.add_nomination")
def nomination_create(request):
    campaign = campaign_from_request(request)
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


@permission_required(
    "awards.change_nomination", nomination_of_url, obj_arg="nomination"
)
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
            "deadline_notice": _deadline_notice(nomination.campaign, nomination),
        },
    )


@require_safe
@permission_required("awards.view_nomination", nomination_of_url, obj_arg="nomination")
def nomination_detail(request, pk, nomination):
    deadline = nomination_deadline(nomination)
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
            "deadline": deadline,
            "reason_form": ReasonForm(
                label=_("What the unit must supplement or correct")
            ),
            "recusal_message": RECUSAL_MESSAGES.get(
                nomination_recusal(request.user, nomination), ""
            ),
            "deadline_notice": selectors.deadline_notice(nomination.campaign),
            "deadline_open": not deadline.is_past(),
        },
    )


def _run(request, nomination, service, success, **kwargs):
    try:
        service(nomination=nomination, actor=request.user, **kwargs)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, success)
    return redirect(nomination)


@require_POST
@permission_required(
    "awards.submit_nomination", nomination_of_url, obj_arg="nomination"
)
def nomination_submit(request, pk, nomination):
    """Submit the dossier, once the unit has confirmed it on a second step."""
    if not is_confirmed(request):
        return confirm_step(
            request,
            ConfirmStep(
                title=_("Submit the dossier to the office?"),
                lines=[
                    _("Dossier: %(name)s — %(award)s.")
                    % {
                        "name": nomination.nominee_name,
                        "award": nomination.award_kind.name,
                    },
                    _(
                        "Once submitted, the dossier no longer changes: the "
                        "Culture-Social office checks it, and may return it to you "
                        "for corrections."
                    ),
                ],
                action=reverse("awards:submit", args=[nomination.pk]),
                back=nomination.get_absolute_url(),
                button=_("Submit the dossier"),
            ),
        )
    return _run(
        request,
        nomination,
        services.nomination_submit,
        _("The dossier is submitted to the Culture-Social office."),
    )


@require_POST
@permission_required("awards.check_nomination", nomination_of_url, obj_arg="nomination")
def nomination_check(request, pk, nomination):
    return _run(
        request,
        nomination,
        services.nomination_check,
        _("The dossier is checked and put to the council."),
    )


@require_POST
@permission_required(
    "awards.return_nomination", nomination_of_url, obj_arg="nomination"
)
def nomination_return(request, pk, nomination):
    form = ReasonForm(
        request.POST,
        required_message=_("Say what the unit must supplement or correct."),
    )
    if not form.is_valid():
        form_errors(request, form)
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
@permission_required(
    "awards.change_nomination", nomination_of_url, obj_arg="nomination"
)
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
            messages.error(request, error_text(exc))
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
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The document is removed."))
    return redirect(nomination)


@require_safe
@permission_required("awards.view_nomination", nomination_of_url, obj_arg="nomination")
def to_trinh_pdf(request, pk, nomination):
    return pdf_response(
        documents.to_trinh_pdf(nomination), f"to-trinh-{nomination.pk}.pdf"
    )


@require_safe
@permission_required("awards.view_nomination", nomination_of_url, obj_arg="nomination")
def report_pdf(request, pk, nomination):
    return pdf_response(
        documents.report_pdf(nomination), f"bao-cao-thanh-tich-{nomination.pk}.pdf"
    )


@require_safe
@permission_required("awards.view_nomination", nomination_of_url, obj_arg="nomination")
def to_trinh_docx(request, pk, nomination):
    """The tờ trình as Word: offices finish their drafts there."""
    return docx_response(
        documents.to_trinh_docx(nomination), f"to-trinh-{nomination.pk}.docx"
    )


@require_safe
@permission_required("awards.view_nomination", nomination_of_url, obj_arg="nomination")
def report_docx(request, pk, nomination):
    return docx_response(
        documents.report_docx(nomination), f"bao-cao-thanh-tich-{nomination.pk}.docx"
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
        form_errors(request, form)
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
        messages.error(request, error_text(exc))
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
