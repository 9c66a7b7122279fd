from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.formats import get_format, number_format

from phongquang_portal.core.activity import history_for
from phongquang_portal.core.documents import date_line, official_date
from phongquang_portal.core.menus import menu_for
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.numbers import format_vn_number
from phongquang_portal.core.permissions import has_perm as _has_perm

register = template.Library()


@register.inclusion_tag("core/_history.html")
def object_history(obj):
    """Show an object's activity log: who, when, from what, to what, why."""
    return {"entries": list(history_for(obj)[:100])}


_MENUS = {}


@register.simple_tag(takes_context=True)
def portal_menu(context):
    """The main menu: the entries the apps registered that this user may see.

    The HTML depends only on which entries are shown, the language and where
    the URLs point, so it is rendered once per such combination (a handful:
    one per role mix) and kept in this process.
    """
    items = menu_for(context.get("user"))
    key = (
        translation.get_language(),
        get_script_prefix(),
        get_urlconf(),
        tuple(_menu_key(item) for item in items),
    )
    html = _MENUS.get(key)
    if html is None:
        if len(_MENUS) > 512:
            _MENUS.clear()
        html = render_to_string("core/_menu.html", {"items": items})
        _MENUS[key] = html
    return html


def _menu_key(item):
    if item.is_group:
        return (item.group.name, tuple(entry.url_name for entry in item.entries))
    return item.url_name


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


@register.filter
def num(value, decimals=None):
    """A number with thousands separators in the page's language: "3.127", "87,5".

    ``{{ value|num }}`` drops trailing zeros; ``{{ value|num:1 }}`` keeps one decimal.
    """
    if value in (None, ""):
        return ""
    try:
        places = None if decimals in (None, "") else int(decimals)
        return format_vn_number(
            value,
            places,
            thousands=get_format("THOUSAND_SEPARATOR"),
            decimal_mark=get_format("DECIMAL_SEPARATOR"),
        )
    except (TypeError, ValueError, ArithmeticError):
        return value


@register.filter
def vn_number(value, decimals=None):
    """A number as Vietnamese documents print it, whatever the page's language."""
    if value in (None, ""):
        return ""
    try:
        places = None if decimals in (None, "") else int(decimals)
        return format_vn_number(value, places)
    except (TypeError, ValueError, ArithmeticError):
        return value


@register.filter
def points(value):
    """Points and scores with two decimals, as the locale writes them: 59,05.

    Empty stays empty; anything that is not a number is shown as it is.
    """
    if value in (None, ""):
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value
    if not number.is_finite():
        return value
    return number_format(
        number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), decimal_pos=2
    )


@register.filter
def vn_date_line(day):
    """A date as documents write it: "ngày 05 tháng 3 năm 2026" (Decree 30/2020)."""
    return date_line(day)


@register.filter
def vn_date(day):
    """A date as documents cite it: "05/3/2026", "20/01/2026" (Decree 30/2020)."""
    return official_date(day) if day else ""
