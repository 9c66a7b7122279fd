"""The summary's writes: start it, save the office's sections, issue it (logged)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, transition
from phongquang_portal.core.counters import counter_next
from phongquang_portal.core.docx import DOCX_CONTENT_TYPE
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.permissions import real_user, require_perm
from phongquang_portal.core.uploads import store_document

from .enums import SECTION_MAX_CHARS, SUMMARY_TRANSITIONS, DocumentFormat, SummaryState
from .models import SummaryDocument, YearEndSummary

SECTIONS = ("assessment", "next_steps", "proposals")


def _locked(summary):
    return (
        YearEndSummary.objects.select_for_update()
        .select_related("period__campaign")
        .get(pk=summary.pk)
    )


def _sync(target, source):
    """Copy the fields a service changed back onto the caller's instance."""
    for field in source._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
    return target


@transaction.atomic
def summary_start(*, period, actor):
    """Return the summary of ``period``, creating the office's draft the first time."""
    require_perm(actor, "yearend.prepare_summary", period)
    summary, created = YearEndSummary.objects.get_or_create(
        period=period, defaults={"created_by": real_user(actor)}
    )
    if created:
        log_action(summary, "yearend.summary.created", actor=actor)
    return summary


def _clean_number(number):
    number = (number or "").strip().upper().removesuffix("/BC-UBND").strip()
    if number and not 1 <= (parse_id(number) or 0) <= 99999:
        raise ValidationError(
            _("A report number is a whole number from 1 to 99999."),
            code="number_format",
        )
    return number


@transaction.atomic
def summary_save(*, summary, actor, assessment, next_steps, proposals, number=""):
    """Store the office's own sections; only while the summary is a draft."""
    caller, summary = summary, _locked(summary)
    if not summary.is_editable:
        raise ValidationError(
            _("The summary is issued and can no longer be changed."), code="issued"
        )
    require_perm(actor, "yearend.change_summary", summary)
    texts = {
        "assessment": (assessment or "").replace("\r\n", "\n").strip(),
        "next_steps": (next_steps or "").replace("\r\n", "\n").strip(),
        "proposals": (proposals or "").replace("\r\n", "\n").strip(),
    }
    for text in texts.values():
        if len(text) > SECTION_MAX_CHARS:
            raise ValidationError(
                _("A section may hold at most %(limit)s characters.")
                % {"limit": f"{SECTION_MAX_CHARS:,}".replace(",", ".")},
                code="too_long",
            )
    values = {**texts, "number": _clean_number(number)}
    changes = field_changes(summary, values)
    if not changes:
        return _sync(caller, summary)
    for name, value in values.items():
        setattr(summary, name, value)
    summary.save(update_fields=[*values, "updated_at"])
    log_action(
        summary,
        "yearend.summary.saved",
        actor=actor,
        data={"changes": {k: {"label": v["label"]} for k, v in changes.items()}},
    )
    return _sync(caller, summary)


@transaction.atomic
def summary_issue(*, summary, actor, issued_on=None, reason=""):
    """Issue the summary: its figures are kept as issued (the snapshot the page shows)
    and its PDF and DOCX, rendered from them, are stored.

    Issued before the reports' due date, or while units have no accepted report,
    it needs ``reason`` (why it is issued now), logged with what was left out.
    """
    from .data import issue_concerns, summary_data
    from .documents import summary_docx, summary_pdf, summary_snapshot

    caller, summary = summary, _locked(summary)
    require_perm(actor, "yearend.issue_summary", summary)
    issued_on = issued_on or timezone.localdate()
    if issued_on > timezone.localdate():
        raise ValidationError(
            _("The issue date cannot be in the future."), code="issued_in_future"
        )
    missing = [name for name in SECTIONS if not getattr(summary, name).strip()]
    if missing:
        labels = [
            str(YearEndSummary._meta.get_field(name).verbose_name) for name in missing
        ]
        raise ValidationError(
            _("Write the office's sections before issuing: %(sections)s.")
            % {"sections": ", ".join(labels)},
            code="sections_missing",
        )
    concerns = issue_concerns(summary.period, issued_on=issued_on)
    reason = (reason or "").strip()
    if concerns.messages and not reason:
        raise ValidationError(
            _("%(concerns)s Say why the summary is issued now.")
            % {"concerns": " ".join(concerns.messages)},
            code="reason_required",
        )
    if not summary.number:
        summary.number = str(counter_next(f"yearend.summary.{issued_on.year}"))
    summary.issued_on = issued_on
    summary.issued_by = real_user(actor)
    summary.state = SummaryState.ISSUED  # for the documents; saved by transition
    summary.snapshot = summary_snapshot(summary, summary_data(summary.period))
    pdf, docx = summary_pdf(summary), summary_docx(summary)
    summary.state = SummaryState.DRAFT
    data = {"number": summary.full_number, "issued_on": f"{issued_on:%d/%m/%Y}"}
    if concerns.early:
        data["due_on"] = f"{concerns.due_on:%d/%m/%Y}"
    if concerns.outstanding:
        data["outstanding"] = concerns.outstanding
    transition(
        summary,
        SummaryState.ISSUED,
        actor=actor,
        action="yearend.summary.issued",
        transitions=SUMMARY_TRANSITIONS,
        reason=reason,
        extra_fields=["number", "issued_on", "issued_by", "snapshot"],
        data=data,
    )
    stem = f"bao-cao-{summary.period.campaign.year}-{summary.period.pk}"
    store_document(
        SummaryDocument(summary=summary, format=DocumentFormat.PDF),
        pdf,
        f"{stem}.pdf",
        "application/pdf",
    )
    store_document(
        SummaryDocument(summary=summary, format=DocumentFormat.DOCX),
        docx,
        f"{stem}.docx",
        DOCX_CONTENT_TYPE,
    )
    return _sync(caller, summary)
