"""What each activity-log action code means, as a sentence officials read.

Every app registers the sentences of its own action codes (in its
``actions.py``, imported by its AppConfig.ready)::

    register_actions({
        "campaigns.report.submitted": _("The unit head submitted the report"),
    })

A code written to the log without a sentence is a bug that a test finds.
"""

from django.utils.translation import gettext_lazy as _

_LABELS = {}


def register_actions(labels):
    """Add ``{action code: lazy sentence}``; a code may be registered once."""
    for code, label in labels.items():
        if code in _LABELS and _LABELS[code] != label:
            raise ValueError(f"Action {code!r} is registered twice.")
        _LABELS[code] = label


def action_label(code):
    """The sentence for ``code``, or the code itself when none is registered."""
    return _LABELS.get(code, code)


def registered_actions():
    return dict(_LABELS)


register_actions(
    {
        "admin.added": _("Added in the administration"),
        "admin.changed": _("Changed in the administration"),
        "admin.deleted": _("Deleted in the administration"),
    }
)
