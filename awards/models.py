"""Every model of the awards app, each imported from the package of its subject.

Django and the migrations read the app's models here; code inside the app
imports a model from its own package."""

from .council.models import (
    CouncilMeeting,
    MeetingAttendance,
    OpenBallot,
    SecretBallotReceipt,
    SecretTally,
    WrittenOpinion,
)
from .decisions.models import AwardCertificate, Decision, DecisionDocument
from .extensions.models import DossierExtension
from .kinds.models import (
    DEFAULT_REQUIRED_DOCUMENTS,
    AwardKind,
    BaseSalary,
    default_required_documents,
    prize_rounding,
    round_up,
)
from .nominations.models import Attachment, Nomination, PriorAward

__all__ = [
    "Attachment",
    "AwardCertificate",
    "AwardKind",
    "BaseSalary",
    "CouncilMeeting",
    "DEFAULT_REQUIRED_DOCUMENTS",
    "Decision",
    "DecisionDocument",
    "DossierExtension",
    "MeetingAttendance",
    "Nomination",
    "OpenBallot",
    "PriorAward",
    "SecretBallotReceipt",
    "SecretTally",
    "WrittenOpinion",
    "default_required_documents",
    "prize_rounding",
    "round_up",
]
