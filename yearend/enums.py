from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SummaryState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("summary state", "Draft")
    ISSUED = "issued", pgettext_lazy("summary state", "Issued")


# The office drafts the summary (its own sections stay editable), then issues
# it: the PDF and the Word file are stored as issued and never change.
SUMMARY_TRANSITIONS = {
    SummaryState.DRAFT: {SummaryState.ISSUED},
    SummaryState.ISSUED: set(),
}


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (.docx)")


# The hand-written sections: at most this many characters each.
SECTION_MAX_CHARS = 20000
