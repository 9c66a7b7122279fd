"""A final step confirmed on the server: the first POST shows what will happen and
asks; only the second (``confirmed=1``) acts. Works without JavaScript and on a
phone, and a double tap or a prefetch never casts, submits or issues anything.
"""

from dataclasses import dataclass, field

from django.shortcuts import render

CONFIRM_FIELD = "confirmed"


def is_confirmed(request):
    """The POST comes from the confirmation step."""
    return request.POST.get(CONFIRM_FIELD) == "1"


@dataclass
class ConfirmStep:
    """What the confirmation page says and sends back.

    ``fields``: (name, value) pairs posted again with the confirmation;
    ``reason_label``: ask for a reason (a required text) when set.
    """

    title: str
    lines: list
    action: str
    back: str
    button: str
    fields: list = field(default_factory=list)
    reason_label: str = ""
    reason: str = ""
    error: str = ""
    details: list = field(default_factory=list)


def confirm_step(request, step, *, status=200):
    """Render the confirmation page for ``step`` (a ConfirmStep); it changes nothing."""
    return render(
        request,
        "core/confirm_step.html",
        {"step": step, "confirm_field": CONFIRM_FIELD},
        status=status,
    )
