"""Who may see or change what: the role predicates every app builds on.

Every page, action and admin screen of every app asks a permission
registered with ``rules.add_perm``, through ``core.permissions.has_perm``.
The predicates here say who a user is (office, council, chairman…); each
app's ``rules.py`` combines them with the state of its objects.
"""

import rules

from .enums import SYSADMIN_GRANTED_ROLES, Role
from .selectors import roles_for


@rules.predicate
def is_office_staff(user):
    return roles_for(user).is_office


@rules.predicate
def is_council_member(user):
    return roles_for(user).is_council


@rules.predicate
def is_council_chair(user):
    """The chair of the Emulation-Reward Council (Chủ tịch Hội đồng TĐKT)."""
    return roles_for(user).is_council_chair


@rules.predicate
def is_chairman(user):
    """The commune chairman (a superuser is not, unless granted the role)."""
    return roles_for(user).is_chairman


@rules.predicate
def is_vice_chairman(user):
    return roles_for(user).is_vice_chairman


@rules.predicate
def is_leader(user):
    """The chairman or a vice-chairman, who approve awards and sign decisions."""
    return roles_for(user).is_leader


@rules.predicate
def is_sysadmin(user):
    return roles_for(user).is_sysadmin


@rules.predicate
def is_unit_head(user):
    return roles_for(user).is_unit_head


@rules.predicate
def is_unit_head_of(user, obj):
    """True when ``user`` heads ``obj`` (a Unit) or the unit ``obj`` belongs to."""
    if obj is None:
        return False
    unit_id = (
        obj.pk if obj._meta.model_name == "unit" else getattr(obj, "unit_id", None)
    )
    return unit_id is not None and roles_for(user).heads(unit_id)


reads_everything = is_office_staff | is_council_member | is_leader
is_authenticated = rules.is_authenticated
everyone = rules.always_allow
nobody = rules.always_deny


# --- Role grants -------------------------------------------------------------


@rules.predicate
def is_unit_head_grant(user, membership):
    return membership is not None and membership.role == Role.UNIT_HEAD


@rules.predicate
def grants_to_self(user, membership):
    return membership is not None and membership.user_id == user.pk


@rules.predicate
def grants_sysadmin_role(user, membership):
    return membership is not None and membership.role in SYSADMIN_GRANTED_ROLES


# Only a system administrator grants or revokes the chairman, vice-chairman,
# council, office and sysadmin roles; the office grants unit heads; nobody
# grants or revokes a role of his own.
may_grant = (
    is_sysadmin | (is_office_staff & is_unit_head_grant & ~grants_sysadmin_role)
) & ~grants_to_self
rules.add_perm("units.grant_role", may_grant)
rules.add_perm("units.revoke_role", may_grant)


# --- Accounts ----------------------------------------------------------------


@rules.predicate
def is_plain_account(user, account):
    """An account with no role beyond unit head, not a superuser: the office's to keep.

    Without an account (the list, the add page) the office may go on; each
    account is then checked.
    """
    if account is None:
        return True
    if account.is_superuser:
        return False
    roles = roles_for(account).roles
    return roles <= {Role.UNIT_HEAD}


@rules.predicate
def is_own_account(user, account):
    return account is not None and account.pk == user.pk


# --- Pages and the admin -----------------------------------------------------

rules.add_perm("units.list_units", reads_everything | is_sysadmin)
rules.add_perm("units.view_own_units", is_unit_head)
rules.add_perm("units.view_unit", reads_everything | is_unit_head_of | is_sysadmin)
rules.add_perm("units.add_unit", is_office_staff | is_sysadmin)
rules.add_perm("units.change_unit", is_office_staff | is_sysadmin)
rules.add_perm("units.delete_unit", is_sysadmin)
for _model in ("person", "household"):
    rules.add_perm(f"units.view_{_model}", reads_everything | is_sysadmin)
    rules.add_perm(f"units.add_{_model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"units.change_{_model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"units.delete_{_model}", is_office_staff | is_sysadmin)
rules.add_perm("units.view_membership", is_office_staff | is_sysadmin)
rules.add_perm("units.add_membership", is_office_staff | is_sysadmin)
# A role is never edited in place: it is revoked and granted again, with reasons.
rules.add_perm("units.change_membership", nobody)
rules.add_perm("units.delete_membership", may_grant)

# Login accounts: the system administrator keeps them; the office creates and
# keeps the accounts of unit heads. Nobody deletes an account (its history
# stays); it is deactivated instead.
rules.add_perm("auth.view_user", is_office_staff | is_sysadmin)
rules.add_perm("auth.add_user", is_office_staff | is_sysadmin)
rules.add_perm(
    "auth.change_user",
    is_sysadmin | (is_office_staff & is_plain_account & ~is_own_account),
)
rules.add_perm("auth.delete_user", nobody)

# The admin index: which app sections a user sees (rules' module permissions).
rules.add_perm("units", is_office_staff | is_sysadmin)
rules.add_perm("auth", is_office_staff | is_sysadmin)
rules.add_perm("core", is_office_staff | is_leader | is_sysadmin)
rules.add_perm("core.view_activitylog", is_office_staff | is_leader | is_sysadmin)
rules.add_perm("core.view_counter", is_office_staff | is_sysadmin)
