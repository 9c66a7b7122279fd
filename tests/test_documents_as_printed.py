"""Issue 17, "Documents (Decree 30/2020, Annex I), as printed": every document kind
checked from its PDF (pdfplumber: rules, positions, baselines, text) and its DOCX
(python-docx: paragraph borders, keep-with-next, table widths, repeated headers),
and every workbook checked cell by cell (openpyxl).

The forms followed (Decree 30/2020/NĐ-CP, Annex III):
- the award decision: Mẫu 1.2, a decision that decides directly;
- the tờ trình, the báo cáo thành tích, the year-end summary, the aggregated
  report and the score sheet: Mẫu 1.4, a document with a type name;
- the council's minutes: Mẫu 1.9, Biên bản.
"""

import datetime
import io
import re
import unicodedata
import zoneinfo
from copy import deepcopy
from dataclasses import replace
from functools import cache

import pdfplumber
import pytest
import time_machine
from django.conf import settings
from django.test import TestCase
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from PIL import ImageFont

from awards import exports as award_exports
from awards import services as award_services
from awards.council.documents import (
    minutes_docx,
    minutes_layout,
    minutes_pdf,
    minutes_sentences,
)
from awards.decisions.documents import render_decision_pdf, workbook_bytes
from awards.enums import NominationState
from campaigns.exports import aggregate_pdf, aggregate_period, aggregate_workbook
from campaigns.models import Campaign, ReportingPeriod
from exemplars.exports import register_workbook
from phongquang_portal.core.pdf import render_pdf
from scoring import exports as scoring_exports
from scoring import selectors as scoring_selectors
from tests.awards.factories import (
    NominationFactory,
    ballot_meeting,
    council_of,
    kind_for,
    set_state,
    voted,
)
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory, unit_head
from tests.pdfcheck import find_line, pdf_lines
from tests.scoring.builders import campaign_with_criteria, sheet_with_points
from units.enums import Sex, UnitKind
from yearend.data import summary_data
from yearend.documents import summary_docx, summary_pdf
from yearend.enums import SummaryState
from yearend.services import summary_save, summary_start
from yearend.statistics import statistics_workbook

pytestmark = pytest.mark.django_db

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
MM = 72 / 25.4
# Decree 30 margins as the PDFs use them: left 30 mm, right 15 mm, top 20 mm.
LEFT, RIGHT = 30 * MM, 15 * MM
TODAY = datetime.datetime(2026, 3, 5, 9, tzinfo=VN)  # "ngày 05 tháng 3 năm 2026"
TODAY_LINE = "Phong Quang, ngày 05 tháng 3 năm 2026"
# The DOCX page: A4, text 16.5 cm wide (left 3 cm, right 1.5 cm).
TEXT_TWIPS = round(16.5 / 2.54 * 1440)


def nfc(text):
    return unicodedata.normalize("NFC", text)


def lines_of(pdf):
    return [
        line.__class__(**{**line.__dict__, "text": nfc(line.text)})
        for line in pdf_lines(pdf)
    ]


def text_of(pdf):
    return " ".join(line.text for line in lines_of(pdf))


@cache
def font(bold, size):
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(settings.BASE_DIR / "static" / "fonts" / name), 100)


def width_pt(text, size, *, bold=True):
    """The width of ``text`` in Times New Roman's metrics (Liberation Serif), in pt."""
    return font(bold, 100).getlength(text) * size / 100


def rules(pdf, page=1):
    """Thin horizontal rectangles and lines on ``page``: the rules (x0, x1, top)."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        p = document.pages[page - 1]
        found = [
            (r["x0"], r["x1"], r["top"])
            for r in p.rects
            if r["height"] <= 1.5 and r["width"] > 5
        ]
        found += [
            (min(ln["x0"], ln["x1"]), max(ln["x0"], ln["x1"]), ln["top"])
            for ln in p.lines
            if abs(ln["top"] - ln["bottom"]) <= 0.5 and abs(ln["x1"] - ln["x0"]) > 5
        ]
    return found


def rule_between(pdf, top, bottom, *, x_range=(0, 10_000), page=1):
    """The one rule lying between ``top`` and ``bottom`` within ``x_range``."""
    found = [
        rule
        for rule in rules(pdf, page)
        if top <= rule[2] <= bottom
        and rule[0] >= x_range[0] - 1
        and rule[1] <= x_range[1] + 1
    ]
    assert len(found) == 1, (top, bottom, found)
    return found[0]


# --- The world the documents are printed from ------------------------------------------


@pytest.fixture
def kind(plan):
    Campaign.objects.filter(pk=plan.pk).update(
        plan_number="5/KH-UBND", plan_date=datetime.date(2025, 1, 10)
    )
    plan.refresh_from_db()
    return kind_for(plan)


@pytest.fixture
def world(plan, kind):
    """A hamlet proposing its digital-tech team, a person and a household."""
    hamlet = UnitFactory(name="Thôn Nà Mòn")
    team = UnitFactory(
        name="Tổ công nghệ số cộng đồng thôn Nà Mòn",
        kind=UnitKind.DIGITAL_TEAM,
        parent=hamlet,
    )
    unit_head(team, username="to_truong")
    unit_head(hamlet, username="truong_thon")
    person = PersonFactory(full_name="Lý Thị Hằng", unit=hamlet)
    household = HouseholdFactory(
        head_name="Trần Ngọc Thảo", head_sex=Sex.FEMALE, hamlet=hamlet
    )
    return {
        "hamlet": hamlet,
        "team": NominationFactory(
            award_kind=kind, nominee_unit=team, proposing_unit=team
        ),
        "person": NominationFactory(
            award_kind=kind,
            nominee_unit=None,
            nominee_person=person,
            proposing_unit=hamlet,
        ),
        "household": NominationFactory(
            award_kind=kind,
            nominee_unit=None,
            nominee_household=household,
            proposing_unit=hamlet,
        ),
    }


def submitted(nomination, when=datetime.datetime(2025, 12, 10, 15, tzinfo=VN)):
    return set_state(nomination, NominationState.SUBMITTED, submitted_at=when)


@pytest.fixture
def decision(world, chairman, office_user):
    """Decision No. 5, signed on 05/3/2026, for the three nominees."""
    nominations = [world["team"], world["person"], world["household"]]
    for nomination in nominations:
        award_services.nomination_approve(nomination=voted(nomination), actor=chairman)
    with TestCase.captureOnCommitCallbacks(execute=True):
        issued = award_services.decision_issue(
            campaign=world["team"].campaign,
            award_kind=world["team"].award_kind,
            number="5",
            signed_on=datetime.date(2026, 3, 5),
            actor=office_user,
        )
    issued.refresh_from_db()
    return issued


def stored(decision, kind):
    return decision.documents.get(kind=kind).read_bytes()


@pytest.fixture
def meeting(plan, world, office_user):
    """A closed meeting held on 03/02/2026 that voted on the household."""
    members = council_of(5)
    nomination = set_state(world["household"], NominationState.CHECKED)
    return ballot_meeting(
        plan,
        [(nomination, (4, 1, 0))],
        members=members,
        actor=office_user,
        held_on=datetime.date(2026, 2, 3),
    )


@pytest.fixture
def summary(plan, office_user):
    """The year-end summary as issued on 05/3/2026 with number 1 (not stored)."""
    period = ReportingPeriod.objects.get(campaign=plan, name="Tổng kết năm 2025")
    draft = summary_start(period=period, actor=office_user)
    summary_save(
        summary=draft,
        actor=office_user,
        assessment="Phong trào lan tỏa.",
        next_steps="Nhân rộng mô hình.",
        proposals="Hỗ trợ kinh phí nâng cấp hạ tầng mạng.",
    )
    draft.state, draft.number = SummaryState.ISSUED, "1"
    draft.issued_on = datetime.date(2026, 3, 5)
    return draft


@pytest.fixture
def sheet(db):
    campaign = campaign_with_criteria()
    return sheet_with_points(
        campaign, {"A.1": 30, "D.2": "45.5"}, unit=UnitFactory(name="Thôn Bản Vèn")
    )


def sheet_pdf(sheet, **changes):
    context = scoring_exports.sheet_pdf_context(
        sheet, scoring_selectors.sheet_rank(sheet)
    )
    return render_pdf("scoring/pdf/sheet.html", {**context, **changes})


def aggregate(plan):
    period = ReportingPeriod.objects.get(campaign=plan, name="Tổng kết năm 2025")
    return aggregate_period(period, expected=4)


def _render(name, request, *, docx=False):
    """The document ``name`` as PDF (or DOCX), made "today" (05/3/2026)."""

    def fixture(value):
        return request.getfixturevalue(value)

    with time_machine.travel(TODAY, tick=False):
        if name == "decision":
            return stored(fixture("decision"), "decision_pdf")
        if name == "to_trinh":
            world = fixture("world")
            submitted(world["person"])
            nomination = submitted(world["household"])
            make = award_exports.to_trinh_docx if docx else award_exports.to_trinh_pdf
            return make(nomination)
        if name.startswith("report_"):
            nomination = submitted(fixture("world")[name.removeprefix("report_")])
            make = award_exports.report_docx if docx else award_exports.report_pdf
            return make(nomination)
        if name == "minutes":
            return (minutes_docx if docx else minutes_pdf)(fixture("meeting"))
        if name == "summary":
            summary = fixture("summary")
            make = summary_docx if docx else summary_pdf
            return make(summary, summary_data(summary.period, charts=False))
        if name == "aggregate":
            return aggregate_pdf(aggregate(fixture("plan")))
        if name == "score_sheet":
            return sheet_pdf(fixture("sheet"))
    raise AssertionError(name)


def render(name, request):
    return _render(name, request)


def render_docx(name, request):
    return _render(name, request, docx=True)


# The kinds with a Word draft, and every kind printed as PDF.
DOCX_KINDS = [
    "to_trinh",
    "report_team",
    "report_person",
    "report_household",
    "minutes",
    "summary",
]
PDF_KINDS = ["decision", *DOCX_KINDS, "aggregate", "score_sheet"]

# The issuing body as each kind's header prints it: (parent lines, bold lines).
ISSUERS = {
    "decision": ([], ["ỦY BAN NHÂN DÂN", "XÃ PHONG QUANG"]),
    "to_trinh": (["UBND XÃ PHONG QUANG"], ["THÔN NÀ MÒN"]),
    "report_team": (["THÔN NÀ MÒN"], ["TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", "THÔN NÀ MÒN"]),
    "report_person": (["UBND XÃ PHONG QUANG"], ["THÔN NÀ MÒN"]),
    "report_household": (["UBND XÃ PHONG QUANG"], ["THÔN NÀ MÒN"]),
    "minutes": (["UBND XÃ PHONG QUANG"], ["HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG"]),
    "summary": ([], ["ỦY BAN NHÂN DÂN", "XÃ PHONG QUANG"]),
    "aggregate": (["UBND XÃ PHONG QUANG"], ["PHÒNG VĂN HÓA - XÃ HỘI"]),
    "score_sheet": ([], ["ỦY BAN NHÂN DÂN", "XÃ PHONG QUANG"]),
}

# The place-date line of each kind: signed, held, submitted or made on that day.
PLACE_DATES = {
    "decision": TODAY_LINE,
    "to_trinh": "Phong Quang, ngày 10 tháng 12 năm 2025",
    "report_team": "Phong Quang, ngày 10 tháng 12 năm 2025",
    "report_person": "Phong Quang, ngày 10 tháng 12 năm 2025",
    "report_household": "Phong Quang, ngày 10 tháng 12 năm 2025",
    "minutes": "Phong Quang, ngày 03 tháng 02 năm 2026",
    "summary": TODAY_LINE,
    "aggregate": TODAY_LINE,
    "score_sheet": TODAY_LINE,
}


def header(lines):
    """The left column's lines above the title: the issuing body and its number."""
    motto = find_line(lines, "Độc lập - Tự do - Hạnh phúc", page=1)
    middle = motto.x0 - 10
    return [
        line
        for line in lines
        if line.page == 1 and line.x1 < middle and line.top < motto.top + 60
    ]


# --- The place-date line and the numbers -------------------------------------------------


@pytest.mark.parametrize("name", PDF_KINDS)
def test_pdf_place_date_month_without_zero_day_with_one(name, request):
    line = find_line(lines_of(render(name, request)), "Phong Quang, ngày")
    assert line.text == PLACE_DATES[name]
    assert line.italic


@pytest.mark.parametrize("name", DOCX_KINDS)
def test_docx_place_date_month_without_zero_day_with_one(name, request):
    document = Document(io.BytesIO(render_docx(name, request)))
    cell = document.tables[0].rows[0].cells[1]
    dates = [nfc(p.text) for p in cell.paragraphs if "ngày" in p.text]
    assert dates == [PLACE_DATES[name]]


def test_certificates_and_blanks_date_as_the_decision(decision):
    for kind in ("certificates_pdf", "certificates_blank_pdf"):
        text = text_of(stored(decision, kind))
        assert TODAY_LINE in text
        assert "ngày 05/03/2026" not in text


def test_numbers_below_ten_take_a_leading_zero_on_every_kind(decision, summary, world):
    assert "Số: 05/QĐ-UBND" in text_of(stored(decision, "decision_pdf"))
    assert "Quyết định số 05/QĐ-UBND" in text_of(stored(decision, "certificates_pdf"))
    assert "Số: 05/QĐ-UBND" not in text_of(stored(decision, "certificates_pdf"))
    data = summary_data(summary.period, charts=False)
    assert "Số: 01/BC-UBND" in text_of(summary_pdf(summary, data))
    cell = Document(io.BytesIO(summary_docx(summary, data))).tables[0].rows[0].cells[0]
    assert "Số: 01/BC-UBND" in [p.text for p in cell.paragraphs]
    # The plan (kế hoạch), recorded as "5/KH-UBND", is cited with its zero.
    assert "Kế hoạch số 05/KH-UBND ngày 10/01/2025" in text_of(
        stored(decision, "decision_pdf")
    )
    to_trinh = award_exports.to_trinh_pdf(world["person"])
    assert "Kế hoạch số 05/KH-UBND" in text_of(to_trinh)


def test_numbers_written_at_registration_stay_blank(meeting):
    """The minutes are numbered when registered: a blank, never "0" or "00"."""
    assert re.search(r"Số:\s+/BB-HĐTĐKT", text_of(minutes_pdf(meeting)))
    cell = Document(io.BytesIO(minutes_docx(meeting))).tables[0].rows[0].cells[0]
    assert any(re.fullmatch(r"Số:\s+/BB-HĐTĐKT", p.text) for p in cell.paragraphs)


# --- Rules under the issuing body, the motto and the summary ------------------------------


@pytest.mark.parametrize("name", PDF_KINDS)
def test_pdf_rules_under_issuer_motto_and_summary(name, request):
    pdf = render(name, request)
    lines = lines_of(pdf)
    # The issuing body: a rule 1/3 to 1/2 of its longest line, centred under it.
    body = [line for line in header(lines) if line.bold]
    assert body, name
    left, right = min(b.x0 for b in body), max(b.x1 for b in body)
    widest = max(b.x1 - b.x0 for b in body)
    motto = find_line(lines, "Độc lập - Tự do - Hạnh phúc", page=1)
    below = [line for line in header(lines) if line.top > body[-1].bottom]
    x0, x1, _top = rule_between(
        pdf,
        body[-1].bottom,
        below[0].top if below else body[-1].bottom + 20,
        x_range=(LEFT - 1, motto.x0 - 5),
    )
    assert widest / 3 <= x1 - x0 <= widest / 2, (name, x1 - x0, widest)
    assert abs((x0 + x1) / 2 - (left + right) / 2) < 1.5
    # The motto: a rule as long as the motto, under it.
    place = find_line(lines, "Phong Quang, ngày", page=1)
    x0, x1, _top = rule_between(
        pdf, motto.bottom, place.top, x_range=(motto.x0 - 5, 600)
    )
    assert abs(x0 - motto.x0) < 1.5 and abs(x1 - motto.x1) < 1.5
    # The summary (trích yếu) under the type's name: a rule 1/3 to 1/2 of its line.
    title = next(
        line
        for line in lines
        if line.page == 1 and line.top > place.bottom and line.size >= 13.9
    )
    summary = []
    for line in lines:
        if line.page == 1 and line.top > title.bottom and line.bold:
            if summary and line.top - summary[-1].bottom > 8:
                break
            summary.append(line)
    assert summary, name
    nxt = next(
        line for line in lines if line.page == 1 and line.top > summary[-1].bottom
    )
    x0, x1, _top = rule_between(pdf, summary[-1].bottom, nxt.top)
    longest = max(line.x1 - line.x0 for line in summary)
    assert longest / 3 <= x1 - x0 <= longest / 2, (name, x1 - x0, longest)
    centre = (min(s.x0 for s in summary) + max(s.x1 for s in summary)) / 2
    assert abs((x0 + x1) / 2 - centre) < 2


def test_certificate_motto_rule_as_long_as_the_motto(decision):
    pdf = stored(decision, "certificates_pdf")
    lines = lines_of(pdf)
    motto = find_line(lines, "Độc lập - Tự do - Hạnh phúc", page=1)
    issuer = find_line(lines, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHONG QUANG", page=1)
    x0, x1, _top = rule_between(pdf, motto.bottom, issuer.top)
    assert abs(x0 - motto.x0) < 1.5 and abs(x1 - motto.x1) < 1.5


def _border(paragraph, edge="bottom"):
    borders = (
        paragraph._p.pPr.find(qn("w:pBdr")) if paragraph._p.pPr is not None else None
    )
    return borders is not None and borders.find(qn(f"w:{edge}")) is not None


def _rule_width(paragraph, container_twips):
    """The length (pt) of the rule a bordered paragraph draws, and its two indents."""
    ind = paragraph._p.pPr.find(qn("w:ind"))
    left = int(ind.get(qn("w:left"), 0) if ind is not None else 0)
    right = int(ind.get(qn("w:right"), 0) if ind is not None else 0)
    return (container_twips - left - right) / 20, left, right


def _cell_twips(cell):
    return int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))


@pytest.mark.parametrize("name", DOCX_KINDS)
def test_docx_real_rules_under_issuer_motto_and_summary(name, request):
    document = Document(io.BytesIO(render_docx(name, request)))
    left, right = document.tables[0].rows[0].cells
    body = [
        p for p in left.paragraphs if p.runs and all(r.bold for r in p.runs if r.text)
    ]
    elements = [p._p for p in left.paragraphs]
    rule = next(p for p in left.paragraphs if _border(p))
    assert elements.index(rule._p) == elements.index(body[-1]._p) + 1
    length, ind_left, ind_right = _rule_width(rule, _cell_twips(left))
    size = body[0].runs[0].font.size.pt
    widest = max(width_pt(nfc(p.text), size) for p in body)
    assert widest / 3 <= length <= widest / 2, (length, widest)
    assert abs(ind_left - ind_right) <= 1
    elements = [p._p for p in right.paragraphs]
    motto = next(p for p in right.paragraphs if p.text == "Độc lập - Tự do - Hạnh phúc")
    rule = right.paragraphs[elements.index(motto._p) + 1]
    assert _border(rule)
    length, ind_left, ind_right = _rule_width(rule, _cell_twips(right))
    assert length == pytest.approx(
        width_pt(motto.text, motto.runs[0].font.size.pt), abs=1.5
    )
    assert abs(ind_left - ind_right) <= 1
    # The summary: the bordered paragraph right after the title's bold lines.
    paragraphs = document.paragraphs
    rule = next(p for p in paragraphs if _border(p) and not _border(p, "top"))
    index = [p._p for p in paragraphs].index(rule._p)
    summary = []
    for p in reversed(paragraphs[:index]):
        if not p.text.strip():
            break
        summary.insert(0, p)
    lines = [nfc(p.text) for p in summary[1:]]  # after the type's name
    text_pt = TEXT_TWIPS / 20
    longest = max(min(width_pt(line, 14), text_pt) for line in lines)
    length, ind_left, ind_right = _rule_width(rule, TEXT_TWIPS)
    assert longest / 3 <= length <= longest / 2
    assert abs(ind_left - ind_right) <= 1
    # No rule typed as dashes or underscores anywhere.
    every = list(document.paragraphs) + [
        p
        for t in document.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
    ]
    assert not [p.text for p in every if re.fullmatch(r"\s*[—–_\-]{3,}\s*", p.text)]


# --- Headers never broken mid-name ------------------------------------------------------


@pytest.mark.parametrize("name", PDF_KINDS)
def test_pdf_issuer_lines_broken_only_between_names(name, request):
    lines = lines_of(render(name, request))
    top = header(lines)
    parent, body = ISSUERS[name]
    assert [line.text for line in top if not line.bold][: len(parent)] == parent
    assert [line.text for line in top if line.bold] == body
    motto = find_line(lines, "Độc lập - Tự do - Hạnh phúc", page=1)
    assert all(line.x1 < motto.x0 for line in top)


@pytest.mark.parametrize("name", DOCX_KINDS)
def test_docx_issuer_lines_fit_their_column(name, request):
    document = Document(io.BytesIO(render_docx(name, request)))
    left = document.tables[0].rows[0].cells[0]
    parent, body = ISSUERS[name]
    texts = [nfc(p.text) for p in left.paragraphs if p.text.strip()]
    assert texts[: len(parent) + len(body)] == parent + body
    column = _cell_twips(left) / 20
    for paragraph in left.paragraphs:
        if paragraph.text.strip():
            size = paragraph.runs[0].font.size.pt
            bold = bool(paragraph.runs[0].bold)
            assert width_pt(nfc(paragraph.text), size, bold=bold) <= column


def test_long_unit_names_break_at_a_sensible_point(world):
    """A body's name is never split inside a place name or a word pair."""
    from phongquang_portal.core.documents import issuer_lines, signature_lines

    assert issuer_lines("Ủy ban nhân dân xã Phong Quang") == [
        "ỦY BAN NHÂN DÂN",
        "XÃ PHONG QUANG",
    ]
    assert issuer_lines("Hội đồng Thi đua - Khen thưởng") == [
        "HỘI ĐỒNG THI ĐUA -",
        "KHEN THƯỞNG",
    ]
    assert signature_lines("Xác nhận của thủ trưởng đơn vị", width_mm=75) == [
        "XÁC NHẬN CỦA",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ]


# --- Signatures -------------------------------------------------------------------------


SIGNATURE_TITLES = {
    "report_team": ("XÁC NHẬN CỦA", "THỦ TRƯỞNG ĐƠN VỊ"),
    "report_person": ("XÁC NHẬN CỦA", "NGƯỜI BÁO CÁO THÀNH TÍCH"),
    "report_household": ("XÁC NHẬN CỦA", "NGƯỜI BÁO CÁO THÀNH TÍCH"),
    "minutes": ("THƯ KÝ", "CHỦ TRÌ"),
    "score_sheet": ("ĐẠI DIỆN ĐƠN VỊ", "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"),
}
# How many names the blocks print (a block may leave its name to be written).
SIGNATURE_NAMES = {
    "report_team": 1,
    "report_person": 2,
    "report_household": 2,
    "minutes": 2,
    "score_sheet": 0,
}


def _last(lines, text):
    return [line for line in lines if line.text == text][-1]


@pytest.mark.parametrize("name", list(SIGNATURE_TITLES))
def test_pdf_two_signature_blocks_on_one_baseline(name, request):
    lines = lines_of(render(name, request))
    left_title, right_title = (_last(lines, t) for t in SIGNATURE_TITLES[name])
    assert left_title.page == right_title.page
    assert left_title.x1 < right_title.x0
    assert left_title.bottom == pytest.approx(right_title.bottom, abs=0.5)
    assert left_title.bold and right_title.bold
    # The names below, on one baseline too.
    names = [
        line
        for line in lines
        if line.page == right_title.page
        and line.bold
        and line.top > right_title.bottom + 30
        and not line.text.isupper()
        and not line.text.endswith(":")
    ]
    assert len(names) == SIGNATURE_NAMES[name], [n.text for n in names]
    if len(names) == 2:
        assert names[0].bottom == pytest.approx(names[1].bottom, abs=0.5)
        assert names[0].x1 < names[1].x0
    hints = [line for line in lines if line.text == "(Ký, ghi rõ họ tên)"]
    for hint, title in zip(hints, (left_title, right_title), strict=False):
        assert hint.top > title.top and abs(hint.centre - title.centre) < 3
    # No title broken inside a word pair ("ĐƠN / VỊ").
    texts = [line.text for line in lines if line.page == right_title.page]
    assert "VỊ" not in texts and "ĐƠN" not in texts


@pytest.mark.parametrize("name", ["report_team", "report_household", "minutes"])
def test_docx_two_signature_blocks_share_rows(name, request):
    document = Document(io.BytesIO(render_docx(name, request)))
    table = document.tables[-1]
    assert len(table.rows) == 2
    titles = [nfc(c.paragraphs[0].text) for c in table.rows[0].cells]
    assert titles == [SIGNATURE_TITLES[name][0], SIGNATURE_TITLES[name][1]]
    names = [c.paragraphs[0] for c in table.rows[1].cells]
    assert (
        names[0].paragraph_format.space_before == names[1].paragraph_format.space_before
    )
    assert all(p.runs and p.runs[0].bold for p in names if p.text)


# A knob that lengthens each document by one unit of text, and the text of its last
# lines, which must stand on the signature's page.
def _decision_snapshot(decision, n):
    snapshot = deepcopy(decision.snapshot)
    awardee = snapshot["awardees"][1]
    snapshot["awardees"] = snapshot["awardees"][:1] + [
        {**awardee, "name": f"Người thứ {i}"} for i in range(n)
    ]
    return snapshot


# Documents lengthened by repeating one item of their context: (template, the
# repeated item's key, the text of their last lines).
REPEATED = {
    "to_trinh": ("awards/pdf/to_trinh.html", "rows", "Kính trình Chủ tịch"),
    "report": (
        "awards/pdf/report.html",
        "achievements",
        "III. HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG",
    ),
    "minutes": ("awards/pdf/bien_ban_hop.html", "opinions", "Cuộc họp kết thúc"),
    "score_sheet": ("scoring/pdf/sheet.html", "rows", "Xếp loại:"),
}


def _context(name, fixture):
    """(the context of a document in ``REPEATED``, its signature's title line)."""
    if name == "to_trinh":
        data = award_exports.to_trinh_data(fixture("world")["person"])
        return data, data["signer_title_lines"][-1]
    if name == "report":
        return award_exports.report_data(fixture("world")["person"]), (
            "NGƯỜI BÁO CÁO THÀNH TÍCH"
        )
    if name == "minutes":
        context, sentences = minutes_sentences(fixture("meeting"))
        return {**context, **sentences, **minutes_layout(context)}, "CHỦ TRÌ"
    sheet = fixture("sheet")
    context = scoring_exports.sheet_pdf_context(
        sheet, scoring_selectors.sheet_rank(sheet)
    )
    return context, "ĐẠI DIỆN ĐƠN VỊ"


def _lengthened(name, request):
    """(render(n): the document lengthened by n units of text, its signature's
    title line, the text of its last lines)."""

    def fixture(value):
        return request.getfixturevalue(value)

    if name in REPEATED:
        template, key, last_lines = REPEATED[name]
        context, title = _context(name, fixture)
        item = context[key][0]
        return (
            lambda n: render_pdf(template, {**context, key: [item] * n}),
            title,
            last_lines,
        )
    if name == "decision":
        decision = fixture("decision")
        return (
            lambda n: render_decision_pdf(_decision_snapshot(decision, n)),
            "CHỦ TỊCH",
            "Quyết định này./.",
        )
    if name == "summary":
        summary = fixture("summary")
        data = summary_data(summary.period, charts=False)

        def lengthened(n):
            summary.assessment = "\n".join(["Phong trào lan tỏa rộng."] * n)
            return summary_pdf(summary, data)

        return lengthened, "TM. ỦY BAN NHÂN DÂN", "Hỗ trợ kinh phí"
    result = aggregate(fixture("plan"))
    report = type("R", (), {"unit": UnitFactory(name="Thôn Bản Vèn")})()

    def lengthened(n):
        last = result.goals[-1]
        goals = [
            *result.goals[:-1],
            replace(last, narratives=[(report, "Tổ chức tuyên truyền.")] * n),
        ]
        return aggregate_pdf(replace(result, goals=goals))

    return lengthened, "TRƯỞNG PHÒNG", "Trên đây là báo cáo"


def _signature_page(pdf, title):
    return _last(lines_of(pdf), title).page


@pytest.mark.parametrize(
    "name",
    [
        "decision",
        "to_trinh",
        "report",
        "minutes",
        "summary",
        "aggregate",
        "score_sheet",
    ],
)
def test_pdf_signature_never_alone_on_the_last_page(name, request):
    """Lengthen the document until its signature first moves to the next page: the
    last lines of text move with it."""
    lengthened, title, last_lines = _lengthened(name, request)
    low = 1
    base = _signature_page(lengthened(low), title)
    high = 2
    while _signature_page(lengthened(high), title) == base:
        low, high = high, high * 2
        assert high < 400
    while high - low > 1:
        middle = (low + high) // 2
        if _signature_page(lengthened(middle), title) == base:
            low = middle
        else:
            high = middle
    lines = lines_of(lengthened(high))
    signature = _last(lines, title)
    above = [
        line
        for line in lines
        if line.page == signature.page
        and line.top < signature.top
        and line.text != str(signature.page)
    ]
    assert any(last_lines in line.text for line in above), [a.text for a in above]


def _keeps_with_next(paragraph):
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:keepNext")) is not None


@pytest.mark.parametrize("name", DOCX_KINDS)
def test_docx_signature_kept_with_the_last_lines(name, request):
    document = Document(io.BytesIO(render_docx(name, request)))
    body = list(document.element.body.iterchildren())
    signature = [e for e in body if e.tag == qn("w:tbl")][-1]
    index = body.index(signature)
    # Back from the signature to the last line of text: every paragraph on the way
    # keeps with the next, and the last text paragraph (or table row) does too.
    for element in reversed(body[:index]):
        if element.tag == qn("w:p"):
            paragraph = next(p for p in document.paragraphs if p._p is element)
            assert _keeps_with_next(paragraph), paragraph.text
            if paragraph.text.strip():
                assert paragraph.paragraph_format.keep_together
                break
        elif element.tag == qn("w:tbl"):
            table = next(t for t in document.tables if t._tbl is element)
            assert all(
                _keeps_with_next(p) for c in table.rows[-1].cells for p in c.paragraphs
            )
            break
    table = document.tables[-1]
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    if len(table.rows) > 1:
        assert all(
            _keeps_with_next(p) for c in table.rows[0].cells for p in c.paragraphs
        )


# --- "Nơi nhận" --------------------------------------------------------------------------


RECIPIENT_KINDS = ["decision", "to_trinh", "summary", "aggregate", "score_sheet"]


@pytest.mark.parametrize("name", RECIPIENT_KINDS)
def test_pdf_recipients_a_block_bottom_left(name, request):
    lines = lines_of(render(name, request))
    label = _last(lines, "Nơi nhận:")
    assert label.italic and label.bold
    middle = label.page_width / 2
    assert label.x1 < middle
    following = [
        line
        for line in lines
        if line.page == label.page and line.top > label.bottom and line.x1 < middle
    ]
    recipients = []
    for line in following:
        if not line.text.startswith("- "):
            break
        recipients.append(line)
    assert len(recipients) >= 2
    assert all(abs(r.x0 - label.x0) < 1 for r in recipients)
    assert recipients[-1].text.startswith("- Lưu")
    # Beside the signature (one signer), or bottom left under the two signatures.
    if name == "score_sheet":
        chair = _last(lines, "CHỦ TỊCH")
        assert chair.page == label.page and label.top > chair.bottom
    else:
        beside = [
            line
            for line in lines
            if line.page == label.page
            and line.bold
            and line.x0 > middle - 20
            and abs(line.top - label.top) < 4
        ]
        assert beside, name


@pytest.mark.parametrize("name", ["to_trinh", "summary"])
def test_docx_recipients_left_beside_the_signature(name, request):
    document = Document(io.BytesIO(render_docx(name, request)))
    left, right = document.tables[-1].rows[0].cells
    texts = [nfc(p.text) for p in left.paragraphs]
    assert texts[0] == "Nơi nhận:"
    assert all(t.startswith("- ") for t in texts[1:]) and len(texts) >= 3
    assert right.paragraphs[0].runs[0].bold


# --- DOCX tables inside the text area --------------------------------------------------


@pytest.mark.parametrize("name", DOCX_KINDS)
def test_docx_tables_inside_the_text_area_headers_repeated(name, request):
    document = Document(io.BytesIO(render_docx(name, request)))
    section = document.sections[0]
    text_twips = round(
        (section.page_width - section.left_margin - section.right_margin) / 635
    )
    assert text_twips == pytest.approx(TEXT_TWIPS, abs=2)
    grids = 0
    for table in document.tables:
        columns = [
            int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))
        ]
        assert sum(columns) <= text_twips + 2
        width = table._tbl.tblPr.find(qn("w:tblW"))
        assert width.get(qn("w:type")) == "dxa"
        assert int(width.get(qn("w:w"))) <= text_twips + 2
        if table.style is not None and table.style.name == "Table Grid":
            grids += 1
            assert sum(columns) == pytest.approx(text_twips, abs=3)
            first = table.rows[0]._tr.trPr
            assert first.find(qn("w:tblHeader")) is not None
            for row in table.rows:
                assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert grids >= 1


# --- The householder, a dossier's date, workbooks ---------------------------------------


def test_the_householder_by_name_in_every_document(world, decision):
    report = text_of(award_exports.report_pdf(world["household"]))
    assert "Chủ hộ: Trần Ngọc Thảo" in report
    docx = Document(io.BytesIO(award_exports.report_docx(world["household"])))
    assert "- Chủ hộ: Trần Ngọc Thảo" in [nfc(p.text) for p in docx.paragraphs]
    texts = {
        "report": report,
        "decision": text_of(stored(decision, "decision_pdf")),
        "certificates": text_of(stored(decision, "certificates_pdf")),
        "to_trinh": text_of(award_exports.to_trinh_pdf(world["household"])),
    }
    for name, text in texts.items():
        assert "Hộ bà" not in text and "Hộ ông" not in text, name
    assert "Chủ hộ: Trần Ngọc Thảo" in texts["decision"]
    workbook = load_workbook(io.BytesIO(stored(decision, "decision_xlsx")))
    names = [row[1] for row in workbook.active.iter_rows(values_only=True)]
    assert "Chủ hộ: Trần Ngọc Thảo" in names


def test_minutes_name_the_householder(meeting):
    text = text_of(minutes_pdf(meeting))
    assert "Chủ hộ: Trần Ngọc" in text and "Hộ bà" not in text
    cells = [
        nfc(c.text)
        for t in Document(io.BytesIO(minutes_docx(meeting))).tables
        for row in t.rows
        for c in row.cells
    ]
    assert "Chủ hộ: Trần Ngọc Thảo" in cells


def test_a_dossier_is_dated_from_its_submission_a_draft_today(world):
    nomination = world["person"]
    with time_machine.travel(TODAY, tick=False):
        draft = lines_of(award_exports.report_pdf(nomination))
        draft_docx = Document(io.BytesIO(award_exports.report_docx(nomination)))
    assert find_line(draft, "Phong Quang, ngày").text == TODAY_LINE
    assert find_line(draft, "DỰ THẢO").bold
    assert "DỰ THẢO" in [p.text for p in draft_docx.paragraphs]
    submitted(nomination)
    with time_machine.travel(TODAY, tick=False):
        final = lines_of(award_exports.report_pdf(nomination))
        final_docx = Document(io.BytesIO(award_exports.report_docx(nomination)))
        to_trinh = lines_of(award_exports.to_trinh_pdf(nomination))
    expected = "Phong Quang, ngày 10 tháng 12 năm 2025"
    assert find_line(final, "Phong Quang, ngày").text == expected
    assert find_line(final, "DỰ THẢO") is None
    assert "DỰ THẢO" not in [p.text for p in final_docx.paragraphs]
    cell = final_docx.tables[0].rows[0].cells[1]
    assert expected in [nfc(p.text) for p in cell.paragraphs]
    # One tờ trình carries the household too, still a draft: the tờ trình is one.
    assert find_line(to_trinh, "Phong Quang, ngày").text == TODAY_LINE
    assert find_line(to_trinh, "DỰ THẢO") is not None
    # Returned for completion: a draft again.
    set_state(nomination, NominationState.RETURNED)
    with time_machine.travel(TODAY, tick=False):
        returned = lines_of(award_exports.report_pdf(nomination))
    assert find_line(returned, "DỰ THẢO") is not None


def test_decision_list_carries_the_decisions_title_and_number(decision):
    ws = load_workbook(io.BytesIO(stored(decision, "decision_xlsx"))).active
    assert ws["A1"].value == (
        "Danh sách kèm theo Quyết định số 05/QĐ-UBND ngày 05/3/2026 "
        "của Chủ tịch UBND xã Phong Quang"
    )
    assert ws["A2"].value.startswith(
        "Về việc tặng Giấy khen của Chủ tịch UBND xã trong phong trào thi đua"
    )
    assert ws.print_title_rows in ("1:4", "$1:$4")
    assert ws["A4"].value == "TT" and ws["F4"].value == "Tiền thưởng (đồng)"


def test_decision_list_of_an_old_snapshot_still_renders(decision):
    """The title comes from what every snapshot holds: an old one renders too."""
    snapshot = deepcopy(decision.snapshot)
    snapshot["awardees"][2]["name"] = "Hộ bà Trần Ngọc Thảo"  # as issued before
    ws = load_workbook(io.BytesIO(workbook_bytes(snapshot))).active
    names = [row[1] for row in ws.iter_rows(values_only=True)]
    assert "Hộ bà Trần Ngọc Thảo" in names  # what was issued stays as issued


def _internal_codes():
    """Every state, kind and code the portal stores, as it stores them."""
    import importlib
    import inspect

    from django.db import models

    from awards.models import AwardKind
    from campaigns.models import Indicator

    codes = set()
    for app in ("awards", "campaigns", "units", "scoring", "exemplars", "yearend"):
        module = importlib.import_module(f"{app}.enums")
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, models.TextChoices):
                codes |= {v for v in value.values if len(v) >= 3}
    codes |= set(AwardKind.objects.values_list("code", flat=True))
    codes |= set(Indicator.objects.values_list("code", flat=True))
    return codes


def _workbooks(plan, decision, sheet):
    from exemplars.services import exemplar_create

    exemplar_create(
        campaign=plan,
        unit=UnitFactory(name="Thôn Bản Chang"),
        actor=decision.issued_by,
        name="Chè lên sàn thương mại điện tử",
        description="Bán chè qua sàn.",
        goals=[plan.goals.get(code="đ")],
        priority_fields=[],
    )
    books = {
        "decision": load_workbook(io.BytesIO(stored(decision, "decision_xlsx"))),
        "aggregate": aggregate_workbook(aggregate(plan)),
        "ranking": scoring_exports.ranking_workbook(sheet.campaign),
        "exemplars": register_workbook(plan),
        "statistics": statistics_workbook(2026),
    }
    for name, book in books.items():
        buffer = io.BytesIO()
        book.save(buffer)
        books[name] = load_workbook(io.BytesIO(buffer.getvalue()))
    return books


def test_no_internal_code_in_any_workbook(plan, decision, sheet):
    codes = _internal_codes()
    snake = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
    found = []
    for name, book in _workbooks(plan, decision, sheet).items():
        for ws in book.worksheets:
            titles = {ws.title}
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    if not isinstance(value, str):
                        continue
                    tokens = set(re.findall(r"[\w.-]+", value))
                    if snake.search(value) or tokens & codes:
                        found.append((name, ws.title, value))
                    if value.strip() in ("ID", "Id", "pk", "Mã"):
                        found.append((name, ws.title, value))
            assert not (titles & codes), (name, ws.title)
    assert not found, found


@pytest.mark.parametrize("name", DOCX_KINDS)
def test_docx_properties_in_the_order_word_requires(name, request):
    """Word refuses a file whose paragraph, table or row properties are out of order."""
    from phongquang_portal.core.docx import PARAGRAPH_ORDER, ROW_ORDER, TABLE_ORDER

    document = Document(io.BytesIO(render_docx(name, request)))
    root = document.element
    for tag, order in (
        ("w:pPr", PARAGRAPH_ORDER),
        ("w:tblPr", TABLE_ORDER),
        ("w:trPr", ROW_ORDER),
    ):
        rank = {qn(t): i for i, t in enumerate(order)}
        for properties in root.iter(qn(tag)):
            ranks = [rank[child.tag] for child in properties if child.tag in rank]
            assert ranks == sorted(ranks), (tag, [c.tag for c in properties])
