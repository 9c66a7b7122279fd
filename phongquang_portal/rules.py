"""Permissions of the project's own pages (home, health check, the admin link)."""

import rules

from units.rules import (
    is_council_member,
    is_leader,
    is_office_staff,
    is_sysadmin,
    is_unit_head,
)

rules.add_perm("portal.view_home", rules.always_allow)
rules.add_perm("portal.view_health", rules.always_allow)
rules.add_perm("portal.use_admin", is_office_staff | is_leader | is_sysadmin)
# The home page's panels, one per kind of work.
rules.add_perm("portal.view_office_dashboard", is_office_staff)
rules.add_perm("portal.view_council_home", is_council_member)
rules.add_perm("portal.view_leader_home", is_leader)
rules.add_perm("portal.view_sysadmin_home", is_sysadmin)
# The chairman (or a vice-chairman) with no other work in the portal lands in
# the admin, where the approvals wait.
rules.add_perm(
    "portal.land_in_admin",
    is_leader & ~(is_office_staff | is_unit_head | is_council_member),
)
