"""The campaigns app's models, by subject; import them from here.

- ``plan``: the campaign, its goals a–h and goal h's priority fields;
- ``reports``: reporting periods, indicators, unit reports with their sections,
  values and attachments, and the office's report extensions;
- ``legal``: the legal documents campaigns cite, their citations, a copy's
  review list;
- ``extensions``: the one shape of a deadline extension (reports', dossiers');
- ``common``: validator lists and the date helpers the models share (a citation's
  date as Decree 30/2020 writes it comes from ``phongquang_portal.core.documents``).

Deadlines themselves (a unit's due day, extensions included) are answered by
``campaigns.deadlines``.
"""

from .common import (
    NUMBER_BOUNDS,
    POSITION,
    TEXT,
    official_date,
    plan_number_digits,
)
from .extensions import DeadlineExtension
from .legal import CampaignCitation, CopyReviewItem, LegalDocument
from .plan import Campaign, Goal, PriorityField
from .reports import (
    NARRATIVE_MAX_CHARS,
    Indicator,
    IndicatorValue,
    Report,
    ReportAttachment,
    ReportExtension,
    ReportingPeriod,
    ReportSection,
)

__all__ = [
    "NARRATIVE_MAX_CHARS",
    "NUMBER_BOUNDS",
    "POSITION",
    "TEXT",
    "Campaign",
    "CampaignCitation",
    "CopyReviewItem",
    "DeadlineExtension",
    "Goal",
    "Indicator",
    "IndicatorValue",
    "LegalDocument",
    "PriorityField",
    "Report",
    "ReportAttachment",
    "ReportExtension",
    "ReportSection",
    "ReportingPeriod",
    "official_date",
    "plan_number_digits",
]
