"""What other apps offer on the ranking page; scoring knows none of them.

An app that acts on the ranking registers, in its AppConfig.ready, a template
and the permission (asked on the campaign) that shows it::

    register_ranking_action(
        "awards/_ranking_action.html", perm="awards.nominate_from_ranking"
    )

The template is included in the office's section of the ranking page with
the page's context (``campaign``, ``kind``, ``kind_label``, ``kinds``).
"""

from dataclasses import dataclass

from phongquang_portal.core.permissions import has_perm


@dataclass(frozen=True)
class RankingAction:
    template: str
    perm: str
    position: int


_ACTIONS = {}


def register_ranking_action(template, *, perm, position=100):
    """Offer ``template`` on the ranking page to whoever may ``perm`` the campaign."""
    _ACTIONS[template] = RankingAction(template, perm, position)


def ranking_actions(user, campaign):
    """The actions ``user`` may take on ``campaign``'s ranking, in order."""
    return [
        action
        for action in sorted(_ACTIONS.values(), key=lambda a: (a.position, a.template))
        if has_perm(user, action.perm, campaign)
    ]
