"""The units pages and the units section of the admin."""

from .harness import Row

# Roles, in order: anonymous, own head, other head, office, council, chairman, sysadmin.
OFFICE_RECORDS_GET = "L L L 200 L 403 200"
OFFICE_RECORDS_POST = "L L L 200 L 403 200"
NO_ONE = "L L L 403 L 403 403"

ROWS = {
    # Participating units: for the readers (office, council, chairman) and the sysadmin.
    "units:list": Row(
        get="L 404 404 200 200 200 200", post="L 404 404 405 405 405 405"
    ),
    # A unit head's own units.
    "units:mine": Row(
        get="L 200 200 404 404 404 404", post="L 405 405 404 404 404 404"
    ),
    # thon1's hamlet: its head and the readers; another hamlet's head gets 404.
    "units:detail": Row(
        args=lambda w: [w.hamlet.pk],
        get="L 200 404 200 200 200 200",
        post="L 405 404 405 405 405 405",
    ),
}

for model, obj in (
    ("unit", lambda w: w.hamlet.pk),
    ("person", lambda w: w.person.pk),
    ("household", lambda w: w.household.pk),
):
    ROWS[f"admin:units_{model}_changelist"] = Row(
        get=OFFICE_RECORDS_GET, post=OFFICE_RECORDS_POST
    )
    ROWS[f"admin:units_{model}_add"] = Row(
        get=OFFICE_RECORDS_GET, post=OFFICE_RECORDS_POST
    )
    ROWS[f"admin:units_{model}_change"] = Row(
        args=lambda w, obj=obj: [obj(w)],
        get=OFFICE_RECORDS_GET,
        post=OFFICE_RECORDS_POST,
    )
    ROWS[f"admin:units_{model}_history"] = Row(
        args=lambda w, obj=obj: [obj(w)],
        get=OFFICE_RECORDS_GET,
        post=OFFICE_RECORDS_POST,
    )
# Units are deleted by the sysadmin only; people and households by the office too.
ROWS["admin:units_unit_delete"] = Row(
    args=lambda w: [w.hamlet.pk], get="L L L 403 L 403 200", post="L L L 403 L 403 200"
)
ROWS["admin:units_person_delete"] = Row(
    args=lambda w: [w.person.pk], get=OFFICE_RECORDS_GET, post=OFFICE_RECORDS_POST
)
ROWS["admin:units_household_delete"] = Row(
    args=lambda w: [w.household.pk],
    get=OFFICE_RECORDS_GET,
    post=OFFICE_RECORDS_POST,
)
# Roles: granted (add) with a reason by the office (unit heads) or the sysadmin;
# never edited in place (the change page is read-only, a POST refused); revoked
# through the delete page, which asks for the reason.
ROWS["admin:units_membership_changelist"] = Row(
    get=OFFICE_RECORDS_GET, post=OFFICE_RECORDS_POST
)
ROWS["admin:units_membership_add"] = Row(
    get=OFFICE_RECORDS_GET, post=OFFICE_RECORDS_POST
)
ROWS["admin:units_membership_change"] = Row(
    args=lambda w: [w.membership.pk], get=OFFICE_RECORDS_GET, post=NO_ONE
)
ROWS["admin:units_membership_delete"] = Row(
    args=lambda w: [w.membership.pk],
    get=OFFICE_RECORDS_GET,
    post=OFFICE_RECORDS_POST,
)
ROWS["admin:units_membership_history"] = Row(
    args=lambda w: [w.membership.pk],
    get=OFFICE_RECORDS_GET,
    post=OFFICE_RECORDS_POST,
)
