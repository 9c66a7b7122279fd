"""The summary report as a document, in the Decree 30/2020 layout: PDF and DOCX.

``summary_blocks`` writes the report once, as a list of blocks (headings,
paragraphs, tables, charts); the PDF template and the DOCX builder both lay
out the same blocks, so the two files always say the same thing.

Layout: Decree 30/2020, Annex III, Mẫu 1.4 (a document with a type name: Báo
cáo), issued by the commune's People's Committee and signed "TM. ỦY BAN NHÂN
DÂN / CHỦ TỊCH"; the last paragraph stays with the signature.
"""

import base64
import datetime
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.utils import timezone

from awards.services import chairman_name
from phongquang_portal.core.documents import (
    commune_issuer,
    date_line,
    official_date,
    padded_reference,
)
from phongquang_portal.core.docx import AdministrativeDocx
from phongquang_portal.core.numbers import format_vn_number
from phongquang_portal.core.pdf import render_pdf

from .charts import data_uri
from .enums import SummaryState

RECIPIENTS = (
    "Thường trực Đảng ủy, HĐND xã",
    "Chủ tịch, các Phó Chủ tịch UBND xã",
    "Hội đồng Thi đua - Khen thưởng xã",
    "UB MTTQVN và các đoàn thể xã",
    "Các cơ quan, đơn vị, thôn",
    "Lưu: VT, VHXH",
)


@dataclass
class Block:
    kind: str  # heading, paragraph, table, chart, note
    text: str = ""
    header: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    widths: list = field(default_factory=list)
    png: bytes = b""
    caption: str = ""
    total_row: bool = False
    numeric_from: int = 1  # the columns from this one on hold numbers

    @property
    def src(self):
        return data_uri(self.png) if self.png else ""


def n(value, decimals=None):
    """A number as the document prints it: "3.127", "87,5"; "—" when missing."""
    if value is None:
        return "—"
    return format_vn_number(value, decimals)


def round_word(period):
    """ "tổng kết" for the year's last round, else "sơ kết"."""
    name = period.name.lower()
    return "tổng kết" if "tổng kết" in name else "sơ kết"


def summary_blocks(summary, data):
    """The report's content, from the data and the office's own sections."""
    period, campaign = data.period, data.campaign
    blocks = []
    add = blocks.append
    plan = campaign.plan_number.strip()
    plan_ref = (
        f"Kế hoạch số {padded_reference(plan)}"
        if plan and not plan.startswith("…")
        else "Kế hoạch"
    )
    if campaign.plan_date:
        plan_ref += f" ngày {official_date(campaign.plan_date)}"
    add(
        Block(
            "paragraph",
            f"Thực hiện {plan_ref} của Ủy ban nhân dân xã về tổ chức phong trào thi "
            f"đua “{campaign.name}” trên địa bàn xã {settings.COMMUNE_NAME} năm "
            f"{campaign.year}, Ủy ban nhân dân xã báo cáo kết quả {round_word(period)} "
            f"({period.name}) như sau:",
        )
    )
    add(Block("heading", "I. KẾT QUẢ THỰC HIỆN"))

    # 1. Participation and punctuality.
    total = data.participation_total
    add(Block("subheading", "1. Sự tham gia của các cơ quan, đơn vị, thôn"))
    text = (
        f"Có {n(total.submitted)}/{n(total.expected)} cơ quan, đơn vị, thôn gửi báo cáo"
        f" ({n(total.share)}%), trong đó {n(total.on_time)} báo cáo đúng hạn và "
        f"{n(total.late)} báo cáo chậm so với hạn {period.due_on:%d/%m/%Y}"
    )
    if total.extended:
        text += f"; {n(total.extended)} đơn vị được Phòng Văn hóa - Xã hội gia hạn"
    text += (
        f"; {n(total.in_progress)} đơn vị đang hoàn thiện và {n(total.not_started)} "
        "đơn vị chưa gửi báo cáo."
    )
    add(Block("paragraph", text))
    rows = [
        [
            line.label,
            n(line.expected),
            n(line.on_time),
            n(line.late),
            n(line.in_progress + line.not_started),
            n(line.share),
        ]
        for line in data.participation
    ]
    rows.append(
        [
            "Tổng cộng",
            n(total.expected),
            n(total.on_time),
            n(total.late),
            n(total.in_progress + total.not_started),
            n(total.share),
        ]
    )
    add(
        Block(
            "table",
            header=[
                "Đối tượng",
                "Phải báo cáo",
                "Đúng hạn",
                "Chậm",
                "Chưa nộp",
                "Tỷ lệ nộp (%)",
            ],
            rows=rows,
            widths=[5.0, 2.2, 2.0, 1.8, 2.0, 2.5],
            total_row=True,
            numeric_from=1,
        )
    )
    if data.charts.get("participation"):
        add(
            Block(
                "chart",
                png=data.charts["participation"],
                caption="Biểu đồ 1. Tình hình gửi báo cáo của các cơ quan, đơn vị, thôn",
            )
        )

    # 2. Results per goal a–h.
    add(Block("subheading", "2. Kết quả thực hiện các mục tiêu thi đua"))
    for goal_block, models in data.goals:
        goal = goal_block.goal
        add(Block("goal", f"{goal.code}) {goal.title}"))
        if goal_block.indicators:
            add(
                Block(
                    "table",
                    header=[
                        "TT",
                        "Chỉ tiêu",
                        "ĐVT",
                        "Kết quả",
                        "Chỉ tiêu xã",
                        "Đạt (%)",
                    ],
                    rows=[
                        [
                            str(index),
                            s.indicator.name
                            + (
                                " (bình quân)"
                                if s.indicator.aggregation == "average"
                                else ""
                            ),
                            s.indicator.unit_of_measure,
                            n(s.result),
                            n(s.indicator.target),
                            n(s.progress),
                        ]
                        for index, s in enumerate(goal_block.indicators, start=1)
                    ],
                    widths=[1.0, 7.0, 1.8, 2.2, 2.2, 1.8],
                    numeric_from=3,
                )
            )
        units = len(goal_block.narratives)
        sentence = f"Có {n(units)} cơ quan, đơn vị, thôn báo cáo kết quả nội dung này"
        if models:
            sentence += f"; {n(models)} mô hình điển hình được công nhận"
        add(Block("paragraph", sentence + "."))
    if data.charts.get("progress"):
        add(
            Block(
                "chart",
                png=data.charts["progress"],
                caption="Biểu đồ 2. Kết quả so với chỉ tiêu của xã",
            )
        )

    # 3. The priority fields of h.
    if data.fields:
        add(Block("subheading", "3. Kết quả trong các lĩnh vực ưu tiên (mục tiêu h)"))
        rows = []
        for index, block in enumerate(data.fields, start=1):
            results = "; ".join(
                f"{s.indicator.name}: {n(s.result)} {s.indicator.unit_of_measure}".strip()
                for s in block.indicators
            )
            rows.append(
                [
                    str(index),
                    block.field.name,
                    results or "—",
                    n(block.models),
                    n(block.spread),
                ]
            )
        add(
            Block(
                "table",
                header=[
                    "TT",
                    "Lĩnh vực",
                    "Kết quả chỉ tiêu",
                    "Mô hình được công nhận",
                    "Mô hình đã nhân rộng",
                ],
                rows=rows,
                widths=[1.0, 3.5, 6.5, 2.5, 2.5],
                numeric_from=3,
            )
        )

    # 4. Exemplary models.
    models = data.models
    add(Block("subheading", "4. Xây dựng, nhân rộng điển hình tiên tiến"))
    add(
        Block(
            "paragraph",
            f"Có {n(models['recognised'])} mô hình, điển hình tiên tiến được công nhận; "
            f"{n(models['spread_models'])} mô hình đã được nhân rộng với "
            f"{n(models['spreadings'])} lượt đơn vị áp dụng; {n(models['proposed'])} mô "
            "hình đang được đề xuất, xem xét.",
        )
    )
    if models["models"]:
        add(
            Block(
                "table",
                header=[
                    "TT",
                    "Tên mô hình",
                    "Đơn vị",
                    "Mục tiêu",
                    "Công nhận",
                    "Nhân rộng",
                ],
                rows=[
                    [
                        str(index),
                        model.name,
                        model.unit.name,
                        ", ".join(goal.code for goal in model.goals.all()),
                        f"{model.recognised_on:%d/%m/%Y}"
                        if model.recognised_on
                        else "",
                        n(model.spread_count),
                    ]
                    for index, model in enumerate(models["models"], start=1)
                ],
                widths=[1.0, 5.0, 3.8, 1.6, 2.8, 1.8],
                numeric_from=5,
            )
        )

    # 5. Awards.
    awards = data.awards_total
    add(Block("subheading", "5. Công tác khen thưởng"))
    add(
        Block(
            "paragraph",
            f"Đã khen thưởng {n(awards.total)} tập thể, cá nhân, hộ gia đình "
            f"({n(awards.collectives)} tập thể, {n(awards.individuals)} cá nhân, "
            f"{n(awards.households)} hộ gia đình); tổng số tiền thưởng "
            f"{n(awards.prize_total)} đồng.",
        )
    )
    add(
        Block(
            "table",
            header=[
                "Hình thức khen thưởng",
                "Tập thể",
                "Cá nhân",
                "Hộ gia đình",
                "Tổng",
            ],
            rows=[
                [
                    row.kind.name,
                    n(row.collectives),
                    n(row.individuals),
                    n(row.households),
                    n(row.total),
                ]
                for row in data.awards
            ]
            + [
                [
                    "Tổng cộng",
                    n(awards.collectives),
                    n(awards.individuals),
                    n(awards.households),
                    n(awards.total),
                ]
            ],
            widths=[6.5, 2.2, 2.2, 2.4, 2.2],
            total_row=True,
            numeric_from=1,
        )
    )
    if data.charts.get("awards"):
        add(
            Block(
                "chart",
                png=data.charts["awards"],
                caption="Biểu đồ 3. Kết quả khen thưởng theo hình thức",
            )
        )

    # The office's own sections.
    for title, text in (
        ("II. ĐÁNH GIÁ CHUNG", summary.assessment),
        ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ", summary.next_steps),
        ("IV. KIẾN NGHỊ, ĐỀ XUẤT", summary.proposals),
    ):
        add(Block("heading", title))
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        for line in lines or ["…"]:
            add(Block("paragraph", line))
    return blocks


def title_lines(period):
    campaign = period.campaign
    return [
        f"{round_word(period).capitalize()} phong trào thi đua "
        f"“{campaign.name}” năm {campaign.year}",
    ]


# --- The figures as issued ---------------------------------------------------------

SNAPSHOT_VERSION = 1


def summary_snapshot(summary, data):
    """The summary's figures as issued, JSON-able: its blocks (charts as base64 PNG),
    the time the figures were read, the title and the signer."""
    blocks = []
    for block in summary_blocks(summary, data):
        entry = asdict(block)
        entry["png"] = base64.b64encode(block.png).decode("ascii") if block.png else ""
        blocks.append(entry)
    return {
        "version": SNAPSHOT_VERSION,
        "generated_at": data.generated_at.isoformat(),
        "title_lines": title_lines(data.period),
        "signer": chairman_name(),
        "blocks": blocks,
    }


def snapshot_blocks(snapshot):
    """The blocks of a snapshot, as ``summary_blocks`` made them at issue."""
    blocks = []
    for entry in snapshot.get("blocks", []):
        entry = dict(entry)
        png = entry.pop("png", "")
        blocks.append(Block(**entry, png=base64.b64decode(png) if png else b""))
    return blocks


def snapshot_time(snapshot):
    """The local time the issued figures were read."""
    return timezone.localtime(datetime.datetime.fromisoformat(snapshot["generated_at"]))


def _context(summary, data):
    """The document's context: from the figures as issued once the summary is, else
    from ``data`` (the live figures of a draft)."""
    issued = summary.state == SummaryState.ISSUED
    day = summary.issued_on if issued else timezone.localdate()
    frozen = summary.snapshot if issued and summary.snapshot else None
    if frozen:
        blocks, titles, signer = (
            snapshot_blocks(frozen),
            frozen["title_lines"],
            frozen["signer"],
        )
    else:
        blocks = summary_blocks(summary, data)
        titles, signer = title_lines(data.period), chairman_name()
    return {
        "summary": summary,
        # The last paragraph is printed with the signature (never alone on a page).
        "blocks": blocks[:-1],
        "closing_blocks": blocks[-1:],
        "draft": not issued,
        "commune": settings.COMMUNE_NAME,
        "issuer": commune_issuer(),
        "number_line": f"Số: {summary.full_number}",
        "place_date": f"{settings.COMMUNE_NAME}, {date_line(day)}",
        "title_lines": titles,
        "recipients": RECIPIENTS,
        "signer": signer,
    }


def summary_pdf(summary, data=None):
    """The summary as PDF: from its figures as issued, or from ``data`` (a draft)."""
    return render_pdf("yearend/pdf/summary.html", _context(summary, data))


def summary_docx(summary, data=None):
    """The summary as DOCX: from its figures as issued, or from ``data`` (a draft)."""
    context = _context(summary, data)
    doc = AdministrativeDocx()
    doc.header(
        issuer=context["issuer"],
        number_line=context["number_line"],
        place_date=context["place_date"],
    )
    if context["draft"]:
        doc.draft_mark()
    doc.title("BÁO CÁO", subtitle_lines=context["title_lines"])
    for block in context["blocks"] + context["closing_blocks"]:
        if block.kind == "heading":
            doc.heading(block.text)
        elif block.kind in ("subheading", "goal"):
            doc.paragraph(
                block.text, bold=block.kind == "subheading", italic=block.kind == "goal"
            )
        elif block.kind == "paragraph":
            doc.paragraph(block.text)
        elif block.kind == "table":
            doc.table(block.header, block.rows, widths_cm=block.widths or None)
        elif block.kind == "chart":
            doc.picture(block.png, width_cm=16.0, caption=block.caption)
    recipients = list(context["recipients"])
    doc.signature(
        recipients=[f"{r};" for r in recipients[:-1]] + [f"{recipients[-1]}."],
        authority_lines=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        signer_name=context["signer"],
    )
    return doc.bytes()
