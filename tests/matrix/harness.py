"""The pieces of the permission matrix: roles, rows, the seeded world."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth import get_user_model

# Who asks, in the order of every row's seven answers.
ROLES = (
    "anonymous",
    "own_head",
    "other_head",
    "office",
    "council",
    "chairman",
    "sysadmin",
)
# The demo logins playing each role (None: not signed in).
USERNAMES = {
    "anonymous": None,
    "own_head": "thon1",
    "other_head": "thon2",
    "office": "vanhoa",
    "council": "hoidong1",
    "chairman": "chutich",
    "sysadmin": "quantri",
}


@dataclass(frozen=True)
class Row:
    """How to reach one named URL, and what each role should get."""

    get: str
    post: str
    args: Callable = field(default=lambda world: [])
    query: Callable = field(default=lambda world: "")

    def expected(self, method):
        answers = (self.get if method == "GET" else self.post).split()
        if len(answers) != len(ROLES):
            raise ValueError(f"{len(answers)} answers for {len(ROLES)} roles")
        return dict(zip(ROLES, answers, strict=True))


def signed_in_clients(roles, **client_options):
    """{role: a test client signed in as the role's demo login} (database needed)."""
    from django.test import Client

    world = World()
    clients = {}
    for role in roles:
        client = Client(**client_options)
        user = world.user(role)
        if user is not None:
            client.force_login(user)
        clients[role] = client
    return clients


def row_url(name, row, world):
    """The row's path (its arguments found in ``world``) and its query string."""
    from django.urls import reverse

    args = row.args(world)
    kwargs = args if isinstance(args, dict) else {}
    path = reverse(name, args=None if kwargs else args, kwargs=kwargs or None)
    return path, row.query(world)


def answer_of(response):
    """The matrix's word for a response: its status, or L / R for a redirect."""
    if response.status_code in (301, 302):
        location = response.headers.get("Location", "")
        if "/login/" in location:
            return "L"
        return "R"
    return str(response.status_code)


class World:
    """The seeded demo commune's objects that URLs are built from.

    ``hamlet`` is the own head's (thon1's) hamlet: "own" objects belong to it.
    Apps read further objects through the attributes below.
    """

    def user(self, role):
        username = USERNAMES[role]
        if username is None:
            return None
        return get_user_model().objects.get(username=username)

    @cached_property
    def hamlet(self):
        from units.enums import Role, UnitKind
        from units.models import Membership

        return Membership.objects.get(
            user__username="thon1", role=Role.UNIT_HEAD, unit__kind=UnitKind.HAMLET
        ).unit

    @cached_property
    def campaign(self):
        """The 2026 campaign (under way), copied from the 2025 plan."""
        from campaigns.models import Campaign

        return Campaign.objects.get(year=2026)

    @cached_property
    def campaign_2025(self):
        from campaigns.models import Campaign

        return Campaign.objects.get(year=2025)

    @cached_property
    def membership(self):
        """thon1's unit-head role over the hamlet."""
        from units.enums import Role
        from units.models import Membership

        return Membership.objects.get(
            user__username="thon1", role=Role.UNIT_HEAD, unit=self.hamlet
        )

    @cached_property
    def person(self):
        return self.hamlet.people.order_by("pk").first()

    @cached_property
    def household(self):
        return self.hamlet.households.order_by("pk").first()
