"""What every administrative document shares (Decree 30/2020/NĐ-CP, Annex I).

The PDFs (WeasyPrint) and the Word drafts (python-docx) of every app take
their dates, numbers, header lines and column widths from here, so a rule of
the decree is written once:

- the place-and-date line: "Phong Quang, ngày 05 tháng 3 năm 2026", the day
  below 10 and the months 1 and 2 with a leading zero (Annex I, II.4.b: "những
  số chỉ ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước");
- the document's number: "Số: 05/QĐ-UBND", numbers below 10 with a leading
  zero (Annex I, II.3);
- the name of the issuing body in capitals, on lines broken only at a sensible
  point ("TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG" / "THÔN NÀ MÒN", never "PHONG" / "QUANG"),
  each line short enough for the header's left column, measured with the
  metrics of the bundled Liberation Serif, which has the widths of Times New
  Roman (the font of the Word drafts);
- the header's two columns: the issuing body on the left, the national name
  and motto on the right, widths shared by the PDF and the DOCX.
"""

import functools

from django.conf import settings

from .ids import parse_id

# The text area of an A4 page with Decree 30's margins as both formats use them:
# left 30 mm, right 15 mm (Annex I, I.5: left 30-35, right 15-20).
TEXT_WIDTH_MM = 165
# The header's columns: the issuing body, and the national name and motto (the
# national name, 12 pt bold, is 88 mm long).
ISSUER_COLUMN_MM = 72
NATION_COLUMN_MM = TEXT_WIDTH_MM - ISSUER_COLUMN_MM
# The issuing body's name: 12 pt (Annex I, II.2: 12-13 pt), bold.
ISSUER_SIZE_PT = 12
# The rule under the issuing body's name and under the summary (trích yếu) is
# 1/3 to 1/2 as long as the line above it (Annex I, II.2 and II.5): 40 %.
SHORT_RULE_RATIO = 0.4

POINTS_PER_MM = 72 / 25.4

# Words before which a long name of an issuing body is broken onto a second line
# (a place name is never split): "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG" / "THÔN NÀ MÒN".
BREAK_BEFORE = ("THÔN", "XÃ", "XÓM", "HUYỆN", "TỈNH")

HEADER_LINE_CHARS = 26

FONT_FILES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}


def date_line(day):
    """ "ngày 05 tháng 3 năm 2026"; "ngày 01 tháng 02 năm 2026" (Decree 30/2020).

    The day below 10 and the months 1 and 2 take a leading zero; a missing
    date leaves the blanks a signer fills in by hand.
    """
    if not day:
        return "ngày      tháng      năm"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def official_date(day):
    """A date as citations write it: "03/6/2020", "15/02/2025" (Decree 30/2020)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def document_number(number, code):
    """ "05/QĐ-UBND": a number below 10 with a leading zero; "…/BC-UBND" when unknown.

    ``number`` is what the office recorded ("5", "05", "125"); anything but
    digits is printed as written.
    """
    text = str(number or "").strip()
    if not text:
        return f"…/{code}"
    if parse_id(text) is not None:
        text = f"{parse_id(text):02d}"
    return f"{text}/{code}"


def padded_reference(reference):
    """ "5/KH-UBND" → "05/KH-UBND": a recorded number and code, its number padded."""
    number, slash, code = str(reference or "").strip().partition("/")
    if not slash:
        return reference
    return document_number(number, code)


@functools.lru_cache(maxsize=4)
def _font(bold, italic):
    from fontTools.ttLib import TTFont

    path = settings.BASE_DIR / "static" / "fonts" / FONT_FILES[(bold, italic)]
    font = TTFont(str(path), lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_width(text, size, *, bold=False, italic=False):
    """The width in points of ``text`` set in Liberation Serif (Times New Roman's widths)."""
    cmap, metrics, units = _font(bold, italic)
    fallback = metrics.get(cmap.get(ord("M")), (units, 0))[0]
    total = 0
    for char in text:
        glyph = cmap.get(ord(char))
        total += metrics[glyph][0] if glyph in metrics else fallback
    return total * size / units


def header_lines(name, *, width=HEADER_LINE_CHARS, measure=len, slack=2):
    """A body's name in capitals, on lines broken between words, never inside a
    place's name: before "THÔN", "XÃ"… when the name is too long for one line.

    ``measure`` says how long a line is, ``width`` how long it may be: characters
    by default; ``issuer_lines`` measures points in the document's font.
    """
    text = " ".join(name.upper().split())
    if measure(text) <= width:
        return [text]
    words = text.split(" ")
    for index in range(len(words) - 2, 0, -1):
        # Before a place's name: the place word and the name go together.
        if words[index] in BREAK_BEFORE and words[index + 1] != "HỘI":  # xã hội
            head, tail = " ".join(words[:index]), " ".join(words[index:])
            return [
                *header_lines(head, width=width, measure=measure, slack=slack),
                tail,
            ]

    # No place name: after a dash or "CỦA", or before "VÀ", when both lines fit
    # ("PHÒNG LAO ĐỘNG -" / "THƯƠNG BINH VÀ XÃ HỘI", "XÁC NHẬN CỦA" / "THỦ TRƯỞNG
    # ĐƠN VỊ"), else the most balanced break.
    def parts(i):
        return " ".join(words[:i]), " ".join(words[i:])

    def balance(i):
        head, tail = parts(i)
        return abs(measure(head) - measure(tail))

    preferred = [
        i
        for i in range(1, len(words))
        if (words[i - 1] in ("-", "CỦA") or words[i] == "VÀ")
        and all(measure(part) <= width + slack for part in parts(i))
    ]
    best = min(preferred or range(1, len(words)), key=balance)
    return list(parts(best))


def issuer_lines(name, *, bold=True, size=ISSUER_SIZE_PT, width_mm=ISSUER_COLUMN_MM):
    """``name`` in capitals on lines that each fit the header's left column."""
    return header_lines(
        name,
        width=width_mm * POINTS_PER_MM,
        measure=functools.partial(text_width, size=size, bold=bold),
        slack=0,
    )


def issuer_header(body, *, parent=""):
    """The issuing body's header (Annex I, II.2): the parent body, if any, in
    plain capitals, then the issuing body's own name in bold capitals.

    ``{"parent": [lines], "body": [lines]}``, for the PDF template and the DOCX.
    """
    return {
        "parent": issuer_lines(parent, bold=False) if parent else [],
        "body": issuer_lines(body),
    }


def commune_issuer():
    """The commune's People's Committee: "ỦY BAN NHÂN DÂN" / "XÃ PHONG QUANG"."""
    return {
        "parent": [],
        "body": ["ỦY BAN NHÂN DÂN", *issuer_lines(f"XÃ {settings.COMMUNE_NAME}")],
    }


def commune_parent():
    """The commune's People's Committee as a parent body's line: "UBND XÃ PHONG QUANG"."""
    return f"UBND XÃ {settings.COMMUNE_NAME}"


def signature_lines(title, *, width_mm=TEXT_WIDTH_MM / 2, size=13):
    """A signer's title in capitals, broken (if at all) between words of one phrase."""
    return header_lines(
        title,
        width=width_mm * POINTS_PER_MM,
        measure=functools.partial(text_width, size=size, bold=True),
        slack=0,
    )
