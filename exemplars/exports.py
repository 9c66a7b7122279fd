"""The register of exemplary models as an Excel workbook (sổ theo dõi điển hình)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from phongquang_portal.core.excel import WRAP, set_print_layout, write_cell, write_row
from phongquang_portal.core.numbers import format_vn_number

from .selectors import register

COLUMNS = (
    (gettext_lazy("No."), 6),
    (gettext_lazy("Name of the model"), 34),
    (gettext_lazy("Unit"), 26),
    (gettext_lazy("Goals (a–h)"), 12),
    (gettext_lazy("Priority fields of h"), 20),
    (gettext_lazy("People involved"), 26),
    (gettext_lazy("What it does"), 48),
    (gettext_lazy("Indicators: before → after"), 36),
    (gettext_lazy("Status"), 14),
    (gettext_lazy("Recognised on"), 13),
    (gettext_lazy("Recognised by (decision or minutes)"), 24),
    (gettext_lazy("Spread to"), 34),
    (gettext_lazy("Photos"), 8),
)


def _indicators_text(model):
    lines = []
    for row in model.indicators.all():
        unit = f" {row.unit_of_measure}" if row.unit_of_measure else ""
        lines.append(
            f"{row.name}: {format_vn_number(row.before) or '—'}{unit} → "
            f"{format_vn_number(row.after) or '—'}{unit}"
        )
    return "\n".join(lines)


def _spreads_text(model):
    return "\n".join(
        f"{spread.unit.name} ({spread.spread_on:%d/%m/%Y})"
        for spread in model.spreads.all()
    )


def register_workbook(campaign):
    """Every model of ``campaign`` with its goals, effect and spreading, one per row."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Exemplary models")[:31]
    title = _("Register of exemplary models — campaign “%(name)s” %(year)s") % {
        "name": campaign.name,
        "year": campaign.year,
    }
    cell = write_cell(ws, 1, 1, title)
    cell.font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    write_cell(
        ws,
        2,
        1,
        _("%(commune)s commune, as of %(date)s")
        % {
            "commune": settings.COMMUNE_NAME,
            "date": timezone.localdate().strftime("%d/%m/%Y"),
        },
    ).font = Font(italic=True)
    header = write_row(ws, 4, [str(name) for name, _width in COLUMNS], bold=True)
    for cell, (_name, width) in zip(header, COLUMNS, strict=True):
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[cell.column_letter].width = width
    row_number = 5
    for position, model in enumerate(register(campaign=campaign), start=1):
        values = [
            position,
            model.name,
            model.unit.name,
            ", ".join(goal.code for goal in model.goals.all()),
            ", ".join(field.name for field in model.priority_fields.all()),
            model.people,
            model.description,
            _indicators_text(model),
            str(model.get_status_display()),
            model.recognised_on.strftime("%d/%m/%Y") if model.recognised_on else "",
            model.recognition_reference,
            _spreads_text(model),
            len(model.photos),
        ]
        for cell in write_row(ws, row_number, values):
            cell.alignment = WRAP
        row_number += 1
    set_print_layout(ws, landscape=True, header_rows=4, frozen_columns=2)
    return wb
