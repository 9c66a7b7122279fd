"""The year-end pages: the summary of a reporting round, its documents, the statistics."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from campaigns.models import Campaign, ReportingPeriod
from campaigns.selectors import campaign_from_request
from phongquang_portal.core.docx import docx_response
from phongquang_portal.core.excel import xlsx_response
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.pdf import pdf_response
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import serve_stored

from . import services
from .data import issue_concerns, summary_data
from .documents import (
    snapshot_blocks,
    snapshot_time,
    summary_blocks,
    summary_docx,
    summary_pdf,
)
from .enums import DocumentFormat
from .forms import IssueForm, SummaryForm, YearForm
from .models import YearEndSummary
from .statistics import (
    report_day,
    statistics_period,
    statistics_table,
    statistics_workbook,
)


def _period(request, period_pk, **kwargs):
    return get_object_or_404(
        ReportingPeriod.objects.select_related("campaign"), pk=period_pk
    )


def _summary_of(period):
    return YearEndSummary.objects.filter(period=period).first()


def _filename(period, extension):
    return f"bao-cao-{period.campaign.year}-{period.pk}.{extension}"


@require_safe
@permission_required("yearend.view_summaries")
def index(request):
    """The campaign's rounds, their summaries, and the statistics by year."""
    campaign = campaign_from_request(request)
    periods = (
        list(
            ReportingPeriod.objects.filter(campaign=campaign)
            .select_related("year_end_summary")
            .order_by("position", "due_on")
        )
        if campaign
        else []
    )
    rows = [(p, getattr(p, "year_end_summary", None)) for p in periods]
    return render(
        request,
        "yearend/index.html",
        {"campaign": campaign, "campaigns": Campaign.objects.all(), "rows": rows},
    )


@permission_required("yearend.view_summary", _period, obj_arg="period")
def summary(request, period_pk, period):
    """The summary's figures, charts and the office's sections (editable as a draft)."""
    current = _summary_of(period)
    form = SummaryForm(
        request.POST if request.method == "POST" else None,
        initial={
            "number": current.number if current else "",
            "assessment": current.assessment if current else "",
            "next_steps": current.next_steps if current else "",
            "proposals": current.proposals if current else "",
        },
    )
    if request.method == "POST":
        if not has_perm(request.user, "yearend.prepare_summary", period):
            raise Http404
        if form.is_valid():
            try:
                with transaction.atomic():
                    current = services.summary_start(period=period, actor=request.user)
                    services.summary_save(
                        summary=current, actor=request.user, **form.cleaned_data
                    )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The summary's sections are saved."))
                return redirect("yearend:summary", period_pk=period.pk)
    if current is not None and current.is_frozen:
        # Issued: the figures as issued, never today's.
        blocks, figures_at, live = (
            snapshot_blocks(current.snapshot),
            snapshot_time(current.snapshot),
            False,
        )
    else:
        data = summary_data(period)
        shown = current or YearEndSummary(period=period)
        blocks, figures_at, live = summary_blocks(shown, data), data.generated_at, True
    may_issue = current is not None and current.is_editable
    return render(
        request,
        "yearend/summary.html",
        {
            "period": period,
            "campaign": period.campaign,
            "summary": current,
            "blocks": blocks,
            "figures_at": figures_at,
            "figures_live": live,
            "form": form,
            "issue_form": IssueForm(initial={"issued_on": timezone.localdate()}),
            "concerns": issue_concerns(period) if may_issue else None,
        },
    )


@require_POST
@permission_required("yearend.prepare_summary", _period, obj_arg="period")
def issue(request, period_pk, period):
    current = _summary_of(period)
    if current is None:
        messages.error(request, _("Write the office's sections before issuing."))
        return redirect("yearend:summary", period_pk=period.pk)
    form = IssueForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(
                [m for errors in form.errors.values() for m in errors]
            )
        services.summary_issue(
            summary=current,
            actor=request.user,
            issued_on=form.cleaned_data["issued_on"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The summary report %(number)s is issued.")
            % {"number": _summary_of(period).full_number},
        )
    return redirect("yearend:summary", period_pk=period.pk)


def _document(request, period, fmt):
    current = _summary_of(period)
    if current is not None and not current.is_editable:
        stored = current.documents.filter(format=fmt).first()
        if stored is not None:
            return serve_stored(stored, _filename(period, fmt))
    shown = current or YearEndSummary(period=period)
    # Issued: rendered from the figures as issued; a draft: from today's.
    data = None if shown.is_frozen else summary_data(period)
    if fmt == DocumentFormat.PDF:
        return pdf_response(summary_pdf(shown, data), _filename(period, "pdf"))
    return docx_response(summary_docx(shown, data), _filename(period, "docx"))


@require_safe
@permission_required("yearend.view_summary", _period, obj_arg="period")
def summary_pdf_view(request, period_pk, period):
    """The summary as PDF: as issued, or the current draft (marked DỰ THẢO)."""
    return _document(request, period, DocumentFormat.PDF)


@require_safe
@permission_required("yearend.view_summary", _period, obj_arg="period")
def summary_docx_view(request, period_pk, period):
    """The summary as a Word file (Decree 30 layout) to finish in Word if needed."""
    return _document(request, period, DocumentFormat.DOCX)


def _year_form(request):
    years = sorted(
        set(Campaign.objects.values_list("year", flat=True))
        | {timezone.localdate().year},
        reverse=True,
    )
    form = YearForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_valid() else years[0]
    return form, year


@require_safe
@permission_required("yearend.view_statistics")
def statistics(request):
    """The province's statistics of a year: awards by form, group and method."""
    form, year = _year_form(request)
    stats, rows = statistics_table(year)
    start, end = statistics_period(year)
    return render(
        request,
        "yearend/statistics.html",
        {
            "form": form,
            "year": year,
            "stats": stats,
            "rows": rows,
            "start": start,
            "end": end,
            "report_day": report_day(year),
        },
    )


@require_safe
@permission_required("yearend.view_statistics")
def statistics_xlsx(request):
    _form, year = _year_form(request)
    return xlsx_response(
        statistics_workbook(year), f"thong-ke-thi-dua-khen-thuong-{year}.xlsx"
    )
