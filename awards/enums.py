from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AwardKindCode(models.TextChoices):
    GIAY_KHEN_XA = "giay_khen_xa", _("Commune chairman's certificate of merit")
    BANG_KHEN_TINH = "bang_khen_tinh", _("Provincial chairman's certificate")
    DOT_XUAT = "dot_xuat", _("Ad-hoc award")


class Category(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")


class NomineeType(models.TextChoices):
    """What the nominee is; a household counts as an individual (plan II.1.b)."""

    UNIT = "unit", _("Collective (unit)")
    PERSON = "person", _("Individual (person)")
    HOUSEHOLD = "household", _("Household")


class AttachmentKind(models.TextChoices):
    """The documents of a dossier (Law 06/2022 Art. 84, Decree 152/2025)."""

    TO_TRINH = "to_trinh", _("Proposal letter (tờ trình)")
    BAO_CAO = "bao_cao", _("Achievement report (báo cáo thành tích)")
    BIEN_BAN = "bien_ban", _("Minutes of the review meeting (biên bản)")
    KHAC = "khac", pgettext_lazy("attachment kind", "Other")


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for supplement")
    CHECKED = "checked", _("Checked by the office")
    VOTED = "voted", _("Voted by the council")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")
    DECIDED = "decided", _("Awarded by decision")


S = NominationState

# The only moves a nomination may make; every service checks against this map.
NOMINATION_TRANSITIONS = {
    S.DRAFT: {S.SUBMITTED},
    S.SUBMITTED: {S.RETURNED, S.CHECKED},
    S.RETURNED: {S.SUBMITTED},
    S.CHECKED: {S.VOTED, S.RETURNED},
    S.VOTED: {S.APPROVED, S.REJECTED},
    S.APPROVED: {S.DECIDED},
    S.REJECTED: set(),
    S.DECIDED: set(),
}

# The unit may still edit its dossier and its attachments.
EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})
# Approved or decided: these use up the quota.
QUOTA_STATES = frozenset({S.APPROVED, S.DECIDED})
# The nomination is still in the running (for the "appears twice" warning).
ACTIVE_STATES = frozenset(
    {S.DRAFT, S.SUBMITTED, S.RETURNED, S.CHECKED, S.VOTED, S.APPROVED, S.DECIDED}
)

# The states in which a dossier has left the unit's hands: once one exists for
# an award kind, the kind's rules (quotas, prize, deadline, documents) and the
# campaign's dossier deadline for it are fixed.
SUBMITTED_STATES = frozenset(set(NominationState) - {S.DRAFT})

# Bounds of the numbers the office and the council type (model validators,
# database constraints and form fields all use these).
QUOTA_MAX = 99
MULTIPLIER_MAX = 20  # × the base salary; Decree 152/2025 stays far below
COUNCIL_MAX_MEMBERS = 99
POSITION_MAX = 999
PRIOR_AWARD_YEAR_MIN = 1945
PRIOR_AWARD_YEAR_MAX = 2100
DECISION_NUMBER_MAX = 99999

# The base salary (mức lương cơ sở, đồng a month) the office may record.
BASE_SALARY_MIN = 100_000
BASE_SALARY_MAX = 100_000_000

# The fields of an award kind that only ``award_rules_change`` changes.
AWARD_RULE_FIELDS = (
    "deadline_bound",
    "quota_collective",
    "quota_individual",
    "required_documents",
    "multiplier_individual",
    "multiplier_collective",
    "multiplier_household",
)
# The attendance of a council meeting that only ``council_attendance_change`` changes.
ATTENDANCE_FIELDS = ("members_total", "members_present")


class DecisionDocumentKind(models.TextChoices):
    """The files an issued decision keeps: rendered once, served as stored."""

    DECISION_PDF = "decision_pdf", _("Decision (PDF)")
    CERTIFICATES_PDF = "certificates_pdf", _("Certificates (PDF)")
    CERTIFICATES_BLANK_PDF = (
        "certificates_blank_pdf",
        _("Certificates on pre-printed blanks (PDF)"),
    )
    DECISION_XLSX = "decision_xlsx", _("List of awardees (Excel)")
    DECISION_SIGNED_PDF = "decision_signed_pdf", _("Decision, digitally signed (PDF)")


# What a household is called where documents list categories (it counts as an
# individual for the quota, plan II.1.b).
HOUSEHOLD_LABEL = pgettext_lazy("nominee category", "Household")
# --- The council's meetings and ballots (issue 10) -----------------------------


class MeetingState(models.TextChoices):
    """A council meeting: attendance is taken, ballots are cast, then it is closed."""

    PREPARING = "preparing", _("Taking attendance")
    OPEN = "open", _("Voting open")
    CLOSED = "closed", _("Closed")


MEETING_TRANSITIONS = {
    MeetingState.PREPARING: {MeetingState.OPEN},
    MeetingState.OPEN: {MeetingState.CLOSED},
    MeetingState.CLOSED: set(),
}


class BallotMode(models.TextChoices):
    """How the meeting votes: secret ballots (the usual) or an open vote."""

    SECRET = "secret", _("Secret ballot")
    OPEN = "open", _("Open vote")


class BallotChoice(models.TextChoices):
    FOR = "for", pgettext_lazy("ballot", "For")
    AGAINST = "against", pgettext_lazy("ballot", "Against")
    ABSTAIN = "abstain", pgettext_lazy("ballot", "Abstain")


# An absent member's written opinion, at most this long.
OPINION_MAX_CHARS = 2000
