from django import template

register = template.Library()


@register.filter
def vn_date_line(day):
    """Write a date as official documents do: "ngày 05 tháng 01 năm 2026" (Decree 30/2020).

    Days below 10 and months below 3 take a leading zero.
    """
    if not day:
        return "ngày      tháng      năm"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
