"""Walk every named URL with every role, GET and POST (pretix's permission matrix).

The rows live in ``tests/matrix/<app>.py``. Every cell is an explicit
expected answer; the URL resolver lists the URLs, so a new URL without a
row fails here. The walk itself is ``test_permission_matrix_rows.py``: one
test per row on the shared demo world, so the rows spread over the workers.
"""

import importlib

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

from phongquang_portal.core.admin_mixins import PortalModelAdmin
from phongquang_portal.core.mixins import PermissionRequiredMixin

MATRIX_MODULES = [
    "tests.matrix.portal",
    "tests.matrix.units",
    "tests.matrix.campaigns",
    "tests.matrix.scoring",
    "tests.matrix.awards",
    "tests.matrix.exemplars",
    "tests.matrix.yearend",
]
# Namespaces whose views are the portal's own: each must name a permission.
PORTAL_NAMESPACES = ("campaigns", "units", "scoring", "awards", "exemplars", "yearend")
PORTAL_ROOT_NAMES = ("home", "healthz")


def all_rows():
    rows = {}
    for module_name in MATRIX_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # an app's rows not written yet
            if exc.name != module_name:
                raise
            continue
        overlap = set(rows) & set(module.ROWS)
        assert not overlap, f"rows given twice: {sorted(overlap)}"
        rows.update(module.ROWS)
    return rows


def named_urls(resolver=None, namespace=""):
    """(full name, pattern) of every named URL the resolver knows."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def test_every_named_url_has_a_row():
    names = {name for name, _pattern in named_urls()}
    rows = all_rows()
    missing = sorted(names - set(rows))
    stale = sorted(set(rows) - names)
    assert missing == [], f"URLs without a row in tests/matrix/: {missing}"
    assert stale == [], f"rows for URLs that no longer exist: {stale}"


def test_every_portal_view_names_a_permission():
    """No page of the apps is reachable without a rules permission."""
    unguarded = []
    for name, pattern in named_urls():
        namespace = name.split(":")[0] if ":" in name else ""
        if namespace not in PORTAL_NAMESPACES and name not in PORTAL_ROOT_NAMES:
            continue
        callback = pattern.callback
        view_class = getattr(callback, "view_class", None)
        if view_class is not None:
            if not issubclass(view_class, PermissionRequiredMixin):
                unguarded.append(name)
        elif not hasattr(callback, "portal_permission"):
            unguarded.append(name)
    assert unguarded == []


def test_every_admin_asks_the_rules():
    """Each model admin of the portal is a PortalModelAdmin (or asks the rules itself)."""
    from phongquang_portal.core.admin import ActivityLogAdmin, CounterAdmin
    from units.admin import PortalUserAdmin

    own = (PortalModelAdmin, PortalUserAdmin, ActivityLogAdmin, CounterAdmin)
    others = [
        f"{model._meta.label}: {type(model_admin).__name__}"
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, own)
    ]
    assert others == []
