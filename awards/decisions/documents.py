"""A decision's figures, and its documents rendered from them: rendering only.

``build_snapshot`` gathers the decision's *snapshot*: the base-salary row and
the multipliers used, every awardee's name, category, amount, golden-book
number and verification code, the legal bases, the signer and his title. The
documents (the decision, the certificates, the certificates for pre-printed
blanks, the Excel list) are rendered from that snapshot only
(``render_documents``). The services (``awards.decisions.services``) keep the
snapshot and store the rendered bytes with their SHA-256; every later download
serves the stored bytes. Nothing here writes a row or reads live data once the
snapshot exists, so a later change of a name or of the base salary cannot
reach an issued decision.

Pre-printed blanks: the stored file has no offsets. A printer that needs the
text shifted (dx/dy in mm) gets a file rendered again *from the frozen
snapshot* with the offsets: an alignment of the same figures, never a new
reading of the data.

Documents are Vietnamese whatever the reader's language: every rendering
runs under ``translation.override("vi")``."""

import datetime
import io
from dataclasses import asdict, dataclass, fields

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from phongquang_portal.core.documents import official_date
from phongquang_portal.core.excel import set_print_layout, write_cell, write_row
from phongquang_portal.core.pdf import render_pdf
from phongquang_portal.core.qr import qr_svg_data_uri

from ..common.documents import awardee_phrases, basis_lines, count_phrase
from ..enums import AwardKindCode, DecisionDocumentKind, NomineeType

SNAPSHOT_VERSION = 1

PDF = "application/pdf"

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

DEFAULT_CITATION = (
    "Đã có thành tích xuất sắc trong phong trào thi đua “%(campaign)s” năm %(year)s"
)


# Plan IV.4: an ad-hoc award is for a sudden achievement, outside the yearly review.
AD_HOC_CITATION = (
    "Đã có thành tích đột xuất trong thực hiện phong trào thi đua “%(campaign)s” "
    "năm %(year)s"
)

PROPOSAL_LINE = (
    "Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã và Phòng Văn hóa - Xã hội"
)

NBSP = "\u00a0"

TITLE_FONT = Font(bold=True, size=13)
SUBTITLE_FONT = Font(italic=True, size=12)
TITLE_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)


# How documents list each kind of awardee (a household still counts as an
# individual for the quota, plan II.1.b). Documents are Vietnamese: data.
LISTED_CATEGORIES = {
    NomineeType.UNIT: "Tập thể",
    NomineeType.PERSON: "Cá nhân",
    NomineeType.HOUSEHOLD: "Hộ gia đình",
}


@dataclass
class AwardeeRow:
    position: int
    name: str
    category: str
    category_label: str
    nominee_type: str
    description: str
    unit_name: str
    prize_amount: int
    golden_book_number: str
    citation: str
    verify_code: str = ""
    verify_url: str = ""
    nomination: int | None = None

    @property
    def where(self):
        return self.description or self.unit_name

    @property
    def qr(self):
        return qr_svg_data_uri(self.verify_url) if self.verify_url else ""

    @property
    def citation_lines(self):
        """The citation with its last two words bound: no lone word on the last line."""
        return keep_last_words(self.citation)


def keep_last_words(text, count=2):
    words = text.split()
    if len(words) <= count:
        return NBSP.join(words)
    return " ".join(words[:-count]) + " " + NBSP.join(words[-count:])


def signer_lines(role):
    """(authority line, title) printed above the signature for a signer's role."""
    from units.enums import Role

    if role == Role.VICE_CHAIRMAN:
        return "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    return "", "CHỦ TỊCH"


def citation_for(nomination):
    template = (
        AD_HOC_CITATION
        if nomination.award_kind.code == AwardKindCode.DOT_XUAT
        else DEFAULT_CITATION
    )
    return nomination.citation or template % {
        "campaign": nomination.campaign.name,
        "year": nomination.campaign.year,
    }


def _unit_name(nomination):
    if nomination.nominee_type == NomineeType.PERSON:
        unit = nomination.nominee_person.unit
        return unit.name if unit else ""
    if nomination.nominee_type == NomineeType.HOUSEHOLD:
        return nomination.nominee_household.hamlet.name
    unit = nomination.nominee_unit
    return unit.parent.name if unit.parent_id else ""


def verify_url(code):
    base = getattr(settings, "PORTAL_BASE_URL", "").rstrip("/")
    return f"{base}{reverse('verify:certificate', args=[code])}"


def awardee_entry(nomination, *, code):
    """One awardee as every document prints it (live data read once, at issue)."""
    return asdict(
        AwardeeRow(
            position=nomination.decision_position,
            name=nomination.nominee_document_name,
            category=nomination.category,
            category_label=LISTED_CATEGORIES[nomination.nominee_type],
            nominee_type=str(nomination.nominee_type),
            description=nomination.nominee_description,
            unit_name=_unit_name(nomination),
            prize_amount=nomination.prize_amount or 0,
            golden_book_number=nomination.golden_book_number,
            citation=citation_for(nomination),
            verify_code=code,
            verify_url=verify_url(code) if code else "",
            nomination=nomination.pk,
        )
    )


def build_snapshot(*, decision, kind, nominations, codes, base_salary, signer):
    """The figures of ``decision``, as a JSON-able dict (see the module's doc).

    ``nominations``: the awarded nominations in the decision's order, their
    position, golden-book number and prize set; ``codes``: {nomination pk:
    verification code}; ``base_salary``: the BaseSalary row used; ``signer``:
    {"user", "name", "role"}.
    """
    with translation.override("vi"):
        campaign = decision.campaign
        authority, title = signer_lines(signer.get("role"))
        awardees = [awardee_entry(n, code=codes.get(n.pk, "")) for n in nominations]
        counts = {
            "collective": sum(
                1 for a in awardees if a["nominee_type"] == NomineeType.UNIT
            ),
            "person": sum(
                1 for a in awardees if a["nominee_type"] == NomineeType.PERSON
            ),
            "household": sum(
                1 for a in awardees if a["nominee_type"] == NomineeType.HOUSEHOLD
            ),
        }
        replaced = decision.replaces
        return {
            "version": SNAPSHOT_VERSION,
            "commune": settings.COMMUNE_NAME,
            "decision": {
                "id": decision.pk,
                "number": decision.number,
                "full_number": decision.full_number,
                "signed_on": decision.signed_on.isoformat(),
            },
            "replaces": {
                "id": replaced.pk,
                "full_number": replaced.full_number,
                "signed_on": replaced.signed_on.isoformat(),
            }
            if replaced
            else None,
            "campaign": {
                "id": campaign.pk,
                "name": campaign.name,
                "year": campaign.year,
                "plan_citation": campaign.plan_citation,
            },
            "award": {
                "id": kind.pk,
                "code": kind.code,
                "name": kind.name,
                "ad_hoc": kind.code == AwardKindCode.DOT_XUAT,
                "multipliers": {
                    "individual": str(kind.multiplier_individual),
                    "collective": str(kind.multiplier_collective),
                    "household": str(kind.multiplier_household),
                },
                "prize_basis": kind.prize_basis.citation if kind.prize_basis else "",
                "prize_basis_number": kind.prize_basis.number
                if kind.prize_basis
                else "",
            },
            "base_salary": {
                "id": base_salary.pk,
                "amount": base_salary.amount,
                "effective_from": base_salary.effective_from.isoformat(),
                "legal_document": base_salary.legal_document.citation,
                "legal_document_number": base_salary.legal_document.number,
            },
            "rounding": int(getattr(settings, "PRIZE_ROUNDING_VND", 10_000)),
            "legal_bases": campaign.legal_bases_list(decision=True),
            "proposal": PROPOSAL_LINE,
            "signer": {
                "user": signer.get("user"),
                "name": signer.get("name", ""),
                "role": str(signer.get("role") or ""),
                "authority": authority,
                "title": title,
            },
            "awardees": awardees,
            "counts": counts,
            "total": sum(a["prize_amount"] for a in awardees),
        }


@dataclass
class Doc:
    """The decision as the templates read it (from the snapshot, never the model)."""

    full_number: str
    signed_on: datetime.date
    signer_name: str
    signer_authority: str
    signer_title: str


def snapshot_rows(snapshot):
    names = {f.name for f in fields(AwardeeRow)}
    return [
        AwardeeRow(**{k: v for k, v in entry.items() if k in names})
        for entry in snapshot.get("awardees", [])
    ]


def snapshot_context(snapshot, rows=None):
    rows = rows if rows is not None else snapshot_rows(snapshot)
    decision = snapshot["decision"]
    signer = snapshot["signer"]
    doc = Doc(
        full_number=decision["full_number"],
        signed_on=datetime.date.fromisoformat(decision["signed_on"]),
        signer_name=signer["name"],
        signer_authority=signer["authority"],
        signer_title=signer["title"],
    )
    collectives = [r for r in rows if r.nominee_type == NomineeType.UNIT]
    people = [r for r in rows if r.nominee_type == NomineeType.PERSON]
    households = [r for r in rows if r.nominee_type == NomineeType.HOUSEHOLD]
    replaces = snapshot.get("replaces")
    if replaces:
        replaces = {
            "full_number": replaces["full_number"],
            "signed_on": datetime.date.fromisoformat(replaces["signed_on"]),
        }
    sections = [
        (label, group)
        for label, group in (
            ("Tập thể", collectives),
            ("Cá nhân", people),
            ("Hộ gia đình", households),
        )
        if group
    ]
    return {
        "snapshot": snapshot,
        "decision": doc,
        "campaign": snapshot["campaign"],
        "kind": snapshot["award"],
        "rows": rows,
        "sections": list(zip(("I", "II", "III"), sections, strict=False)),
        "collectives": collectives,
        "individuals": people + households,
        "summary": count_phrase(len(collectives), len(people), len(households)),
        "named": dict(
            zip(
                ("each", "all"),
                awardee_phrases(len(collectives), len(people), len(households)),
                strict=True,
            )
        ),
        "total": sum(r.prize_amount for r in rows),
        "base_salary": snapshot["base_salary"],
        "legal_bases": basis_lines(snapshot["legal_bases"], snapshot["proposal"]),
        "replaces": replaces,
        "commune": snapshot["commune"],
    }


def render_decision_pdf(snapshot):
    with translation.override("vi"):
        return render_pdf("awards/pdf/decision.html", snapshot_context(snapshot))


def render_certificates_pdf(snapshot, rows=None):
    with translation.override("vi"):
        return render_pdf(
            "awards/pdf/certificates.html", snapshot_context(snapshot, rows)
        )


# Positions in mm on an A4 landscape blank (the commune's pre-printed Giấy khen):
# the awardee's lines across the middle, then the decision's number and its date
# in their own slots, the golden-book number, and the signature block bottom right.
BLANK_POSITIONS = {
    "main_x": (30, "x"),
    "name_y": (98, "y"),
    "where_y": (111, "y"),
    "citation_y": (121, "y"),
    "number_x": (62, "x"),
    "number_y": (160, "y"),
    "date_x": (62, "x"),
    "date_y": (168, "y"),
    "book_x": (62, "x"),
    "book_y": (176, "y"),
    "qr_x": (26, "x"),
    "qr_y": (157, "y"),
    "sign_x": (172, "x"),
    "place_y": (150, "y"),
    "authority_y": (157, "y"),
    "signer_y": (186, "y"),
}


def blank_positions(dx_mm=0, dy_mm=0):
    shift = {"x": float(dx_mm or 0), "y": float(dy_mm or 0)}
    return {
        key: f"{value + shift[axis]:.1f}"
        for key, (value, axis) in BLANK_POSITIONS.items()
    }


def render_certificates_blank_pdf(snapshot, *, dx_mm=0, dy_mm=0, rows=None):
    """Only the variable text, placed for pre-printed blanks, shifted by dx/dy (mm)."""
    with translation.override("vi"):
        context = snapshot_context(snapshot, rows)
        context["pos"] = blank_positions(dx_mm, dy_mm)
        return render_pdf("awards/pdf/certificates_blank.html", context)


def workbook_title(snapshot):
    """The list's two title lines: the decision it goes with, and what it is about.

    "Danh sách kèm theo Quyết định số 05/QĐ-UBND ngày 20/12/2025 của Chủ tịch UBND
    xã Phong Quang" / "Về việc tặng … trong phong trào thi đua “…” năm 2025"
    (the decision's own summary). Read from the snapshot only.
    """
    decision, award, campaign = (
        snapshot["decision"],
        snapshot["award"],
        snapshot["campaign"],
    )
    signed_on = datetime.date.fromisoformat(decision["signed_on"])
    subject = (
        "Về việc khen thưởng đột xuất"
        if award.get("ad_hoc")
        else f"Về việc tặng {award['name']}"
    )
    return (
        f"Danh sách kèm theo Quyết định số {decision['full_number']} ngày "
        f"{official_date(signed_on)} của Chủ tịch UBND xã {snapshot['commune']}",
        f"{subject} trong phong trào thi đua “{campaign['name']}” năm "
        f"{campaign['year']}",
    )


# The list's rows: the two title lines, a blank row, the header, the awardees.
TITLE_ROWS = 3
COLUMNS = "ABCDEF"


def render_workbook(snapshot):
    """The list of awardees with their prize money and the total, under the
    decision's number, date and summary."""
    with translation.override("vi"):
        rows = snapshot_rows(snapshot)
        wb = Workbook()
        ws = wb.active
        ws.title = _("Awardees")[:31]
        for row, (text, font) in enumerate(
            zip(workbook_title(snapshot), (TITLE_FONT, SUBTITLE_FONT), strict=True),
            start=1,
        ):
            cell = write_cell(ws, row, 1, text)
            cell.font = font
            cell.alignment = TITLE_ALIGNMENT
            ws.merge_cells(f"A{row}:{COLUMNS[-1]}{row}")
            ws.row_dimensions[row].height = 32
        header_row = TITLE_ROWS + 1
        write_row(
            ws,
            header_row,
            [
                _("No."),
                _("Name"),
                _("Category"),
                _("Position, address or unit"),
                _("Golden book number"),
                _("Prize money (VND)"),
            ],
            bold=True,
        )
        for index, row in enumerate(rows, start=header_row + 1):
            write_row(
                ws,
                index,
                [
                    row.position,
                    row.name,
                    row.category_label,
                    row.where,
                    row.golden_book_number,
                    row.prize_amount,
                ],
            )
            ws.cell(row=index, column=6).number_format = "#,##0"
        total_row = header_row + len(rows) + 1
        write_row(
            ws,
            total_row,
            ["", pgettext("prize money", "Total"), "", "", "", None],
            bold=True,
        )
        total = ws.cell(row=total_row, column=6)
        total.value = sum(r.prize_amount for r in rows)
        total.number_format = "#,##0"
        for column, width in zip(COLUMNS, (6, 38, 14, 40, 16, 18), strict=True):
            ws.column_dimensions[column].width = width
        set_print_layout(ws, landscape=False, header_rows=header_row)
        # Fixed file metadata: the stored bytes depend on the snapshot only.
        issued = datetime.datetime.fromisoformat(snapshot["decision"]["signed_on"])
        wb.properties.created = wb.properties.modified = issued
        wb.properties.creator = snapshot["commune"]
        return wb


def workbook_bytes(snapshot):
    buffer = io.BytesIO()
    render_workbook(snapshot).save(buffer)
    return buffer.getvalue()


def document_filename(kind, snapshot):
    number = snapshot["decision"]["number"]
    year = snapshot["decision"]["signed_on"][:4]
    return {
        DecisionDocumentKind.DECISION_PDF: f"quyet-dinh-{number}-{year}.pdf",
        DecisionDocumentKind.CERTIFICATES_PDF: f"giay-khen-{number}-{year}.pdf",
        DecisionDocumentKind.CERTIFICATES_BLANK_PDF: (
            f"giay-khen-in-phoi-{number}-{year}.pdf"
        ),
        DecisionDocumentKind.DECISION_XLSX: (
            f"danh-sach-khen-thuong-{number}-{year}.xlsx"
        ),
        DecisionDocumentKind.DECISION_SIGNED_PDF: f"quyet-dinh-{number}-{year}-ky-so.pdf",
    }[kind]


# The four documents an issued decision keeps: kind → (renderer, content type).
KEPT_DOCUMENTS = {
    DecisionDocumentKind.DECISION_PDF: (render_decision_pdf, PDF),
    DecisionDocumentKind.CERTIFICATES_PDF: (render_certificates_pdf, PDF),
    DecisionDocumentKind.CERTIFICATES_BLANK_PDF: (render_certificates_blank_pdf, PDF),
    DecisionDocumentKind.DECISION_XLSX: (workbook_bytes, XLSX),
}


def render_documents(snapshot, kinds=None):
    """[(kind, bytes, content type)] of the kept documents (``kinds``: all four)."""
    return [
        (kind, render(snapshot), content_type)
        for kind, (render, content_type) in KEPT_DOCUMENTS.items()
        if kinds is None or kind in kinds
    ]
