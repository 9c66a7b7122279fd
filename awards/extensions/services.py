"""The office extends the dossier deadline for one unit and one award, with a reason,
or withdraws the extension."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.permissions import real_user, require_perm

from .models import DossierExtension

# An extension is for days or weeks past the deadline, not for another round.
MAX_EXTENSION_DAYS = 60


@transaction.atomic
def dossier_extension_grant(*, award_kind, unit, until, reason, actor):
    """Receive ``unit``'s dossiers for ``award_kind`` until the end of ``until``."""
    require_perm(actor, "awards.extend_dossier_deadline", award_kind)
    campaign = award_kind.campaign
    if not award_kind.deadline_bound:
        raise ValidationError(
            _("“%(award)s” has no deadline to extend.") % {"award": award_kind.name},
            code="not_deadline_bound",
        )
    reason = required_reason(reason, _("Please give the reason for the extension."))
    if until <= campaign.dossier_deadline:
        raise ValidationError(
            _("An extension must end after the dossier deadline (%(date)s).")
            % {"date": campaign.dossier_deadline.strftime("%d/%m/%Y")},
            code="extension_not_later",
        )
    if until > campaign.dossier_deadline + datetime.timedelta(days=MAX_EXTENSION_DAYS):
        raise ValidationError(
            _("An extension may reach at most %(days)s days past the deadline.")
            % {"days": MAX_EXTENSION_DAYS},
            code="extension_too_long",
        )
    extension = (
        DossierExtension.objects.select_for_update()
        .filter(award_kind=award_kind, unit=unit)
        .first()
    )
    if extension is None:
        extension = DossierExtension.objects.create(
            award_kind=award_kind,
            unit=unit,
            until=until,
            reason=reason,
            granted_by=real_user(actor),
        )
        log_action(
            extension,
            "awards.extension.granted",
            actor=actor,
            reason=reason,
            data={"until": until.strftime("%d/%m/%Y")},
        )
        return extension
    changes = field_changes(extension, {"until": until, "revoked_at": None})
    extension.until, extension.reason = until, reason
    extension.revoked_at = None
    extension.granted_by = real_user(actor)
    extension.save(
        update_fields=["until", "reason", "revoked_at", "granted_by", "updated_at"]
    )
    log_action(
        extension,
        "awards.extension.changed",
        actor=actor,
        reason=reason,
        data={"changes": changes, "until": until.strftime("%d/%m/%Y")},
    )
    return extension


@transaction.atomic
def dossier_extension_revoke(*, extension, reason, actor):
    """Withdraw an extension: the campaign's deadline applies again to the unit."""
    extension = DossierExtension.objects.select_for_update().get(pk=extension.pk)
    require_perm(actor, "awards.extend_dossier_deadline", extension.award_kind)
    if extension.revoked_at is not None:
        raise ValidationError(
            _("This extension has already been withdrawn."), code="already_revoked"
        )
    reason = required_reason(
        reason, _("Please give the reason for withdrawing the extension.")
    )
    extension.revoked_at = timezone.now()
    extension.save(update_fields=["revoked_at", "updated_at"])
    log_action(extension, "awards.extension.revoked", actor=actor, reason=reason)
    return extension
