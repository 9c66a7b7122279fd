"""The year-end summary of the campaign (báo cáo sơ kết, tổng kết; plan V.1.e).

The office drafts it for the chairman: the figures come from the portal's
data (reports, exemplary models, awards), the assessment, the tasks ahead and
the proposals are written by hand. Issued, its PDF and DOCX are kept as they
were issued (``core.models.StoredDocument``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.documents import document_number
from phongquang_portal.core.models import StoredDocument
from phongquang_portal.core.validators import no_control_characters

from .enums import DocumentFormat, SummaryState

TEXT = [no_control_characters]


class YearEndSummary(models.Model):
    """The summary of one reporting round (sơ kết 6 tháng, tổng kết năm)."""

    period = models.OneToOneField(
        "campaigns.ReportingPeriod",
        on_delete=models.PROTECT,
        related_name="year_end_summary",
        verbose_name=_("reporting period"),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=SummaryState.choices,
        default=SummaryState.DRAFT,
    )
    number = models.CharField(
        _("number"),
        max_length=30,
        blank=True,
        validators=TEXT,
        help_text=_("The number only, printed as …/BC-UBND."),
    )
    assessment = models.TextField(
        _("general assessment"),
        blank=True,
        validators=TEXT,
        help_text=_("Strengths, shortcomings and their causes."),
    )
    next_steps = models.TextField(_("tasks ahead"), blank=True, validators=TEXT)
    proposals = models.TextField(
        _("proposals and recommendations"), blank=True, validators=TEXT
    )
    # The figures as issued (the blocks the page, the PDF and the DOCX lay out, the
    # time they were read): the page of an issued summary shows these, never today's.
    snapshot = models.JSONField(
        _("figures as issued"), default=dict, blank=True, editable=False
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("year-end summary")
        verbose_name_plural = _("year-end summaries")
        ordering = ["-period__campaign__year", "-period__position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=SummaryState.values),
                name="yearendsummary_state_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(state=SummaryState.ISSUED)
                | models.Q(issued_on__isnull=False),
                name="yearendsummary_issued_has_date",
            ),
        ]

    def __str__(self):
        return _("Summary report: %(period)s") % {"period": self.period}

    def get_absolute_url(self):
        return reverse("yearend:summary", args=[self.period_id])

    @property
    def is_editable(self):
        return self.state == SummaryState.DRAFT

    @property
    def is_frozen(self):
        """Whether the figures as issued are kept (every summary issued since)."""
        return self.state == SummaryState.ISSUED and bool(self.snapshot)

    @property
    def full_number(self):
        """ "01/BC-UBND": numbers below 10 with a leading zero (Decree 30/2020)."""
        return document_number(self.number, "BC-UBND")


class SummaryDocument(StoredDocument):
    """The summary as issued, in one format: its bytes never change."""

    summary = models.ForeignKey(
        YearEndSummary,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("summary"),
    )
    format = models.CharField(
        _("format"), max_length=10, choices=DocumentFormat.choices
    )

    class Meta:
        verbose_name = _("issued summary document")
        verbose_name_plural = _("issued summary documents")
        constraints = [
            models.UniqueConstraint(
                fields=["summary", "format"], name="summarydocument_unique_format"
            ),
        ]

    def __str__(self):
        return f"{self.summary} ({self.format})"
