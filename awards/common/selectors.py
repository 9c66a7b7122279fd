"""Reads that several of the awards' subjects share."""

from phongquang_portal.core.permissions import has_perm
from units.models import Unit
from units.selectors import roles_for


def proposing_units_for(user):
    """The active units ``user`` may propose nominations for, in the register's order."""
    units = Unit.objects.filter(is_active=True).order_by("kind", "position", "name")
    if has_perm(user, "awards.propose_for_any_unit"):
        return units
    return units.filter(pk__in=roles_for(user).headed_unit_ids)
