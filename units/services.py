"""Writes about units, people and roles."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import log_action, required_reason
from phongquang_portal.core.permissions import require_perm

from .enums import STAFF_ROLES, Role
from .models import Membership

ROLE_GROUP_NAMES = {
    Role.OFFICE: "Phòng Văn hóa - Xã hội",
    Role.UNIT_HEAD: "Trưởng đơn vị, trưởng thôn",
    Role.COUNCIL: "Hội đồng Thi đua - Khen thưởng",
    Role.COUNCIL_CHAIR: "Chủ tịch Hội đồng Thi đua - Khen thưởng",
    Role.CHAIRMAN: "Chủ tịch UBND xã",
    Role.VICE_CHAIRMAN: "Phó Chủ tịch UBND xã",
    Role.SYSADMIN: "Quản trị hệ thống",
}


def sync_role_groups(**kwargs):
    """Make sure one auth group exists per role (run after every migrate)."""
    for name in ROLE_GROUP_NAMES.values():
        Group.objects.get_or_create(name=name)


def _sync_user_flags(user):
    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    groups = Group.objects.filter(name__in=[ROLE_GROUP_NAMES[Role(r)] for r in roles])
    user.groups.remove(*Group.objects.filter(name__in=ROLE_GROUP_NAMES.values()))
    user.groups.add(*groups)
    staff = user.is_superuser or bool(roles & {r.value for r in STAFF_ROLES})
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("_portal_roles", None)
    user.__dict__.pop("_portal_perms", None)


@transaction.atomic
def membership_grant(*, user, role, actor, reason, unit=None, title=""):
    """Give ``user`` a role (scoped to ``unit`` for unit heads), saying why.

    Only a system administrator grants the chairman, vice-chairman, council,
    office and sysadmin roles; the office grants unit heads; nobody grants a
    role to himself. Granting a role the user already has changes nothing.
    The council has one chair; the chair is a council member too (granted
    the council role with the same reason when he does not hold it yet).
    """
    role = Role(role)
    if role == Role.UNIT_HEAD and unit is None:
        raise ValidationError(
            _("A unit head must be linked to the unit they head."), code="unit_required"
        )
    if role != Role.UNIT_HEAD:
        unit = None
    probe = Membership(user=user, role=role, unit=unit)
    require_perm(actor, "units.grant_role", probe)
    reason = required_reason(
        reason, _("Please give the reason for granting this role.")
    )
    if role == Role.COUNCIL_CHAIR:
        Membership.objects.select_for_update().filter(role=Role.COUNCIL_CHAIR).first()
        other = (
            Membership.objects.filter(role=Role.COUNCIL_CHAIR)
            .exclude(user=user)
            .select_related("user")
            .first()
        )
        if other is not None:
            raise ValidationError(
                _("The council already has a chair (%(name)s): revoke that role first.")
                % {"name": other.user.get_full_name() or other.user.username},
                code="council_chair_taken",
            )
        membership_grant(
            user=user, role=Role.COUNCIL, actor=actor, reason=reason, title=title
        )
    membership, created = Membership.objects.get_or_create(
        user=user, role=role, unit=unit, defaults={"title": title}
    )
    if created:
        _sync_user_flags(user)
        log_action(
            membership,
            "units.membership.granted",
            actor=actor,
            reason=reason,
            data={
                "user": user.username,
                "role": role.value,
                "unit": unit.name if unit else "",
                "title": title,
            },
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership, actor, reason):
    """Take a role away from a user, saying why; the same people may as grant it."""
    require_perm(actor, "units.revoke_role", membership)
    reason = required_reason(
        reason, _("Please give the reason for revoking this role.")
    )
    user = membership.user
    log_action(
        membership,
        "units.membership.revoked",
        actor=actor,
        reason=reason,
        data={
            "user": user.username,
            "role": membership.role,
            "unit": membership.unit.name if membership.unit_id else "",
        },
    )
    membership.delete()
    _sync_user_flags(user)
