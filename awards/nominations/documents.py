"""The units' documents of a dossier, as PDF and as editable DOCX: the tờ trình
(Decree 30/2020, Annex III, Mẫu 1.4) and the báo cáo thành tích in its three parts
(the emulation decree's form, in the layout of Mẫu 1.4). They are read from the
live dossiers and dated from their submission (a draft: today, marked "DỰ THẢO").

The header lines, dates and signature titles come from
``phongquang_portal.core.documents``, as for every document of the portal."""

from django.conf import settings
from django.utils import timezone, translation

from phongquang_portal.core.documents import (
    commune_parent,
    date_line,
    issuer_header,
    official_date,
    signature_lines,
)
from phongquang_portal.core.docx import CENTER, AdministrativeDocx
from phongquang_portal.core.pdf import render_pdf

from ..common.documents import basis_lines, count_phrase, two_digits
from ..enums import EDITABLE_STATES, Category, NominationState, NomineeType
from .selectors import nomination_queryset

# A dossier's documents are dated from its submission; a draft (not submitted yet, or
# returned for completion) is dated today and marked "DỰ THẢO".


def issuer_block(unit):
    """(parent body's lines, the unit's lines) of a unit's draft header (Decree 30/2020)."""
    parent = unit.parent.name if unit.parent_id else commune_parent()
    header = issuer_header(unit.name, parent=parent)
    return header["parent"], header["body"]


def dossier_date(nominations):
    """(the date the documents bear, whether they are a draft).

    The dossiers' submission (the latest of them, when one tờ trình carries
    several); while any is still a draft or back with the unit, today's date,
    and the documents say "DỰ THẢO".
    """
    submitted = [
        n.submitted_at
        for n in nominations
        if n.submitted_at and n.state not in EDITABLE_STATES
    ]
    if not submitted or len(submitted) < len(nominations):
        return timezone.localdate(), True
    return timezone.localdate(max(submitted)), False


def _unit_signer(unit):
    """The head of ``unit`` and their title, for the signature block of drafts."""
    from phongquang_portal.core.names import user_display_name
    from units.enums import Role
    from units.models import Membership

    membership = (
        Membership.objects.filter(role=Role.UNIT_HEAD, unit=unit)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is None:
        return "THỦ TRƯỞNG ĐƠN VỊ", ""
    title = (membership.title or "Thủ trưởng đơn vị").upper()
    return title, user_display_name(membership.user)


def blank_date_line(year):
    """ "ngày      tháng      năm 2026": a date to be written by hand."""
    gap = "\u00a0" * 6
    return f"ngày{gap}tháng{gap}năm {year}"


def nominee_rows(nominations):
    """The tờ trình's list: number (two digits), name, position or address, unit."""
    return [
        {
            "number": two_digits(index),
            "name": n.nominee_document_name,
            "description": n.nominee_description,
            "unit": n.proposing_unit.name,
        }
        for index, n in enumerate(nominations, start=1)
    ]


def to_trinh_data(nomination):
    """What the tờ trình (Mẫu 01) of the proposing unit says, for PDF and DOCX."""
    unit = nomination.proposing_unit
    nominations = list(
        nomination_queryset()
        .filter(
            campaign=nomination.campaign,
            award_kind=nomination.award_kind,
            proposing_unit=unit,
        )
        .exclude(state=NominationState.REJECTED)
        .order_by("pk")
    )
    rank = {NomineeType.UNIT: 0, NomineeType.PERSON: 1, NomineeType.HOUSEHOLD: 2}
    nominations.sort(key=lambda n: (rank[n.nominee_type], n.pk))
    counts = [
        sum(1 for n in nominations if n.nominee_type == t)
        for t in (NomineeType.UNIT, NomineeType.PERSON, NomineeType.HOUSEHOLD)
    ]
    title, name = _unit_signer(unit)
    parent, own = issuer_block(unit)
    campaign = nomination.campaign
    day, draft = dossier_date(nominations)
    return {
        "unit": unit,
        "issuer": {"parent": parent, "body": own},
        "superior_lines": parent,
        "unit_lines": own,
        "campaign": campaign,
        "kind": nomination.award_kind,
        "nominations": nominations,
        "rows": nominee_rows(nominations),
        "collectives": [n for n in nominations if n.category == Category.COLLECTIVE],
        "individuals": [n for n in nominations if n.category != Category.COLLECTIVE],
        "summary": count_phrase(*counts),
        "legal_bases": basis_lines(campaign.legal_bases_list()),
        "signer_title": title,
        "signer_title_lines": signature_lines(title),
        "signer_name": name,
        "day": day,
        "draft": draft,
        "date_line": date_line(day),
        "number_line": f"Số:{chr(0xA0) * 8}/TTr-{unit.short_name or '…'}",
        "commune": settings.COMMUNE_NAME,
    }


def to_trinh_pdf(nomination):
    """Draft tờ trình of the proposing unit for every nomination it makes for that award."""
    with translation.override("vi"):
        return render_pdf("awards/pdf/to_trinh.html", to_trinh_data(nomination))


def report_data(nomination):
    """What the báo cáo thành tích says, in the official three parts."""
    _title, name = _unit_signer(nomination.proposing_unit)
    achievements = [
        line.strip() for line in nomination.achievements.splitlines() if line.strip()
    ]
    parent, own = issuer_block(nomination.proposing_unit)
    day, draft = dossier_date([nomination])
    nominee = nomination.nominee
    return {
        "nomination": nomination,
        "nominee": nominee,
        "nominee_name": nomination.nominee_document_name,
        "type": nomination.nominee_type,
        "unit": nomination.proposing_unit,
        "issuer": {"parent": parent, "body": own},
        "superior_lines": parent,
        "unit_lines": own,
        "campaign": nomination.campaign,
        "goals": list(nomination.goals.all()),
        "achievements": achievements,
        "prior_awards": list(nomination.prior_awards.all()),
        "cited_models": cited_models_of(nomination),
        "signer_name": name,
        "signatures": report_signatures(nomination.nominee_type, nominee, name),
        "day": day,
        "draft": draft,
        "date_line": date_line(day),
        "commune": settings.COMMUNE_NAME,
    }


def report_signatures(nominee_type, nominee, unit_head):
    """The báo cáo thành tích's two signature blocks: the confirmation (left) and
    the reporter (right)."""
    if nominee_type == NomineeType.UNIT:
        return [
            {"titles": ["XÁC NHẬN CỦA", "CẤP TRÌNH KHEN"], "name": ""},
            {"titles": ["THỦ TRƯỞNG ĐƠN VỊ"], "name": unit_head},
        ]
    reporter = (
        nominee.full_name if nominee_type == NomineeType.PERSON else nominee.head_name
    )
    return [
        {"titles": ["XÁC NHẬN CỦA", "THỦ TRƯỞNG ĐƠN VỊ"], "name": unit_head},
        {"titles": ["NGƯỜI BÁO CÁO THÀNH TÍCH"], "name": reporter},
    ]


def report_pdf(nomination):
    """Draft báo cáo thành tích of the nominee, in the official three parts."""
    with translation.override("vi"):
        return render_pdf("awards/pdf/report.html", report_data(nomination))


def _subtitle(kind, campaign):
    return [
        f"Về việc đề nghị tặng {kind.name}",
        f"trong phong trào thi đua “{campaign.name}” năm {campaign.year}",
    ]


def to_trinh_docx(nomination):
    """The tờ trình as an editable Word file, in the same Decree 30 layout."""
    data = to_trinh_data(nomination)
    unit, campaign, kind = data["unit"], data["campaign"], data["kind"]
    commune = data["commune"]
    doc = AdministrativeDocx()
    doc.header(
        issuer=data["issuer"],
        number_line=data["number_line"],
        place_date=f"{commune}, {data['date_line']}",
    )
    if data["draft"]:
        doc.draft_mark()
    doc.title("TỜ TRÌNH", subtitle_lines=_subtitle(kind, campaign))
    doc.paragraph(
        f"Kính gửi: Chủ tịch Ủy ban nhân dân xã {commune}", indent=False, align=CENTER
    )
    doc.paragraph("(qua Phòng Văn hóa - Xã hội)", indent=False, align=CENTER)
    doc.legal_bases(data["legal_bases"])
    doc.paragraph(
        f"Căn cứ kết quả thực hiện phong trào thi đua và biên bản họp xét thi đua, "
        f"khen thưởng của {unit.name}, tập thể {unit.name} đã họp, bình xét thành tích "
        f"của các tập thể, cá nhân."
    )
    doc.paragraph(
        f"{unit.name} kính đề nghị Chủ tịch Ủy ban nhân dân xã {commune} xem xét, "
        f"tặng {kind.name} cho {data['summary']} có thành tích xuất sắc, cụ thể:"
    )
    doc.table(
        ["STT", "Tên tập thể, cá nhân, hộ gia đình", "Chức vụ hoặc địa chỉ", "Đơn vị"],
        [
            [row["number"], row["name"], row["description"], row["unit"]]
            for row in data["rows"]
        ],
        widths_cm=(1.2, 5.8, 5.0, 4.0),
    )
    doc.paragraph("(Có báo cáo thành tích kèm theo)", italic=True)
    doc.paragraph("Kính trình Chủ tịch Ủy ban nhân dân xã xem xét, quyết định./.")
    doc.signature(
        recipients=["Như trên;", f"Lưu: {unit.short_name or 'VT'}."],
        authority_lines=[data["signer_title"]],
        signer_name=data["signer_name"],
    )
    return doc.bytes()


def report_docx(nomination):
    """The báo cáo thành tích as an editable Word file (three parts)."""
    data = report_data(nomination)
    nominee, kind = data["nominee"], nomination.award_kind
    campaign = data["campaign"]
    doc = AdministrativeDocx()
    doc.header(
        issuer=data["issuer"],
        number_line="",
        place_date=f"{data['commune']}, {data['date_line']}",
    )
    if data["draft"]:
        doc.draft_mark()
    doc.title(
        "BÁO CÁO THÀNH TÍCH",
        subtitle_lines=[
            f"Đề nghị tặng {kind.name}",
            f"trong phong trào thi đua “{campaign.name}” năm {campaign.year}",
        ],
    )
    if data["type"] == NomineeType.UNIT:
        doc.heading(f"Tên tập thể đề nghị khen thưởng: {nominee.name}", center=True)
        doc.heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
        facts = [
            f"- Địa chỉ trụ sở: {nominee.address or '…'}",
            f"- Điện thoại: {nominee.phone or '…'}",
            f"- Số thành viên, cán bộ: {nominee.staff_count or '…'}",
            "- Chức năng, nhiệm vụ và cơ cấu tổ chức:",
            *(nomination.profile or "…").splitlines(),
        ]
    elif data["type"] == NomineeType.PERSON:
        doc.heading("I. SƠ LƯỢC LÝ LỊCH")
        birth = (
            nominee.date_of_birth.strftime("%d/%m/%Y") if nominee.date_of_birth else "…"
        )
        facts = [
            f"- Họ và tên: {nominee.full_name}",
            f"- Sinh ngày, tháng, năm: {birth}; giới tính: "
            f"{nominee.get_sex_display() or '…'}",
            f"- Quê quán: {nominee.hometown or '…'}",
            f"- Trú quán: {nominee.residence or '…'}",
            f"- Đơn vị công tác: {nominee.unit.name if nominee.unit else '…'}",
            f"- Chức vụ: {nominee.position or '…'}",
            f"- Trình độ chuyên môn, nghiệp vụ: {nominee.qualifications or '…'}",
            *nomination.profile.splitlines(),
        ]
    else:
        doc.heading("I. SƠ LƯỢC ĐẶC ĐIỂM HỘ GIA ĐÌNH")
        facts = [
            f"- Chủ hộ: {nominee.head_name}",
            f"- Số nhân khẩu: {nominee.members_count}",
            f"- Địa chỉ: {nominee.address or nominee.hamlet.name}",
            f"- Lĩnh vực sản xuất, kinh doanh: {nominee.field_of_activity or '…'}",
            *nomination.profile.splitlines(),
        ]
    for fact in facts:
        if fact.strip():
            doc.paragraph(fact, indent=False)
    doc.heading("II. THÀNH TÍCH ĐẠT ĐƯỢC")
    if data["goals"]:
        goals = "; ".join(f"{g.code}) {g.title}" for g in data["goals"])
        doc.paragraph(f"Thành tích gắn với các mục tiêu thi đua của Kế hoạch: {goals}.")
    for paragraph in data["achievements"] or ["…"]:
        doc.paragraph(paragraph)
    if data["cited_models"]:
        doc.paragraph("Mô hình, điển hình tiên tiến đã được công nhận:")
        for model in data["cited_models"]:
            recognised = (
                official_date(model.recognised_on) if model.recognised_on else "…"
            )
            line = f"- “{model.name}” ({model.unit.name}), được công nhận ngày {recognised}"
            if model.spread_count:
                line += f", đã nhân rộng tới {model.spread_count} đơn vị"
            doc.paragraph(line + ".", indent=False)
    doc.heading("III. HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG")
    doc.table(
        [
            "Năm",
            "Danh hiệu thi đua, hình thức khen thưởng",
            "Số, ngày, tháng, năm của quyết định",
            "Cơ quan ban hành",
        ],
        [
            [a.year, a.title, a.decision_reference, a.issued_by]
            for a in data["prior_awards"]
        ]
        or [["", "Chưa có", "", ""]],
        widths_cm=(1.8, 5.6, 4.6, 4.0),
    )
    left, right = data["signatures"]
    doc.two_signatures(left, right)
    return doc.bytes()


def cited_models_of(nomination):
    """The exemplary models the report cites, with how far each has spread."""
    from django.db.models import Count

    return list(
        nomination.cited_models.select_related("unit")
        .annotate(spread_count=Count("spreads"))
        .order_by("recognised_on", "name")
    )
