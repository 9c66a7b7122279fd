from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    ACTIVE = "active", _("Under way")
    CLOSED = "closed", _("Closed")


# A campaign is prepared, opened, closed; a closed campaign may be reopened,
# which needs a reason (campaigns.services.campaign_set_status).
CAMPAIGN_TRANSITIONS = {
    CampaignStatus.DRAFT: {CampaignStatus.ACTIVE},
    CampaignStatus.ACTIVE: {CampaignStatus.CLOSED},
    CampaignStatus.CLOSED: {CampaignStatus.ACTIVE},
}
# The moves that need a reason, as (from, to).
CAMPAIGN_REASON_REQUIRED = frozenset({(CampaignStatus.CLOSED, CampaignStatus.ACTIVE)})


class GoalCode(models.TextChoices):
    """The plan's eight goal sections (II.2), in the Vietnamese alphabet's order."""

    A = "a", "a"
    B = "b", "b"
    C = "c", "c"
    D = "d", "d"
    DD = "đ", "đ"
    E = "e", "e"
    G = "g", "g"
    H = "h", "h"


# The order is the plan's, not Unicode's ("đ" sorts after "h" in Unicode).
GOAL_POSITIONS = {code.value: index for index, code in enumerate(GoalCode, start=1)}


class ReportState(models.TextChoices):
    """Where one unit's report for one period stands."""

    DRAFT = "draft", pgettext_lazy("report state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report state", "Submitted")
    RETURNED = "returned", pgettext_lazy("report state", "Returned")
    ACCEPTED = "accepted", pgettext_lazy("report state", "Accepted")


# The unit may change the report's content only in these states.
REPORT_EDITABLE_STATES = frozenset({ReportState.DRAFT, ReportState.RETURNED})
# Reports whose numbers count (accepted first, submitted as a fallback).
REPORT_COUNTED_STATES = frozenset({ReportState.SUBMITTED, ReportState.ACCEPTED})

REPORT_TRANSITIONS = {
    ReportState.DRAFT: {ReportState.SUBMITTED},
    ReportState.SUBMITTED: {ReportState.RETURNED, ReportState.ACCEPTED},
    ReportState.RETURNED: {ReportState.SUBMITTED},
    ReportState.ACCEPTED: set(),
}

# The unit takes back a submission the office has not opened yet: to the draft
# it was, or to "returned" when it answered a return (so it keeps that right).
REPORT_WITHDRAW_TRANSITIONS = {
    ReportState.SUBMITTED: {ReportState.DRAFT, ReportState.RETURNED},
}

# Reopening lets the unit edit and submit after the due date; a report that was
# already handed in goes back to "returned" so the unit can change it.
REPORT_REOPEN_TRANSITIONS = {
    ReportState.DRAFT: {ReportState.DRAFT},
    ReportState.RETURNED: {ReportState.RETURNED},
    ReportState.SUBMITTED: {ReportState.RETURNED},
    ReportState.ACCEPTED: {ReportState.RETURNED},
}


class BoardState(models.TextChoices):
    """What the office board shows for one unit in one period."""

    NOT_STARTED = "not_started", pgettext_lazy("board state", "Not submitted")
    DRAFT = "draft", pgettext_lazy("board state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("board state", "Submitted")
    RETURNED = "returned", pgettext_lazy("board state", "Returned")
    ACCEPTED = "accepted", pgettext_lazy("board state", "Accepted")
    OVERDUE = "overdue", pgettext_lazy("board state", "Overdue")


class IndicatorValueType(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    PERCENTAGE = "percentage", _("Percentage (0–100)")


class Aggregation(models.TextChoices):
    """How the office adds up one indicator across units."""

    SUM = "sum", _("Total across units")
    AVERAGE = "average", _("Average across units")


class LegalDocumentKind(models.TextChoices):
    """The kinds of legal documents a campaign and its decisions cite ("Căn cứ …")."""

    LAW = "law", _("Law (Luật)")
    DECREE = "decree", _("Decree (Nghị định)")
    DECISION = "decision", _("Decision (Quyết định)")
    RESOLUTION = "resolution", _("Resolution (Nghị quyết)")
    PLAN = "plan", _("Plan (Kế hoạch)")
    CIRCULAR = "circular", _("Circular (Thông tư)")
    DIRECTIVE = "directive", _("Directive (Chỉ thị)")
    GUIDANCE = "guidance", _("Guidance (Hướng dẫn)")
    OTHER = "other", pgettext_lazy("legal document kind", "Other document")


# How each kind is named in a printed citation: documents are Vietnamese
# whatever the reader's language, so these are data, not translations.
LEGAL_KIND_WORDS = {
    LegalDocumentKind.LAW: "Luật",
    LegalDocumentKind.DECREE: "Nghị định",
    LegalDocumentKind.DECISION: "Quyết định",
    LegalDocumentKind.RESOLUTION: "Nghị quyết",
    LegalDocumentKind.PLAN: "Kế hoạch",
    LegalDocumentKind.CIRCULAR: "Thông tư",
    LegalDocumentKind.DIRECTIVE: "Chỉ thị",
    LegalDocumentKind.GUIDANCE: "Hướng dẫn",
    LegalDocumentKind.OTHER: "",
}
