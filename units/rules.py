"""Who may see or change what. Views and the admin both ask these predicates."""

import rules

from .selectors import roles_for


@rules.predicate
def is_office_staff(user):
    return roles_for(user).is_office


@rules.predicate
def is_council_member(user):
    return roles_for(user).is_council


@rules.predicate
def is_chairman(user):
    return roles_for(user).is_chairman or user.is_superuser


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


reads_everything = is_office_staff | is_council_member | is_chairman

rules.add_perm("units.view_unit", reads_everything | is_unit_head_of | is_sysadmin)
rules.add_perm("units.add_unit", is_office_staff | is_sysadmin)
rules.add_perm("units.change_unit", is_office_staff | is_sysadmin)
rules.add_perm("units.delete_unit", is_sysadmin)
for model in ("person", "household"):
    rules.add_perm(f"units.view_{model}", reads_everything | is_sysadmin)
    rules.add_perm(f"units.add_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"units.change_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"units.delete_{model}", is_office_staff | is_sysadmin)
rules.add_perm("units.view_membership", is_office_staff | is_sysadmin)
rules.add_perm("units.add_membership", is_sysadmin | is_office_staff)
rules.add_perm("units.change_membership", is_sysadmin | is_office_staff)
rules.add_perm("units.delete_membership", is_sysadmin | is_office_staff)

# Login accounts: the office and the system administrator manage them.
rules.add_perm("auth.view_user", is_office_staff | is_sysadmin)
rules.add_perm("auth.add_user", is_sysadmin)
rules.add_perm("auth.change_user", is_sysadmin)
rules.add_perm("auth.delete_user", is_sysadmin)
rules.add_perm("auth.view_group", is_sysadmin)
