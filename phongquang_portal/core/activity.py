"""Write and read the activity log, and move objects between states."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import ActivityLog


def log_action(obj, action, *, actor, from_state="", to_state="", reason="", data=None):
    """Record one action on ``obj`` in the activity log and return the entry."""
    return ActivityLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
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


def history_for(obj):
    """Return the log entries for ``obj``, newest first, with their actors."""
    return ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
    ).select_related("actor")
