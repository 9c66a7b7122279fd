from django import template

from phongquang_portal.core.activity import history_for
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.permissions import has_perm as _has_perm

register = template.Library()


@register.inclusion_tag("core/_history.html")
def object_history(obj):
    """Show an object's activity log: who, when, from what, to what, why."""
    return {"entries": list(history_for(obj)[:100])}


@register.simple_tag
def has_perm(perm, user, obj=None):
    """``{% has_perm "app.verb_noun" user obj as may %}``: the rules decide, as in views."""
    return _has_perm(user, perm, obj)


@register.filter
def vnd(value):
    """Format an amount of đồng as officials write it: 1.234.000."""
    if value in (None, ""):
        return ""
    return f"{int(round(value)):,}".replace(",", ".")


@register.filter
def display_name(user):
    """A user's name, family name first, or the username."""
    return user_display_name(user)
