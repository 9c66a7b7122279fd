"""Django's admin strings that its Vietnamese catalogue lacks (Django 5.2).

Listed here so that ``makemessages`` keeps them in the project's catalogue
(``locale/``), which Django reads before its own: the admin then speaks
Vietnamese throughout. Nothing calls these at run time.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ADMIN_STRINGS = (
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Reset password"),
    gettext_noop("Skip to main content"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop(" By %(filter_title)s "),
)
ADMIN_PLURALS = (
    ngettext_lazy(
        "Please correct the error below.", "Please correct the errors below.", 1
    ),
)
