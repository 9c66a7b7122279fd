"""Write and read the activity log, and move objects between states."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ActivityLog
from .permissions import real_user


def log_action(obj, action, *, actor, from_state="", to_state="", reason="", data=None):
    """Record one action on ``obj`` in the activity log and return the entry.

    ``actor`` is the user who acted, or ``permissions.SYSTEM`` for a
    management command (stored as no user: "the system").
    """
    return ActivityLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        action=action,
        actor=real_user(actor),
        from_state=from_state or "",
        to_state=to_state or "",
        reason=reason or "",
        data=data or {},
    )


def required_reason(reason, message):
    """Return ``reason`` stripped, or raise ValidationError(message) when it is blank."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(message, code="reason_required")
    return reason


def ensure_transition(obj, target, transitions, *, state_field="state"):
    """Raise ValidationError unless ``transitions`` allows the move to ``target``."""
    current = getattr(obj, state_field)
    if target not in transitions.get(current, ()):
        labels = dict(type(target).choices) if hasattr(type(target), "choices") else {}
        raise ValidationError(
            _("Cannot move from “%(current)s” to “%(target)s”.")
            % {
                "current": labels.get(current, current),
                "target": labels.get(target, target),
            },
            code="invalid_transition",
        )


def transition(
    obj,
    target,
    *,
    actor,
    action,
    transitions,
    reason="",
    extra_fields=(),
    data=None,
    state_field="state",
):
    """Check, apply, save and log one state change; the only place state is assigned.

    Callers run inside ``transaction.atomic`` and lock ``obj`` first when two
    people may act on it at once.
    """
    ensure_transition(obj, target, transitions, state_field=state_field)
    previous = getattr(obj, state_field)
    setattr(obj, state_field, target)
    fields = [state_field, *extra_fields]
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        fields.append("updated_at")
    obj.save(update_fields=fields)
    return log_action(
        obj,
        action,
        actor=actor,
        from_state=previous,
        to_state=target,
        reason=reason,
        data=data,
    )


def field_changes(instance, new_values):
    """{field: {"label", "old", "new"}} for the fields whose value ``new_values`` changes.

    Values are stored as text, so the log reads the same whatever the type.
    """
    changes = {}
    for name, new in new_values.items():
        old = getattr(instance, name)
        if old != new:
            field = instance._meta.get_field(name)
            changes[name] = {
                "label": str(field.verbose_name),
                "old": as_log_text(old),
                "new": as_log_text(new),
            }
    return changes


def as_log_text(value):
    """A value as the log keeps it: dates as dd/mm/yyyy, times in Vietnam time."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def history_for(obj):
    """Return the log entries for ``obj``, newest first, with their actors."""
    return ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
    ).select_related("actor")
