"""Reads about units and who may act for them."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .enums import Role, UnitKind
from .models import Household, Membership, Person, Unit


@dataclass(frozen=True)
class UserRoles:
    """The roles of one user, loaded once per request."""

    roles: frozenset = field(default_factory=frozenset)
    headed_unit_ids: frozenset = field(default_factory=frozenset)
    is_superuser: bool = False

    @property
    def is_office(self):
        return Role.OFFICE in self.roles

    @property
    def is_council(self):
        return Role.COUNCIL in self.roles

    @property
    def is_chairman(self):
        return Role.CHAIRMAN in self.roles

    @property
    def is_vice_chairman(self):
        return Role.VICE_CHAIRMAN in self.roles

    @property
    def is_leader(self):
        """The chairman or a vice-chairman: who approves awards and signs."""
        return self.is_chairman or self.is_vice_chairman

    @property
    def is_sysadmin(self):
        """A superuser is a system administrator, and nothing more (separation of duties)."""
        return self.is_superuser or Role.SYSADMIN in self.roles

    @property
    def is_unit_head(self):
        return bool(self.headed_unit_ids)

    @property
    def reads_everything(self):
        """Office, council, chairman and vice-chairmen see every unit's work."""
        return self.is_office or self.is_council or self.is_leader

    def heads(self, unit_id):
        return unit_id in self.headed_unit_ids


ANONYMOUS_ROLES = UserRoles()


def roles_for(user):
    """Return the user's roles; one query the first time, cached on the user object."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS_ROLES
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        rows = list(Membership.objects.filter(user=user).values_list("role", "unit_id"))
        cached = UserRoles(
            roles=frozenset(role for role, _unit in rows),
            headed_unit_ids=frozenset(
                unit for role, unit in rows if role == Role.UNIT_HEAD and unit
            ),
            is_superuser=user.is_superuser,
        )
        user._portal_roles = cached
    return cached


def units_headed_by(user):
    """Return the queryset of units ``user`` heads."""
    if user is None or not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(
        memberships__user=user, memberships__role=Role.UNIT_HEAD
    ).distinct()


def units_visible_to(user):
    """Units whose pages ``user`` may open: all for office/council/chairman."""
    roles = roles_for(user)
    if roles.reads_everything:
        return Unit.objects.all()
    return Unit.objects.filter(pk__in=roles.headed_unit_ids)


def unit_list(*, kind=None, search=""):
    """Units with their parent and counts of households and people, for lists."""
    qs = (
        Unit.objects.select_related("parent")
        .annotate(
            household_count=Count("households", distinct=True),
            people_count=Count("people", distinct=True),
        )
        .order_by("kind", "position", "name")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(short_name__icontains=search))
    return qs


def participant_counts():
    """Count participants by kind, for the campaign page."""
    per_kind = dict(
        Unit.objects.filter(is_active=True)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return {
        "units": [(label, per_kind.get(value, 0)) for value, label in UnitKind.choices],
        "people": Person.objects.count(),
        "households": Household.objects.count(),
    }


def heads_of_units(unit_ids):
    """Return {unit_id: [user, ...]} for the heads of the given units."""
    result = {}
    for membership in Membership.objects.filter(
        role=Role.UNIT_HEAD, unit_id__in=unit_ids
    ).select_related("user"):
        result.setdefault(membership.unit_id, []).append(membership.user)
    return result
