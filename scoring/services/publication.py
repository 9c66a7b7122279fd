"""The ranking on the public honor board: published with its number of ranks, withdrawn
with a reason."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.permissions import real_user, require_perm
from phongquang_portal.core.versions import campaign_pages_changed

from ..enums import SheetState
from ..models import MAX_TOP_N, RankingPublication, ScoreSheet


def _top_n(value):
    try:
        top_n = int(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValidationError(
            _("The number of ranks shown must be a whole number."), code="top_n_invalid"
        ) from exc
    if not 1 <= top_n <= MAX_TOP_N:
        raise ValidationError(
            _("The number of ranks shown must be between 1 and 50."),
            code="top_n_out_of_range",
        )
    return top_n


@transaction.atomic
def ranking_publish(*, campaign, actor, top_n=3):
    """Publish the ranking's top ranks on the public honor board."""
    top_n = _top_n(top_n)
    publication, _created = (
        RankingPublication.objects.select_for_update().get_or_create(
            campaign=campaign, defaults={"top_n": top_n}
        )
    )
    if publication.is_published:
        raise ValidationError(
            _("The ranking is already published; withdraw it first to change it."),
            code="already_published",
        )
    require_perm(actor, "scoring.publish_ranking", campaign)
    sheets = ScoreSheet.objects.filter(campaign=campaign)
    if not sheets.filter(state=SheetState.LOCKED).exists():
        raise ValidationError(
            _("Lock the reviewed sheets before publishing the ranking."),
            code="nothing_locked",
        )
    if sheets.filter(state=SheetState.REVIEWED).exists():
        raise ValidationError(
            _("Some reviewed sheets are not locked yet; lock them before publishing."),
            code="reviewed_unlocked",
        )
    changes = field_changes(publication, {"top_n": top_n})
    publication.top_n = top_n
    publication.published_at = timezone.now()
    publication.published_by = real_user(actor)
    publication.save()
    log_action(
        campaign,
        "scoring.ranking.published",
        actor=actor,
        data={"top_n": top_n, **({"changes": changes} if changes else {})},
    )
    campaign_pages_changed(campaign.pk)
    return publication


@transaction.atomic
def ranking_unpublish(*, campaign, actor, reason):
    """Take the ranking off the honor board, saying why."""
    reason = required_reason(reason, _("Say why the ranking is withdrawn."))
    publication = (
        RankingPublication.objects.select_for_update().filter(campaign=campaign).first()
    )
    if publication is None or not publication.is_published:
        raise ValidationError(_("The ranking is not published."), code="not_published")
    require_perm(actor, "scoring.withdraw_ranking", campaign)
    publication.published_at = None
    publication.save(update_fields=["published_at"])
    log_action(campaign, "scoring.ranking.withdrawn", actor=actor, reason=reason)
    campaign_pages_changed(campaign.pk)
    return publication
