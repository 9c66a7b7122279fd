"""One permission vocabulary: the rules registry, asked the same way everywhere.

Every page, every action, every admin screen and every service asks
``has_perm(user, "app.verb_noun", obj)``. The answer comes from the
django-rules predicates the apps register (``rules.add_perm``) and from
nothing else: Django's "an active superuser has every permission" shortcut
is not consulted, so a superuser is a system administrator and not, unless
granted the role, the chairman or a council member (separation of duties).

``SYSTEM`` is the actor of management commands (``load_plan``,
``seed_demo``'s bootstrap): trusted code run by whoever holds the server,
recorded in the activity log as "the system".
"""

import rules
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class _SystemActor:
    """The actor of management commands; stands for no person."""

    is_authenticated = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None
    id = None
    username = "system"

    def __repr__(self):
        return "SYSTEM"

    def __str__(self):
        return _("system")


SYSTEM = _SystemActor()


def has_perm(user, perm, obj=None):
    """Whether ``user`` may do ``perm`` (on ``obj``): the rules predicates decide.

    An inactive account may do nothing; an anonymous visitor only what a
    rule allows anonymous visitors (the public pages).
    """
    if user is SYSTEM:
        return True
    if user is None:
        return False
    if getattr(user, "is_authenticated", False) and not user.is_active:
        return False
    if obj is not None:
        return rules.has_perm(perm, user, obj)
    # Without an object the answer depends on the user's roles only, which
    # are read once per user object (units.selectors.roles_for): a page asks
    # the menu's questions once, not once per link. Granting or revoking a
    # role forgets both (units.services).
    known = getattr(user, "_portal_perms", None)
    if known is None:
        known = {}
        user._portal_perms = known
    if perm not in known:
        known[perm] = rules.has_perm(perm, user, None)
    return known[perm]


def require_perm(actor, perm, obj=None):
    """Raise ValidationError (code ``permission_denied``) unless ``actor`` may ``perm``."""
    if not has_perm(actor, perm, obj):
        raise ValidationError(
            _("You are not allowed to do this."), code="permission_denied"
        )


def real_user(actor):
    """The user to store as "who did it": None for the system or nobody."""
    if actor is None or actor is SYSTEM or not actor.is_authenticated:
        return None
    return actor


def state_allows(transitions, target, *, field="state"):
    """A predicate: the object's state may move to ``target`` under ``transitions``.

    The state part of "may do X now" comes from the workflow's transition
    map, so a button, a page and a service agree on when an action is open.
    """

    def check(user, obj):
        if obj is None:
            return False
        return target in transitions.get(getattr(obj, field), ())

    name = f"state_allows:{getattr(target, 'value', target)}"
    return rules.predicate(check, name=name)
