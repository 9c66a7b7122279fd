"""Odd digits never answer 500 (issue 17).

Every named URL of the permission matrix is asked with each common id
parameter set to a digit Python calls a digit but ``int()`` refuses ("²") or
reads although no official types it ("٣", "１"), and POSTed with every
number field set so; as a visitor, a unit head and the office. The answer is
a page, a redirect, a 404 or a form error: never a server error.
"""

import copy

import pytest
from django.db import transaction

from .matrix.harness import World, row_url, signed_in_clients
from .test_permission_matrix import all_rows

ROWS = all_rows()
ODD = ("²", "٣", "１")
ROLES = ("anonymous", "own_head", "office")
ID_PARAMS = (
    "unit",
    "campaign",
    "period",
    "indicator",
    "goal",
    "year",
    "page",
    "proposing_unit",
    "kind",
    "state",
    "nomination",
    "meeting",
    "decision",
    "sheet",
    "award_kind",
    "household",
    "person",
    "criterion",
    "member",
    "signer",
    "document",
    "citation",
    "campaign__id__exact",
    "unit__id__exact",
    "period__id__exact",
)
NUMBER_FIELDS = (
    "dx",
    "dy",
    "max_points",
    "max_value",
    "min_total",
    "min_value",
    "multiplier_collective",
    "multiplier_household",
    "multiplier_individual",
    "number",
    "points",
    "position",
    "quota_collective",
    "quota_individual",
    "share",
    "target",
    "top_n",
    "value",
    "votes_abstain",
    "votes_against",
    "votes_for",
)


@pytest.fixture(scope="module")
def clients(demo_world, django_db_blocker):
    with django_db_blocker.unblock():
        return signed_in_clients(ROLES, raise_request_exception=False)


def _posted(odd):
    """Every id and number field the portal's forms read, typed as ``odd``."""
    from campaigns.models import Indicator
    from scoring.models import ScoreEntry

    data = dict.fromkeys(ID_PARAMS + NUMBER_FIELDS, odd)
    data.update(
        {f"value_{pk}": odd for pk in Indicator.objects.values_list("pk", flat=True)}
    )
    data.update(
        {f"points_{pk}": odd for pk in ScoreEntry.objects.values_list("pk", flat=True)}
    )
    data.update({"action": "save", "save": "1", "reason": "Kiểm tra chữ số lạ."})
    return data


def _status(client, method, url, data=None):
    cookies = client.cookies
    client.cookies = copy.deepcopy(cookies)
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, data)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response.status_code


def _odd_query(params, odd, base_query=""):
    query = "&".join(f"{param}={odd}" for param in params)
    return f"?{base_query + '&' if base_query else ''}{query}"


@pytest.mark.parametrize("name", sorted(ROWS))
def test_odd_digits_never_answer_500(name, demo, clients):
    world = World()
    url, query = row_url(name, ROWS[name], world)
    base_query = query.lstrip("?")
    asked = []  # (method, url, role, data)
    for role in ROLES:
        # "²": a digit to Python's isdigit(), refused by int().
        odd_url = url + _odd_query(ID_PARAMS, "²", base_query)
        asked += [("GET", odd_url, role, None), ("POST", odd_url, role, "²")]
    for odd in ("٣", "１"):  # read by int() although nobody types them
        odd_url = url + _odd_query(ID_PARAMS, odd, base_query)
        asked += [("GET", odd_url, "office", None), ("POST", odd_url, "office", odd)]
    office = clients["office"]
    plain = _status(office, "GET", url + (f"?{base_query}" if base_query else ""))
    combined = _status(office, "GET", url + _odd_query(ID_PARAMS, "²", base_query))
    if plain == 200 and combined != 200:
        # One parameter answered first (a 404, a redirect): ask each alone, so
        # that none hides another.
        asked += [
            ("GET", url + _odd_query([param], "²", base_query), "office", None)
            for param in ID_PARAMS
        ]
    errors = []
    for method, odd_url, role, odd in asked:
        data = _posted(odd) if method == "POST" else None
        status = _status(clients[role], method, odd_url, data)
        if status >= 500:
            errors.append(f"{method} {odd_url} as {role}: {status}")
    assert combined < 500
    assert errors == []
