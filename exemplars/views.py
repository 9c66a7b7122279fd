"""The register's pages: the public list with photos, the register, one model.

Thin views: parse input, call a service, render. Every view names a rules
permission; strangers go to the login page, signed-in users without the
permission get 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from campaigns.models import Campaign
from campaigns.selectors import campaign_from_request, campaign_pages_namespace
from phongquang_portal.core.excel import xlsx_response
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.pagecache import public_page
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import serve_protected
from units.models import Unit
from units.selectors import units_headed_by

from . import exports, selectors, services
from .enums import ExemplarStatus
from .forms import (
    EvidenceForm,
    ExemplarForm,
    IndicatorFormSet,
    RecogniseForm,
    RegisterFilterForm,
    SpreadForm,
    indicator_initial,
)
from .models import ExemplarEvidence, ExemplaryModel


def _model(request, pk, **kwargs):
    try:
        return selectors.model_for_page(pk)
    except ExemplaryModel.DoesNotExist as exc:
        raise Http404 from exc


def _evidence(request, pk, **kwargs):
    return get_object_or_404(
        ExemplarEvidence.objects.select_related("model__unit"), pk=pk
    )


def _errors(exc):
    return " ".join(exc.messages)


def _units_for(user):
    """The units a user may record models for: all (office) or the ones he heads."""
    if has_perm(user, "exemplars.record_for_any_unit"):
        return list(Unit.objects.filter(is_active=True).order_by("kind", "position"))
    return list(units_headed_by(user).order_by("kind", "position", "name"))


@require_safe
@permission_required("exemplars.view_public")
@public_page("exemplars-public", namespace=campaign_pages_namespace)
def public_list(request):
    """Public: the recognised models of a campaign, with their photos (công khai)."""
    campaign = campaign_from_request(request)
    models = list(selectors.public_models(campaign)) if campaign else []
    return render(
        request,
        "exemplars/public_list.html",
        {"campaign": campaign, "campaigns": Campaign.objects.all(), "models": models},
    )


@require_safe
@permission_required("exemplars.view_evidence", _evidence, obj_arg="evidence")
def photo(request, pk, evidence):
    """A photo, inline: anyone for a recognised model, else who may see the model."""
    if not evidence.is_photo:
        raise Http404
    response = FileResponse(
        evidence.file.open("rb"),
        content_type="image/png" if evidence.file_type == "png" else "image/jpeg",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if evidence.model.is_public:
        response["Cache-Control"] = "public, max-age=3600"
    else:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@permission_required("exemplars.view_register")
def register(request):
    """The register: every model for the readers, a unit head's own for him."""
    campaign = campaign_from_request(request)
    form = RegisterFilterForm(request.GET or None)
    status = form.cleaned_data.get("status") if form.is_valid() else ""
    unit_ids = None
    if not has_perm(request.user, "exemplars.view_every_model"):
        unit_ids = [u.pk for u in units_headed_by(request.user)]
    models = (
        list(selectors.register(campaign=campaign, unit_ids=unit_ids, status=status))
        if campaign
        else []
    )
    return render(
        request,
        "exemplars/register.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "models": models,
            "filter_form": form,
            "statuses": ExemplarStatus.choices,
        },
    )


@require_safe
@permission_required("exemplars.export_register")
def export(request):
    """The register as an Excel workbook."""
    campaign = campaign_from_request(request)
    if campaign is None:
        raise Http404
    return xlsx_response(
        exports.register_workbook(campaign),
        f"so-dien-hinh-tien-tien-{campaign.year}.xlsx",
    )


def _indicator_inputs(formset):
    return [row for row in (form.as_input() for form in formset.forms) if row]


@permission_required("exemplars.add_model")
def create(request):
    campaign = campaign_from_request(request)
    if campaign is None:
        raise Http404
    units = _units_for(request.user)
    form = ExemplarForm(request.POST or None, campaign=campaign, units=units)
    formset = IndicatorFormSet(request.POST or None, prefix="ind")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            model = services.exemplar_create(
                campaign=campaign,
                unit=data["unit"],
                actor=request.user,
                name=data["name"],
                people=data["people"],
                description=data["description"],
                goals=data["goals"],
                priority_fields=data["priority_fields"],
                indicators=_indicator_inputs(formset),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The model is recorded. Add its photos and documents.")
            )
            return redirect(model)
    return render(
        request,
        "exemplars/model_form.html",
        {"form": form, "formset": formset, "campaign": campaign},
    )


@permission_required("exemplars.change_model", _model, obj_arg="model")
def edit(request, pk, model):
    units = [model.unit]
    form = ExemplarForm(
        request.POST or None, instance=model, campaign=model.campaign, units=units
    )
    formset = IndicatorFormSet(
        request.POST or None, prefix="ind", initial=indicator_initial(model)
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            services.exemplar_update(
                model=model,
                actor=request.user,
                name=data["name"],
                people=data["people"],
                description=data["description"],
                goals=data["goals"],
                priority_fields=data["priority_fields"],
                indicators=_indicator_inputs(formset),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The model is saved."))
            return redirect(model)
    return render(
        request,
        "exemplars/model_form.html",
        {
            "form": form,
            "formset": formset,
            "campaign": model.campaign,
            "model": model,
        },
    )


@require_safe
@permission_required("exemplars.view_model", _model, obj_arg="model")
def detail(request, pk, model):
    evidence = list(model.evidence.all())
    return render(
        request,
        "exemplars/model_detail.html",
        {
            "model": model,
            "photos": [e for e in evidence if e.is_photo],
            "documents": [e for e in evidence if not e.is_photo],
            "evidence_form": EvidenceForm(),
            "recognise_form": RecogniseForm(),
            "decline_form": ReasonForm(label=_("Why is the model not recognised?")),
            "spread_form": SpreadForm(),
        },
    )


@require_POST
@permission_required("exemplars.change_model", _model, obj_arg="model")
def evidence_add(request, pk, model):
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.exemplar_evidence_add(
                model=model,
                actor=request.user,
                file=form.cleaned_data["file"],
                photo=form.cleaned_data["photo"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(request, _("The file is attached."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(model.get_absolute_url() + "#evidence")


@require_safe
@permission_required("exemplars.view_evidence", _evidence, obj_arg="evidence")
def evidence_download(request, pk, evidence):
    return serve_protected(evidence.file, evidence.original_name)


@require_POST
@permission_required(
    "exemplars.change_model", lambda r, pk, **k: _evidence(r, pk).model
)
def evidence_delete(request, pk):
    evidence = _evidence(request, pk)
    try:
        services.exemplar_evidence_remove(evidence=evidence, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("The file is removed."))
    return redirect(evidence.model.get_absolute_url() + "#evidence")


@require_POST
@permission_required("exemplars.recognise_model", _model, obj_arg="model")
def recognise(request, pk, model):
    form = RecogniseForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(model)
    try:
        services.exemplar_recognise(
            model=model,
            actor=request.user,
            recognised_on=form.cleaned_data["recognised_on"],
            reference=form.cleaned_data["reference"],
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("The model is recognised and now public."))
    return redirect(model)


@require_POST
@permission_required("exemplars.decline_model", _model, obj_arg="model")
def decline(request, pk, model):
    form = ReasonForm(
        request.POST, required_message=_("Say why the model is not recognised.")
    )
    try:
        if not form.is_valid():
            raise ValidationError(
                [m for errors in form.errors.values() for m in errors]
            )
        services.exemplar_decline(
            model=model, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(
            request, _("The unit is told why the model is not recognised.")
        )
    return redirect(model)


@require_POST
@permission_required("exemplars.record_spread", _model, obj_arg="model")
def spread(request, pk, model):
    form = SpreadForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(
                [m for errors in form.errors.values() for m in errors]
            )
        services.exemplar_spread_record(
            model=model,
            actor=request.user,
            unit=form.cleaned_data["unit"],
            spread_on=form.cleaned_data["spread_on"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(
            request,
            _("Recorded: %(unit)s took the model over.")
            % {"unit": form.cleaned_data["unit"].name},
        )
    return redirect(model.get_absolute_url() + "#spreads")
