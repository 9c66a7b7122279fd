"""What the public pages read."""

from ..enums import NominationState as S
from ..nominations.selectors import nomination_queryset


def honor_board(campaign):
    """Decided awards of a campaign, for the public page."""
    return list(
        nomination_queryset()
        .filter(campaign=campaign, state=S.DECIDED)
        .select_related("decision")
        .order_by("award_kind__position", "decision__signed_on", "decision_position")
    )
