"""Small builders shared by the report tests."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from campaigns.services import report_save, report_start, report_submit
from tests.factories import UnitFactory, unit_head

# The smallest real PDF header is enough for a content check.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b" " * 200
EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 400
)


def pdf_file(name="bien-ban.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def fill(
    report, actor, value=Decimal(5), text="Đã tổ chức các hoạt động theo kế hoạch."
):
    """Fill every narrative and every indicator the unit reports."""
    campaign = report.period.campaign
    indicators = [
        i for i in campaign.indicators.all() if i.applies_to(report.unit.kind)
    ]
    report_save(
        report=report,
        actor=actor,
        narratives={goal.pk: f"{text} ({goal.code})" for goal in campaign.goals.all()},
        values={i.pk: value for i in indicators},
    )
    return report


def submitted_units(period, count, *, submit=True, prefix="Thôn Số"):
    """Create ``count`` hamlets, each with a filled (and submitted) report."""
    reports = []
    for index in range(count):
        unit = UnitFactory(name=f"{prefix} {index}")
        head = unit_head(unit)
        report = fill(report_start(unit=unit, period=period, actor=head), head)
        if submit:
            report_submit(report=report, actor=head)
        reports.append(report)
    return reports


def form_data(report, *, narrative="Đã làm.", value="3", action="save", **overrides):
    """POST data filling the whole report form, with overrides by field name."""
    campaign = report.period.campaign
    data = {"action": action}
    for goal in campaign.goals.all():
        data[f"narrative_{goal.pk}"] = f"{narrative} ({goal.code})"
    for indicator in campaign.indicators.all():
        if indicator.applies_to(report.unit.kind):
            data[f"value_{indicator.pk}"] = value
    data.update(overrides)
    return data
