"""Old path of the awards' documents as files: a decision's in
``awards.decisions.exports``, the units' drafts in ``awards.nominations.documents``,
the header lines of every document in ``phongquang_portal.core.documents``."""

from phongquang_portal.core.documents import (
    BREAK_BEFORE,
    HEADER_LINE_CHARS,
    header_lines,
)

from .decisions.documents import (
    DEFAULT_CITATION,
    AwardeeRow,
    citation_for,
    keep_last_words,
)
from .decisions.exports import (
    awardee_rows,
    certificates_blank_pdf,
    certificates_pdf,
    decision_context,
    decision_pdf,
    decision_workbook,
)
from .nominations.documents import (
    blank_date_line,
    cited_models_of,
    issuer_block,
    report_data,
    report_docx,
    report_pdf,
    to_trinh_data,
    to_trinh_docx,
    to_trinh_pdf,
)

__all__ = [
    "AwardeeRow",
    "BREAK_BEFORE",
    "DEFAULT_CITATION",
    "HEADER_LINE_CHARS",
    "awardee_rows",
    "blank_date_line",
    "certificates_blank_pdf",
    "certificates_pdf",
    "citation_for",
    "cited_models_of",
    "decision_context",
    "decision_pdf",
    "decision_workbook",
    "header_lines",
    "issuer_block",
    "keep_last_words",
    "report_data",
    "report_docx",
    "report_pdf",
    "to_trinh_data",
    "to_trinh_docx",
    "to_trinh_pdf",
]
