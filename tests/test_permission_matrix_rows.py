"""The permission matrix's walk: each row asked by every role, GET and POST.

One test per row (``tests/matrix/<app>.py``) on the demo world laid down once
for this module, so the rows spread over the workers. Each request runs in a
transaction that is rolled back, so no cell changes what the next one sees,
and no GET may write to the activity log (GET reads, POST writes).
``MATRIX_PRINT=1 pytest -s`` prints every row's answers.
"""

import copy
import os

import pytest
from django.db import transaction

from phongquang_portal.core.models import ActivityLog

from .matrix.harness import ROLES, World, answer_of, row_url, signed_in_clients
from .test_permission_matrix import all_rows

ROWS = all_rows()


@pytest.fixture(scope="module")
def clients(demo_world, django_db_blocker):
    """One client per role, signed in once for the module."""
    with django_db_blocker.unblock():
        return signed_in_clients(ROLES)


def _ask(client, method, url):
    """One cell: the request runs in a transaction rolled back afterwards.

    The client's cookies are put back too, so a cell that logs out (or in)
    leaves the role's session as it was. A GET must change nothing: every
    change of state writes the activity log, so a GET that wrote to it is
    answered "W" (a wrong answer in every row).
    """
    cookies = client.cookies
    client.cookies = copy.deepcopy(cookies)
    with transaction.atomic():
        logged = ActivityLog.objects.count()
        response = client.get(url) if method == "GET" else client.post(url, {})
        wrote = method == "GET" and ActivityLog.objects.count() != logged
        transaction.set_rollback(True)
    client.cookies = cookies
    return "W" if wrote else answer_of(response)


@pytest.mark.parametrize("name", sorted(ROWS))
def test_matrix_row(name, demo, clients):
    # The objects a row's URL is built from are found (or made) in this test's
    # transaction, rolled back after it: a world per test.
    world = World()
    row = ROWS[name]
    path, query = row_url(name, row, world)
    url = path + query
    problems = []
    for method in ("GET", "POST"):
        expected = row.expected(method)
        answers = {role: _ask(clients[role], method, url) for role in ROLES}
        problems += [
            f"{name} {method} as {role}: {answers[role]}, expected {expected[role]}"
            for role in ROLES
            if answers[role] != expected[role]
        ]
        if os.environ.get("MATRIX_PRINT"):
            print(f"{name:50} {method:4} {' '.join(answers[r] for r in ROLES)}")
    assert problems == [], "\n".join(problems)
