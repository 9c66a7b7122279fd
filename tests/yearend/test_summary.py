"""The year-end summary (issue 11, plan V.1.e): figures from the data, the office's
own sections, the Decree 30 layout in PDF and DOCX with charts and their tables."""

import datetime
import io
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document
from PIL import Image

from awards import services as award_services
from campaigns.models import IndicatorValue, ReportingPeriod
from campaigns.services import (
    report_accept,
    report_extension_grant,
    report_start,
    report_submit,
)
from exemplars.services import (
    exemplar_create,
    exemplar_recognise,
    exemplar_spread_record,
)
from phongquang_portal.core.models import ActivityLog
from tests.awards.factories import NominationFactory, kind_for, record_plan, voted
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory, unit_head
from tests.pdfcheck import find_line, pdf_lines
from tests.reports.helpers import fill
from yearend.charts import summary_charts
from yearend.data import summary_data
from yearend.documents import summary_docx, summary_pdf
from yearend.enums import SummaryState
from yearend.models import YearEndSummary
from yearend.services import summary_issue, summary_save, summary_start

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# Two hamlets' reports wait for the office and one hamlet never reported.
REASON = "Huyện yêu cầu gửi báo cáo trước 31/12; hai báo cáo đang được xem xét."
pytestmark = pytest.mark.django_db


def at(*args):
    return time_machine.travel(datetime.datetime(*args, tzinfo=VN), tick=False)


@pytest.fixture
def year(plan, office_user, chairman):
    """The 2025 final round: four hamlets (on time, late, extended, silent), a
    recognised and spread model, and a decision awarding a collective, a person
    and a household."""
    period = ReportingPeriod.objects.get(campaign=plan, name="Tổng kết năm 2025")
    hamlets = [UnitFactory(name=f"Thôn {name}") for name in ("Một", "Hai", "Ba", "Bốn")]
    heads = [unit_head(unit) for unit in hamlets]
    people = plan.indicators.get(code="a_luot_nguoi_tham_du")
    with at(2025, 12, 1, 9):
        on_time = fill(
            report_start(unit=hamlets[0], period=period, actor=heads[0]), heads[0]
        )
        report_submit(report=on_time, actor=heads[0])
        report_accept(report=on_time, actor=office_user, notify=False)
        IndicatorValue.objects.filter(report=on_time, indicator=people).update(
            value=3127
        )
        late = fill(
            report_start(unit=hamlets[1], period=period, actor=heads[1]), heads[1]
        )
        report_extension_grant(
            period=period,
            unit=hamlets[2],
            until=datetime.date(2025, 12, 15),
            reason="Mất điện.",
            actor=office_user,
            notify=False,
        )
        extended = fill(
            report_start(unit=hamlets[2], period=period, actor=heads[2]), heads[2]
        )
    with at(2025, 12, 12, 9):
        from campaigns.services import report_reopen

        report_reopen(report=late, actor=office_user, reason="Cho nộp muộn.")
        report_submit(report=late, actor=heads[1])
        report_submit(report=extended, actor=heads[2])
    h = plan.goals.get(code="h")
    model = exemplar_create(
        campaign=plan,
        unit=hamlets[0],
        actor=office_user,
        name="Chè lên sàn thương mại điện tử",
        description="Bán chè qua sàn.",
        goals=[plan.goals.get(code="đ"), h],
        priority_fields=list(h.priority_fields.filter(name="Nông nghiệp")),
    )
    exemplar_recognise(
        model=model, actor=office_user, recognised_on=datetime.date(2025, 10, 1)
    )
    exemplar_spread_record(
        model=model,
        actor=office_user,
        unit=hamlets[1],
        spread_on=datetime.date(2025, 11, 1),
    )
    giay_khen = kind_for(record_plan(plan))
    for kwargs in (
        {"nominee_unit": hamlets[0]},
        {"nominee_unit": None, "nominee_person": PersonFactory(unit=hamlets[0])},
        {
            "nominee_unit": None,
            "nominee_household": HouseholdFactory(hamlet=hamlets[0]),
        },
    ):
        nomination = voted(
            NominationFactory(award_kind=giay_khen, proposing_unit=hamlets[0], **kwargs)
        )
        award_services.nomination_approve(nomination=nomination, actor=chairman)
    award_services.decision_issue(
        campaign=plan,
        award_kind=giay_khen,
        number="215",
        signed_on=datetime.date(2025, 12, 26),
        actor=office_user,
    )
    return period


def test_summary_figures_come_from_the_data(year):
    with at(2025, 12, 28, 9):
        data = summary_data(year, charts=False)

    hamlet_row = next(row for row in data.participation if row.label == "Thôn")
    assert (
        hamlet_row.expected,
        hamlet_row.on_time,
        hamlet_row.late,
        hamlet_row.not_started,
        hamlet_row.extended,
    ) == (4, 2, 1, 1, 1)
    people = next(
        s
        for s in data.aggregate.summaries
        if s.indicator.code == "a_luot_nguoi_tham_du"
    )
    assert people.result == Decimal(3127) + 2 * 5
    agriculture = next(f for f in data.fields if f.field.name == "Nông nghiệp")
    assert (agriculture.models, agriculture.spread) == (1, 1)
    assert [i.indicator.code for i in agriculture.indicators] == [
        "h_mo_hinh_nong_nghiep_so"
    ]
    assert (data.models["recognised"], data.models["spreadings"]) == (1, 1)
    giay_khen = next(row for row in data.awards if row.kind.code == "giay_khen_xa")
    assert (giay_khen.collectives, giay_khen.individuals, giay_khen.households) == (
        1,
        1,
        1,
    )


def test_pdf_in_decree_30_layout_with_charts_and_tables(year, office_user):
    summary = summary_start(period=year, actor=office_user)
    summary_save(
        summary=summary,
        actor=office_user,
        assessment="Phong trào lan tỏa.",
        next_steps="Nhân rộng mô hình.",
        proposals="Hỗ trợ kinh phí.",
    )
    with at(2025, 12, 28, 9):
        data = summary_data(year)
        pdf = summary_pdf(summary, data)
    lines = pdf_lines(pdf)

    # Decree 30: the issuing body's own name, both lines, is in bold
    assert find_line(lines, "ỦY BAN NHÂN DÂN").bold
    assert find_line(lines, "XÃ PHONG QUANG").bold
    assert find_line(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold
    place = find_line(lines, "Phong Quang, ngày 28 tháng 12 năm 2025")
    assert place.italic
    assert find_line(lines, "DỰ THẢO").bold
    title = find_line(lines, "BÁO CÁO")
    assert title.bold and title.is_centred(within=(85, 552), tolerance=30)
    assert find_line(lines, "I. KẾT QUẢ THỰC HIỆN").bold
    assert find_line(lines, "Số lượt người tham dự các buổi tuyên truyền")
    assert any("3.137" in line.text for line in lines)
    assert find_line(lines, "Biểu đồ 1.").italic
    assert find_line(lines, "II. ĐÁNH GIÁ CHUNG")
    assert find_line(lines, "Phong trào lan tỏa.")
    signer = find_line(lines, "TM. ỦY BAN NHÂN DÂN")
    recipients = find_line(lines, "Nơi nhận:")
    assert signer.page == recipients.page
    assert signer.x0 > recipients.x1
    assert pdf.count(b"/Subtype /Image") >= 3


def test_docx_has_the_same_content_with_charts(year, office_user):
    summary = summary_start(period=year, actor=office_user)
    with at(2025, 12, 28, 9):
        content = summary_docx(summary, summary_data(year))
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]

    assert "BÁO CÁO" in texts
    assert "DỰ THẢO" in texts
    assert "I. KẾT QUẢ THỰC HIỆN" in texts
    assert "Biểu đồ 2. Kết quả so với chỉ tiêu của xã" in texts
    assert len(document.inline_shapes) == 3
    header = document.tables[0].rows[0].cells
    assert "ỦY BAN NHÂN DÂN" in header[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    tables = [
        t for t in document.tables if t.rows[0].cells[0].text == "Hình thức khen thưởng"
    ]
    assert [c.text for c in tables[0].rows[1].cells] == [
        "Giấy khen của Chủ tịch UBND xã",
        "1",
        "1",
        "1",
        "3",
    ]


def test_charts_are_png_images(year):
    with at(2025, 12, 28, 9):
        charts = summary_charts(summary_data(year, charts=False))
    assert set(charts) == {"participation", "progress", "awards"}
    for png in charts.values():
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG"
        assert image.width == 1520


def test_office_sections_are_editable_until_issued(year, office_user):
    summary = summary_start(period=year, actor=office_user)
    summary_save(
        summary=summary,
        actor=office_user,
        assessment="Đánh giá.",
        next_steps="",
        proposals="",
    )
    with pytest.raises(ValidationError) as refused:
        summary_issue(summary=summary, actor=office_user)
    assert refused.value.code == "sections_missing"

    summary_save(
        summary=summary,
        actor=office_user,
        assessment="Đánh giá.",
        next_steps="Phương hướng.",
        proposals="Kiến nghị.",
    )
    with at(2025, 12, 29, 9):
        summary_issue(
            summary=summary,
            actor=office_user,
            issued_on=datetime.date(2025, 12, 29),
            reason=REASON,
        )
    summary.refresh_from_db()
    assert summary.state == SummaryState.ISSUED
    assert summary.number == "1"
    assert summary.documents.count() == 2
    with pytest.raises(ValidationError) as refused:
        summary_save(
            summary=summary,
            actor=office_user,
            assessment="Sửa sau khi ban hành.",
            next_steps="",
            proposals="",
        )
    assert refused.value.code == "issued"
    assert list(
        ActivityLog.objects.filter(object_id=summary.pk, action__startswith="yearend.")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [
        "yearend.summary.created",
        "yearend.summary.saved",
        "yearend.summary.saved",
        "yearend.summary.issued",
    ]


def test_issued_documents_are_served_as_issued(client, year, office_user):
    summary = summary_start(period=year, actor=office_user)
    summary_save(
        summary=summary,
        actor=office_user,
        assessment="A.",
        next_steps="B.",
        proposals="C.",
    )
    with at(2025, 12, 29, 9):
        summary_issue(summary=summary, actor=office_user, reason=REASON)
    stored = summary.documents.get(format="pdf")
    UnitFactory(name="Thôn Mới Sau Ban Hành")  # the data moves on
    client.force_login(office_user)

    response = client.get(reverse("yearend:pdf", args=[year.pk]))

    assert response["X-Content-SHA256"] == stored.sha256
    assert b"".join(response.streaming_content) == stored.read_bytes()


def test_only_the_office_writes_and_unit_heads_do_not_read(
    client, year, council_user, hamlet_head, office_user
):
    client.force_login(council_user)
    url = reverse("yearend:summary", args=[year.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"assessment": "x"}).status_code == 404
    with pytest.raises(ValidationError) as refused:
        summary_start(period=year, actor=council_user)
    assert refused.value.code == "permission_denied"
    client.force_login(hamlet_head)
    assert client.get(url).status_code == 404
    client.force_login(office_user)
    response = client.post(
        url,
        {
            "number": "",
            "assessment": "Đánh giá chung.",
            "next_steps": "",
            "proposals": "",
        },
    )
    assert response.status_code == 302
    assert YearEndSummary.objects.get(period=year).assessment == "Đánh giá chung."


def test_summary_page_shows_figures_and_charts(client, year, office_user):
    client.force_login(office_user)
    page = client.get(reverse("yearend:summary", args=[year.pk])).content.decode()
    assert "I. KẾT QUẢ THỰC HIỆN" in page
    assert page.count('src="data:image/png;base64,') == 3
    assert "Có 3/4 cơ quan, đơn vị, thôn gửi báo cáo" in page


# --- Issue 17: issued means frozen; issuing early asks why ---------------------------


def _written(period, office_user):
    summary = summary_start(period=period, actor=office_user)
    summary_save(
        summary=summary,
        actor=office_user,
        assessment="Đánh giá.",
        next_steps="Phương hướng.",
        proposals="Kiến nghị.",
    )
    return summary


def _flat(text):
    return " ".join(text.split())


def test_issued_page_and_pdf_keep_the_figures_and_time_as_issued(
    client, year, office_user
):
    summary = _written(year, office_user)
    with at(2025, 12, 29, 9, 15):
        summary_issue(summary=summary, actor=office_user, reason=REASON)
    stored = summary.documents.get(format="pdf").read_bytes()
    # The data moves on: a fifth hamlet, a corrected figure, a month later.
    UnitFactory(name="Thôn Mới Sau Ban Hành")
    IndicatorValue.objects.filter(indicator__code="a_luot_nguoi_tham_du").update(
        value=4000
    )
    client.force_login(office_user)
    with at(2026, 1, 30, 10):
        live = summary_data(year, charts=False)
        page = client.get(reverse("yearend:summary", args=[year.pk])).content.decode()
        served = b"".join(
            client.get(reverse("yearend:pdf", args=[year.pk])).streaming_content
        )
        summary.refresh_from_db()
        rendered_again = summary_pdf(summary)
    assert live.participation_total.expected == 5  # today's figures did change
    assert "Có 3/4 cơ quan, đơn vị, thôn gửi báo cáo" in page
    # 3,127 + 2 × 5 people as issued; 3 × 4,000 today
    assert "3.137" in page and "12.000" not in page
    assert "Số liệu như khi ban hành ngày 29/12/2025, tính đến 09:15 29/12/2025" in (
        _flat(page)
    )
    assert "Số liệu hiện tại" not in page
    assert served == stored
    for pdf in (stored, rendered_again):
        text = _flat(" ".join(line.text for line in pdf_lines(pdf)))
        assert "Có 3/4 cơ quan, đơn vị, thôn gửi báo cáo" in text
        assert "3.137" in text and "12.000" not in text


def test_draft_page_labels_its_figures_as_live(client, year, office_user):
    client.force_login(office_user)
    with at(2025, 12, 28, 14, 5):
        page = client.get(reverse("yearend:summary", args=[year.pk])).content.decode()
    assert "Số liệu hiện tại, cập nhật lúc 14:05 28/12/2025" in _flat(page)


def test_issue_before_the_due_date_or_with_units_outstanding_asks_why(
    client, year, office_user
):
    summary = _written(year, office_user)
    with at(2025, 12, 5, 9), pytest.raises(ValidationError) as refused:
        summary_issue(summary=summary, actor=office_user, reason="  ")
    assert refused.value.code == "reason_required"
    message = " ".join(refused.value.messages)
    assert f"Hạn nộp báo cáo là ngày {year.due_on:%d/%m/%Y}" in message
    assert "Thôn Hai" in message and "Thôn Bốn" in message
    assert "Thôn Một" not in message  # its report is accepted
    client.force_login(office_user)
    with at(2025, 12, 5, 9):
        page = client.get(reverse("yearend:summary", args=[year.pk])).content.decode()
    assert 'id="issue-concerns"' in page and "Thôn Bốn" in page
    assert 'name="reason"' in page
    with at(2025, 12, 5, 9):
        response = client.post(
            reverse("yearend:issue", args=[year.pk]),
            {"issued_on": "2025-12-05", "reason": REASON},
        )
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.state == SummaryState.ISSUED
    entry = ActivityLog.objects.get(
        object_id=summary.pk, action="yearend.summary.issued"
    )
    assert entry.reason == REASON
    assert entry.data["due_on"] == f"{year.due_on:%d/%m/%Y}"
    assert "Thôn Bốn" in entry.data["outstanding"]


def test_issue_after_the_due_date_with_every_report_accepted_needs_no_reason(
    year, office_user
):
    from campaigns.models import Report
    from yearend.data import issue_concerns

    for report in Report.objects.filter(period=year, state="submitted"):
        report_accept(report=report, actor=office_user, notify=False)
    UnitFactory._meta.model.objects.filter(name="Thôn Bốn").update(is_active=False)
    summary = _written(year, office_user)
    with at(2025, 12, 29, 9):
        assert issue_concerns(year).messages == []
        summary_issue(summary=summary, actor=office_user)
    summary.refresh_from_db()
    assert summary.state == SummaryState.ISSUED
    entry = ActivityLog.objects.get(
        object_id=summary.pk, action="yearend.summary.issued"
    )
    assert "outstanding" not in entry.data and "due_on" not in entry.data
