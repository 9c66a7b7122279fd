import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from phongquang_portal.core.documents import date_line

register = template.Library()


@register.filter
def vn_date_line(day):
    """Write a date as official documents do: "ngày 05 tháng 3 năm 2026" (Decree 30/2020)."""
    return date_line(day)


# A document's number ("152/2025/NĐ-CP") or a period ("2021 - 2025") never broken
# across two lines.
NUMBER_TOKEN = re.compile(r"(\S+/\S+|\d{4} - \d{4})")


@register.filter
def keep_numbers(text):
    """Escape ``text`` and bind its document numbers and year ranges (no line break)."""
    escaped = str(escape(text))
    return mark_safe(  # noqa: S308 - the text is escaped above
        NUMBER_TOKEN.sub(
            lambda m: '<span class="nb">' + m.group(0) + "</span>", escaped
        )
    )
