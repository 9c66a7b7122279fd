"""The project's own pages, Django's log-in pages and the admin's own pages."""

from .harness import Row


def _demo_user(world):
    """thon1's account: the one account every staff role may open in the admin."""
    return world.user("own_head")


# Roles, in order: anonymous, own head, other head, office, council, chairman, sysadmin.
ROWS = {
    # The home page: the chairman with no other work lands in the admin.
    "home": Row(get="200 200 200 200 200 R 200", post="405 405 405 405 405 405 405"),
    "healthz": Row(
        get="200 200 200 200 200 200 200", post="405 405 405 405 405 405 405"
    ),
    # Django's log-in pages (the form answers 200 with its errors on an empty POST).
    "login": Row(get="200 200 200 200 200 200 200", post="200 200 200 200 200 200 200"),
    "logout": Row(get="405 405 405 405 405 405 405", post="R R R R R R R"),
    "password_change": Row(
        get="L 200 200 200 200 200 200", post="L 200 200 200 200 200 200"
    ),
    "password_change_done": Row(
        get="L 200 200 200 200 200 200", post="L 405 405 405 405 405 405"
    ),
    "password_reset": Row(
        get="200 200 200 200 200 200 200", post="200 200 200 200 200 200 200"
    ),
    "password_reset_done": Row(
        get="200 200 200 200 200 200 200", post="405 405 405 405 405 405 405"
    ),
    "password_reset_confirm": Row(
        args=lambda w: ["MQ", "not-a-token"],
        get="200 200 200 200 200 200 200",
        post="200 200 200 200 200 200 200",
    ),
    "password_reset_complete": Row(
        get="200 200 200 200 200 200 200", post="405 405 405 405 405 405 405"
    ),
    # Django's language switch sends the visitor back (to the home page here).
    "set_language": Row(get="R R R R R R R", post="R R R R R R R"),
    # The admin: only staff (office, chairman, sysadmin) pass its door.
    "admin:index": Row(get="L L L 200 L 200 200", post="L L L 200 L 200 200"),
    "admin:login": Row(get="200 200 200 R 200 R R", post="200 200 200 200 200 200 200"),
    "admin:logout": Row(get="R R R 405 R 405 405", post="R R R R R R R"),
    "admin:password_change": Row(get="L L L 200 L 200 200", post="L L L 200 L 200 200"),
    "admin:password_change_done": Row(
        get="L L L 200 L 200 200", post="L L L 405 L 405 405"
    ),
    "admin:autocomplete": Row(get="L L L 403 L 403 403", post="L L L 405 L 405 405"),
    "admin:jsi18n": Row(get="L L L 200 L 200 200", post="L L L 405 L 405 405"),
    "admin:view_on_site": Row(
        args=lambda w: [_content_type_id("units", "unit"), w.hamlet.pk],
        get="L L L R L R R",
        post="L L L R L R R",
    ),
    # The units section of the admin: the office and the system administrator.
    "admin:app_list": Row(
        args=lambda w: ["units"],
        get="L L L 200 L 404 200",
        post="L L L 200 L 404 200",
    ),
    # The activity log: read by the office, the chairman and the sysadmin; never changed.
    "admin:core_activitylog_changelist": Row(
        get="L L L 200 L 200 200", post="L L L 200 L 200 200"
    ),
    "admin:core_activitylog_add": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403"
    ),
    "admin:core_activitylog_change": Row(
        args=lambda w: [_first_log(w)],
        get="L L L 200 L 200 200",
        post="L L L 403 L 403 403",
    ),
    "admin:core_activitylog_delete": Row(
        args=lambda w: [_first_log(w)],
        get="L L L 403 L 403 403",
        post="L L L 403 L 403 403",
    ),
    "admin:core_activitylog_history": Row(
        args=lambda w: [_first_log(w)],
        get="L L L 200 L 200 200",
        post="L L L 200 L 200 200",
    ),
    # Number sequences: read by the office and the sysadmin; only services move them.
    "admin:core_counter_changelist": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 200"
    ),
    "admin:core_counter_add": Row(
        get="L L L 403 L 403 403", post="L L L 403 L 403 403"
    ),
    "admin:core_counter_change": Row(
        args=lambda w: [_first_counter(w)],
        get="L L L 200 L 403 200",
        post="L L L 403 L 403 403",
    ),
    "admin:core_counter_delete": Row(
        args=lambda w: [_first_counter(w)],
        get="L L L 403 L 403 403",
        post="L L L 403 L 403 403",
    ),
    "admin:core_counter_history": Row(
        args=lambda w: [_first_counter(w)],
        get="L L L 200 L 403 200",
        post="L L L 200 L 403 200",
    ),
    # Accounts: the office keeps unit heads' accounts, the sysadmin every account;
    # nobody deletes one (it is deactivated).
    "admin:auth_user_changelist": Row(
        get="L L L 200 L 403 200", post="L L L 200 L 403 200"
    ),
    "admin:auth_user_add": Row(get="L L L 200 L 403 200", post="L L L 200 L 403 200"),
    "admin:auth_user_change": Row(
        args=lambda w: [_demo_user(w).pk],
        get="L L L 200 L 403 200",
        post="L L L 200 L 403 200",
    ),
    "admin:auth_user_delete": Row(
        args=lambda w: [_demo_user(w).pk],
        get="L L L 403 L 403 403",
        post="L L L 403 L 403 403",
    ),
    "admin:auth_user_history": Row(
        args=lambda w: [_demo_user(w).pk],
        get="L L L 200 L 403 200",
        post="L L L 200 L 403 200",
    ),
    "admin:auth_user_password_change": Row(
        args=lambda w: [_demo_user(w).pk],
        get="L L L 200 L 403 200",
        post="L L L 200 L 403 200",
    ),
}


def _content_type_id(app_label, model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get(app_label=app_label, model=model).pk


def _first_log(world):
    from phongquang_portal.core.models import ActivityLog

    return ActivityLog.objects.order_by("pk").values_list("pk", flat=True).first()


def _first_counter(world):
    from phongquang_portal.core.models import Counter

    counter = Counter.objects.order_by("pk").first()
    if counter is None:
        counter = Counter.objects.create(key="matrix", value=0)
    return counter.pk
