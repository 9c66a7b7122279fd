"""The minutes (biên bản) of a council meeting, as PDF and as a Word draft.

One row source feeds both: the attendance member by member, the voting mode,
each nomination's tally computed from the ballots and its result, the members
who did not vote on a nomination and why (recusals), the absent members'
written opinions, signed by the meeting's chair and its secretary.

Layout: Decree 30/2020, Annex III, Mẫu 1.9 (Biên bản): the council under the
commune's People's Committee, the number line, the name of the type and its
summary with a rule under it, and the two signatures side by side (the
secretary left, the chair right) on one baseline.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from phongquang_portal.core.documents import (
    commune_parent,
    date_line,
    issuer_header,
)
from phongquang_portal.core.docx import AdministrativeDocx
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.pdf import render_pdf

from ..enums import BallotMode
from .selectors import agenda_lines, attendance_of, missing_ballots, opinions_of
from .services import quorum_needed

COUNCIL_NAME = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"

RESULT = {True: "Đạt", False: "Không đạt", None: "—"}


# The minutes are written in Vietnamese whatever the reader's language.
RECUSAL_WHY = {
    "nominee": "là người được đề nghị khen thưởng",
    "heads_nominee": "là người đứng đầu tập thể được đề nghị",
    "belongs_nominee": "là thành viên của tập thể được đề nghị",
    "heads_proposing": "là người đứng đầu đơn vị đề nghị",
    "belongs_proposing": "là thành viên của đơn vị đề nghị",
}

MODE = {
    BallotMode.SECRET: "bỏ phiếu kín",
    BallotMode.OPEN: "biểu quyết công khai",
}


@dataclass(frozen=True)
class MinutesRow:
    number: int
    nominee: str
    award: str
    category: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    voting: int  # the members who cast a ballot on it (for, against or abstain)
    result: str


def minutes_context(meeting):
    """Everything the minutes print, from the meeting's own records."""
    attendance = attendance_of(meeting)
    lines = agenda_lines(meeting, attendance=attendance)
    present = [a.member for a in attendance if a.present]
    absent = [a.member for a in attendance if not a.present]
    secret = meeting.ballot_mode == BallotMode.SECRET
    waiting = {n.pk: members for n, members in missing_ballots(meeting)}
    rows = []
    recusals = []
    not_voting = []
    for number, line in enumerate(lines, start=1):
        nomination = line.nomination
        tally = line.tally or {"for": 0, "against": 0, "abstain": 0, "present": 0}
        cast = tally["for"] + tally["against"] + tally["abstain"]
        if meeting.typed_tallies:
            cast = tally["present"]
        absent_voters = waiting.get(nomination.pk, [])
        if absent_voters:
            not_voting.append(
                {
                    "nominee": nomination.nominee_document_name,
                    "may_vote": tally["present"],
                    "cast": cast,
                    "count": len(absent_voters),
                    # A secret ballot never says who voted on what: numbers only.
                    "members": []
                    if secret
                    else [user_display_name(m) for m in absent_voters],
                }
            )
        rows.append(
            MinutesRow(
                number=number,
                nominee=nomination.nominee_document_name,
                award=nomination.award_kind.name,
                category=str(nomination.get_category_display()),
                votes_for=tally["for"],
                votes_against=tally["against"],
                votes_abstain=tally["abstain"],
                voting=cast,
                result=RESULT[nomination.council_passed],
            )
        )
        for member, code in line.recusals:
            recusals.append(
                {
                    "member": user_display_name(member),
                    "nominee": nomination.nominee_document_name,
                    "why": RECUSAL_WHY[code],
                }
            )
    chair = meeting.chair
    context = {
        "meeting": meeting,
        "campaign": meeting.campaign,
        "commune": settings.COMMUNE_NAME,
        # The day the meeting sat (see meeting_day), set below.
        "date_line": "",
        "present": [user_display_name(m) for m in present],
        "absent": [user_display_name(m) for m in absent],
        "quorum": _quorum(meeting),
        "mode": MODE.get(meeting.ballot_mode, meeting.ballot_mode),
        "rows": rows,
        "recusals": recusals,
        "not_voting": not_voting,
        "secret": secret,
        "close_reason": meeting.close_reason,
        "recipients": RECIPIENTS,
        "opinions": [
            {
                "member": user_display_name(o.member),
                "nominee": o.nomination.nominee_document_name if o.nomination else "",
                "text": o.text,
            }
            for o in opinions_of(meeting)
        ],
        "chair_name": user_display_name(chair) if chair else "",
        "secretary_name": user_display_name(meeting.secretary)
        if meeting.secretary
        else "",
        "opened_at": _local(meeting.opened_at),
        "closed_at": _local(meeting.closed_at),
    }
    context["date_line"] = date_line(meeting_day(context))
    return context


def _local(moment):
    return timezone.localtime(moment) if moment else None


def meeting_day(c):
    """The day the meeting really sat (opened), or the day it was called for."""
    opened = c["opened_at"]
    return opened.date() if opened else c["meeting"].held_on


def _quorum(meeting):
    return quorum_needed(meeting.members_total)


def minutes_layout(context):
    """The header and the signatures of the minutes, for the PDF and the DOCX."""
    return {
        "issuer": issuer_header(COUNCIL_NAME, parent=commune_parent()),
        "number_line": NUMBER_LINE,
        "signatures": [
            {"titles": ["THƯ KÝ"], "name": context["secretary_name"]},
            {
                "titles": ["CHỦ TRÌ", "CHỦ TỊCH HỘI ĐỒNG"],
                "name": context["chair_name"],
            },
        ],
    }


SECTION_IV = "IV. Thành viên có mặt không bỏ phiếu, không tham gia biểu quyết"

RECIPIENTS = [
    "Chủ tịch UBND xã (để báo cáo)",
    "Thành viên Hội đồng TĐKT xã",
    "Lưu: VT, VHXH",
]

# The number is written when the minutes are registered (Decree 30: "Số: …/BB-…").
NUMBER_LINE = f"Số:{chr(0xA0) * 6}/BB-HĐTĐKT"


def minutes_pdf(meeting):
    context, sentences = minutes_sentences(meeting)
    return render_pdf(
        "awards/pdf/bien_ban_hop.html",
        {**context, **sentences, **minutes_layout(context)},
    )


def minutes_docx(meeting):
    """The same minutes as a Word draft (AdministrativeDocx), for the office to finish."""
    c = minutes_context(meeting)
    layout = minutes_layout(c)
    doc = AdministrativeDocx()
    doc.header(
        issuer=layout["issuer"],
        number_line=layout["number_line"],
        place_date=f"{c['commune']}, {c['date_line']}",
    )
    doc.title(
        "Biên bản họp Hội đồng Thi đua - Khen thưởng",
        subtitle_lines=[
            f"Xét khen thưởng phong trào thi đua “{c['campaign'].name}” "
            f"năm {c['campaign'].year}"
        ],
    )
    for text in _opening(c):
        doc.paragraph(text)
    doc.heading("I. Thành phần")
    for text in _attendance_lines(c):
        doc.paragraph(text)
    doc.heading("II. Hình thức biểu quyết")
    doc.paragraph(f"Hội đồng {c['mode']} đối với từng hồ sơ đề nghị khen thưởng.")
    doc.heading("III. Kết quả biểu quyết")
    doc.table(
        [
            "STT",
            "Tập thể, cá nhân, hộ gia đình",
            "Hình thức khen thưởng",
            "Đồng ý",
            "Không đồng ý",
            "Không biểu quyết",
            "Số thành viên đã biểu quyết",
            "Kết quả",
        ],
        [
            [
                r.number,
                r.nominee,
                r.award,
                r.votes_for,
                r.votes_against,
                r.votes_abstain,
                r.voting,
                r.result,
            ]
            for r in c["rows"]
        ],
        widths_cm=(1.3, 4.0, 3.0, 1.4, 1.6, 1.7, 1.8, 1.7),
        font_size=11,
    )
    doc.heading(SECTION_IV)
    for text in _not_voting_lines(c) + _recusal_lines(c):
        doc.paragraph(text)
    doc.heading("V. Ý kiến bằng văn bản của thành viên vắng mặt")
    for text in _opinion_lines(c):
        doc.paragraph(text)
    doc.paragraph(_closing(c))
    left, right = layout["signatures"]
    doc.two_signatures(left, right)
    doc.recipients_below(_recipient_lines(c))
    return doc.bytes()


def _recipient_lines(c):
    recipients = list(c["recipients"])
    return [f"{r};" for r in recipients[:-1]] + [f"{recipients[-1]}."]


def _hour(moment):
    return f"{moment:%H} giờ {moment:%M} phút"


def _opening(c):
    opened = c["opened_at"]
    when = f"vào lúc {_hour(opened)}, " if opened else ""
    return [
        f"Hôm nay, {when}{c['date_line']}, tại trụ sở Ủy ban nhân dân xã "
        f"{c['commune']}, Hội đồng Thi đua - Khen thưởng xã họp xét đề nghị khen "
        f"thưởng phong trào thi đua “{c['campaign'].name}” năm {c['campaign'].year}."
    ]


def _attendance_lines(c):
    meeting = c["meeting"]
    lines = [
        f"Chủ trì: {c['chair_name'] or '…'}, Chủ tịch Hội đồng. "
        f"Thư ký: {c['secretary_name'] or '…'}.",
        f"Thành viên có mặt: {len(c['present'])}/{meeting.members_total} "
        f"({', '.join(c['present']) or 'không có'}).",
        f"Thành viên vắng mặt: {len(c['absent'])} "
        f"({', '.join(c['absent']) or 'không có'}).",
    ]
    enough = len(c["present"]) >= c["quorum"]
    lines.append(
        f"Số thành viên có mặt {'đủ' if enough else 'không đủ'} điều kiện để Hội "
        f"đồng họp (tối thiểu {c['quorum']} thành viên)."
    )
    return lines


def _not_voting_lines(c):
    """Per dossier, the members present who could vote and did not."""
    lines = []
    for row in c["not_voting"]:
        who = (
            f": {', '.join(row['members'])}"
            if row["members"]
            else " (bỏ phiếu kín, không ghi tên)"
        )
        lines.append(
            f"- Hồ sơ {row['nominee']}: {row['cast']}/{row['may_vote']} thành viên "
            f"được biểu quyết đã bỏ phiếu; {row['count']} thành viên có mặt "
            f"không bỏ phiếu{who}."
        )
    if c["close_reason"]:
        lines.append(
            f"Chủ trì cuộc họp xác nhận kết thúc biểu quyết khi còn thành viên có "
            f"mặt chưa bỏ phiếu, lý do: {c['close_reason']}"
        )
    return lines


def _recusal_lines(c):
    if not c["recusals"]:
        return [] if c["not_voting"] else ["Không có."]
    return [
        f"- {r['member']} không tham gia biểu quyết đối với hồ sơ {r['nominee']} "
        f"(có liên quan: {r['why']})."
        for r in c["recusals"]
    ]


def _opinion_lines(c):
    if not c["opinions"]:
        return ["Không có."]
    return [
        f"- {o['member']}"
        + (f" (hồ sơ {o['nominee']})" if o["nominee"] else "")
        + f": {o['text']}"
        for o in c["opinions"]
    ]


def _closing(c):
    """The real end: "cùng ngày" only when the meeting closed the day it opened."""
    when = c["closed_at"]
    if when is None:
        end = "…"
    elif when.date() == meeting_day(c):
        end = f"{_hour(when)} cùng ngày"
    else:
        end = f"{_hour(when)}, {date_line(when.date())}"
    return (
        f"Cuộc họp kết thúc lúc {end}. Biên bản đã được đọc lại trước "
        f"Hội đồng và các thành viên dự họp nhất trí thông qua./."
    )


def minutes_sentences(meeting):
    """The minutes' sentences, for the PDF template (same text as the Word draft)."""
    c = minutes_context(meeting)
    return c, {
        "opening": _opening(c),
        "attendance": _attendance_lines(c),
        "recusals": _not_voting_lines(c) + _recusal_lines(c),
        "recipient_lines": _recipient_lines(c),
        "section_iv": SECTION_IV,
        "opinions": _opinion_lines(c),
        "closing": _closing(c),
    }
