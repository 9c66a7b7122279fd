"""The office extends the dossier deadline for one unit and one award, with a reason,
or withdraws the extension (the shared ``extension_grant``/``extension_revoke``)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from campaigns.deadlines import dossier_deadline
from campaigns.services.extensions import (
    CHANGED,
    GRANTED,
    ExtensionPolicy,
    extension_grant,
    extension_revoke,
)
from phongquang_portal.core.activity import log_action

from .models import DossierExtension


def _check_deadline_bound(award_kind, unit):
    if not award_kind.deadline_bound:
        raise ValidationError(
            _("“%(award)s” has no deadline to extend.") % {"award": award_kind.name},
            code="not_deadline_bound",
        )


def _log_dossier_extension(extension, event, **kwargs):
    # The codes are written out, so the log's sentences can be checked for each.
    log_action(
        extension,
        "awards.extension.granted"
        if event == GRANTED
        else "awards.extension.changed"
        if event == CHANGED
        else "awards.extension.revoked",
        **kwargs,
    )


DOSSIER_EXTENSIONS = ExtensionPolicy(
    model=DossierExtension,
    permission="awards.extend_dossier_deadline",
    # An extension is for days or weeks past the deadline, not for another round.
    max_days=60,
    log=_log_dossier_extension,
    deadline=dossier_deadline,
    check=_check_deadline_bound,
)
MAX_EXTENSION_DAYS = DOSSIER_EXTENSIONS.max_days


def dossier_extension_grant(*, award_kind, unit, until, reason, actor):
    """Receive ``unit``'s dossiers for ``award_kind`` until the end of ``until``."""
    return extension_grant(
        DOSSIER_EXTENSIONS,
        subject=award_kind,
        unit=unit,
        until=until,
        reason=reason,
        actor=actor,
    )


def dossier_extension_revoke(*, extension, reason, actor):
    """Withdraw an extension: the campaign's deadline applies again to the unit."""
    return extension_revoke(
        DOSSIER_EXTENSIONS, extension=extension, reason=reason, actor=actor
    )
