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
    def is_council_chair(self):
        """The chair of the Emulation-Reward Council (Chủ tịch Hội đồng TĐKT)."""
        return Role.COUNCIL_CHAIR in self.roles

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


def council_chair():
    """The user who chairs the Emulation-Reward Council, or None."""
    membership = (
        Membership.objects.filter(role=Role.COUNCIL_CHAIR)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def council_members():
    """The active users holding the council role, by name (one query)."""
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(is_active=True, memberships__role=Role.COUNCIL)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class MemberTies:
    """What ties a council member to units and to a personal record (conflicts of interest)."""

    headed_unit_ids: frozenset = field(default_factory=frozenset)
    person_id: int | None = None
    person_unit_id: int | None = None

    def unit_ties(self, unit_id):
        """Why the member is tied to ``unit_id``: "heads", "belongs" or ""."""
        if unit_id is None:
            return ""
        if unit_id in self.headed_unit_ids:
            return "heads"
        if unit_id == self.person_unit_id:
            return "belongs"
        return ""


def member_ties(user):
    """The units ``user`` heads and his personal record's unit (one or two queries)."""
    if user is None or not user.is_authenticated:
        return MemberTies()
    cached = getattr(user, "_portal_ties", None)
    if cached is None:
        person = Person.objects.filter(user=user).values("pk", "unit_id").first() or {}
        cached = MemberTies(
            headed_unit_ids=roles_for(user).headed_unit_ids,
            person_id=person.get("pk"),
            person_unit_id=person.get("unit_id"),
        )
        user._portal_ties = cached
    return cached


def ties_of(users):
    """{user id: MemberTies} for ``users`` (or their ids) in two queries."""
    ids = [getattr(u, "pk", u) for u in users]
    headed = {}
    for user_id, unit_id in Membership.objects.filter(
        user_id__in=ids, role=Role.UNIT_HEAD
    ).values_list("user_id", "unit_id"):
        headed.setdefault(user_id, set()).add(unit_id)
    people = {
        row["user_id"]: row
        for row in Person.objects.filter(user_id__in=ids).values(
            "pk", "unit_id", "user_id"
        )
    }
    return {
        user_id: MemberTies(
            headed_unit_ids=frozenset(headed.get(user_id, ())),
            person_id=people.get(user_id, {}).get("pk"),
            person_unit_id=people.get(user_id, {}).get("unit_id"),
        )
        for user_id in ids
    }


def heads_of_units(unit_ids):
    """Return {unit_id: [user, ...]} for the heads of the given units."""
    result = {}
    for membership in Membership.objects.filter(
        role=Role.UNIT_HEAD, unit_id__in=unit_ids
    ).select_related("user"):
        result.setdefault(membership.unit_id, []).append(membership.user)
    return result
