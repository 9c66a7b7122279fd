"""Import the criteria tree from the office's .xlsx template: check every row, then write.

Nothing is written unless every row is valid; the writes run in one
transaction, so an error leaves the database as it was.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from phongquang_portal.core.activity import log_action
from phongquang_portal.core.excel import set_print_layout, write_row
from phongquang_portal.core.permissions import require_perm
from phongquang_portal.core.validators import has_control_characters
from units.enums import UnitKind

from .enums import SUBMITTED_STATES, CriterionKind
from .models import Criterion, CriterionGroup, ScoreEntry, ScoreSheet
from .selectors import criteria_fixed
from .services import criterion_changes, draft_entries_sync

GROUP_SHEET = "Nhóm tiêu chí"
CRITERIA_SHEET = "Tiêu chí"
GUIDE_SHEET = "Hướng dẫn"
GROUP_HEADERS = ["Mã nhóm", "Mục tiêu (a–h)", "Tên nhóm"]
CRITERIA_HEADERS = [
    "Mã nhóm",
    "Mã tiêu chí",
    "Tên tiêu chí",
    "Điểm tối đa",
    "Loại điểm",
    "Áp dụng cho",
    "Yêu cầu minh chứng",
    "Cách chấm",
]
KIND_WORDS = {
    "chuẩn": CriterionKind.STANDARD,
    "thưởng": CriterionKind.BONUS,
    "điểm thưởng": CriterionKind.BONUS,
    "trừ": CriterionKind.PENALTY,
    "điểm trừ": CriterionKind.PENALTY,
}
KIND_NAMES = {
    CriterionKind.STANDARD: "Chuẩn",
    CriterionKind.BONUS: "Thưởng",
    CriterionKind.PENALTY: "Trừ",
}
UNIT_KIND_WORDS = {
    "cơ quan": UnitKind.OFFICE,
    "ban chỉ đạo": UnitKind.STEERING,
    "thôn": UnitKind.HAMLET,
    "tổ công nghệ số": UnitKind.DIGITAL_TEAM,
    "tổ chức": UnitKind.ORGANISATION,
}
UNIT_KIND_NAMES = {value: word.capitalize() for word, value in UNIT_KIND_WORDS.items()}
ALL_KINDS_WORD = "Tất cả"


def _control_message():
    return _("the text contains invisible control characters.")


# The imported fields that the criteria's lock guards (see services.criterion_change).
IMPORTED_LOCKED_FIELDS = ("max_points", "kind", "unit_kinds")
YES_WORDS = {"có", "x", "yes", "1"}
NO_WORDS = {"không", "", "no", "0"}


@dataclass
class ParsedTree:
    groups: list = field(default_factory=list)
    criteria: list = field(default_factory=list)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _row_error(sheet, row, message):
    return _("Sheet “%(sheet)s”, row %(row)s: %(message)s") % {
        "sheet": sheet,
        "row": row,
        "message": message,
    }


def _check_headers(ws, expected, sheet_name):
    rows = ws.iter_rows(min_row=1, max_row=1, values_only=True)
    found = [_text(v) for v in next(rows, ())]
    while found and not found[-1]:
        found.pop()
    if [h.lower() for h in found] != [h.lower() for h in expected]:
        raise ValidationError(
            _(
                "Sheet “%(sheet)s”, row 1: the headers must be “%(expected)s”; "
                "found “%(found)s”. Download the template and keep its headers."
            )
            % {
                "sheet": sheet_name,
                "expected": " | ".join(expected),
                "found": " | ".join(found) or "—",
            },
            code="bad_headers",
        )


def _data_rows(ws, width):
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        values = list(values)[:width] + [None] * max(0, width - len(values))
        if all(_text(v) == "" for v in values):
            continue
        yield number, values


def parse_criteria_workbook(uploaded, *, campaign):
    """Read and check the workbook; return a ParsedTree or raise ValidationError(list)."""
    try:
        uploaded.seek(0)
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ValidationError(
            _("The file could not be read as an Excel workbook (.xlsx)."),
            code="unreadable",
        ) from exc
    try:
        for name in (GROUP_SHEET, CRITERIA_SHEET):
            if name not in workbook.sheetnames:
                raise ValidationError(
                    _("The workbook has no sheet named “%(sheet)s”; use the template.")
                    % {"sheet": name},
                    code="missing_sheet",
                )
        _check_headers(workbook[GROUP_SHEET], GROUP_HEADERS, GROUP_SHEET)
        _check_headers(workbook[CRITERIA_SHEET], CRITERIA_HEADERS, CRITERIA_SHEET)
        goals = {goal.code: goal for goal in campaign.goals.all()}
        errors = []
        tree = ParsedTree()
        group_rows = {}
        for number, values in _data_rows(workbook[GROUP_SHEET], len(GROUP_HEADERS)):
            code, goal_code, title = (_text(v) for v in values)
            goal_code = goal_code.lower().rstrip(")")
            row_errors = []
            if not code:
                row_errors.append(_("the group code is empty."))
            elif code in group_rows:
                row_errors.append(
                    _(
                        "the group code “%(code)s” appears twice (first in row %(first)s)."
                    )
                    % {"code": code, "first": group_rows[code]}
                )
            if goal_code not in goals:
                row_errors.append(
                    _("the goal section “%(goal)s” is not one of %(goals)s.")
                    % {"goal": goal_code or "—", "goals": ", ".join(goals)}
                )
            if not title:
                row_errors.append(_("the group title is empty."))
            if len(code) > 20 or len(title) > 255:
                row_errors.append(_("the code or the title is too long."))
            if has_control_characters(code) or has_control_characters(title):
                row_errors.append(_control_message())
            if row_errors:
                errors.extend(_row_error(GROUP_SHEET, number, m) for m in row_errors)
                group_rows.setdefault(code, number)
                continue
            group_rows[code] = number
            tree.groups.append(
                {
                    "code": code,
                    "goal": goals[goal_code],
                    "title": title,
                    "position": number,
                }
            )
        criterion_rows = {}
        for number, values in _data_rows(
            workbook[CRITERIA_SHEET], len(CRITERIA_HEADERS)
        ):
            group_code, code, title, max_raw, kind_raw, kinds_raw, evidence_raw, how = (
                values
            )
            group_code, code, title = _text(group_code), _text(code), _text(title)
            row_errors = []
            if not group_code:
                row_errors.append(_("the group code is empty."))
            elif group_code not in group_rows:
                row_errors.append(
                    _("the group “%(group)s” is not in the sheet “%(sheet)s”.")
                    % {"group": group_code, "sheet": GROUP_SHEET}
                )
            if not code:
                row_errors.append(_("the criterion code is empty."))
            elif code in criterion_rows:
                row_errors.append(
                    _(
                        "the criterion code “%(code)s” appears twice (first in row %(first)s)."
                    )
                    % {"code": code, "first": criterion_rows[code]}
                )
            if not title:
                row_errors.append(_("the criterion title is empty."))
            if len(code) > 20 or len(title) > 500:
                row_errors.append(_("the code or the title is too long."))
            if any(has_control_characters(_text(v)) for v in (code, title, how)):
                row_errors.append(_control_message())
            max_points = None
            try:
                max_points = Decimal(_text(max_raw).replace(",", "."))
                if not max_points.is_finite():
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                row_errors.append(
                    _("the maximum points “%(value)s” is not a number.")
                    % {"value": _text(max_raw) or "—"}
                )
                max_points = None
            if max_points is not None and not (
                Decimal("0") < max_points <= Decimal("1000")
            ):
                row_errors.append(
                    _("the maximum points must be more than 0 and at most 1000.")
                )
            if max_points is not None and max_points != max_points.quantize(
                Decimal("0.01")
            ):
                row_errors.append(
                    _("the maximum points may have at most two decimals.")
                )
            kind = KIND_WORDS.get(_text(kind_raw).lower() or "chuẩn")
            if kind is None:
                row_errors.append(
                    _("the kind of points “%(value)s” must be Chuẩn, Thưởng or Trừ.")
                    % {"value": _text(kind_raw)}
                )
            unit_kinds = []
            kinds_text = _text(kinds_raw)
            if kinds_text and kinds_text.lower() != ALL_KINDS_WORD.lower():
                for word in (w.strip().lower() for w in kinds_text.split(";")):
                    if not word:
                        continue
                    value = UNIT_KIND_WORDS.get(word) or (
                        word if word in UnitKind.values else None
                    )
                    if value is None:
                        row_errors.append(
                            _("“%(value)s” is not a kind of unit (%(choices)s).")
                            % {
                                "value": word,
                                "choices": "; ".join(UNIT_KIND_NAMES.values()),
                            }
                        )
                    elif value not in unit_kinds:
                        unit_kinds.append(value)
            evidence_text = _text(evidence_raw).lower()
            if evidence_text not in YES_WORDS | NO_WORDS:
                row_errors.append(
                    _("“Evidence required” must be Có or Không, not “%(value)s”.")
                    % {"value": _text(evidence_raw)}
                )
            if row_errors:
                errors.extend(_row_error(CRITERIA_SHEET, number, m) for m in row_errors)
                if code:
                    criterion_rows.setdefault(code, number)
                continue
            criterion_rows[code] = number
            tree.criteria.append(
                {
                    "group_code": group_code,
                    "code": code,
                    "title": title,
                    "max_points": max_points,
                    "kind": kind,
                    "unit_kinds": unit_kinds,
                    "evidence_required": evidence_text in YES_WORDS,
                    "description": _text(how),
                    "position": number,
                }
            )
        if not errors and not tree.criteria:
            errors.append(
                _("Sheet “%(sheet)s” has no criteria.") % {"sheet": CRITERIA_SHEET}
            )
        if errors:
            raise ValidationError([ValidationError(e, code="bad_row") for e in errors])
        return tree
    finally:
        workbook.close()


def _import_problems(tree, campaign, existing, groups_before):
    """Row errors for what the lock forbids: new criteria once the set is fixed,
    changed points of criteria already on submitted sheets."""
    fixed = criteria_fixed(campaign)
    in_use = set(
        ScoreEntry.objects.filter(
            criterion__campaign=campaign, sheet__state__in=SUBMITTED_STATES
        )
        .values_list("criterion__code", flat=True)
        .distinct()
    )
    errors, guarded = [], []
    for row in tree.groups:
        group = groups_before.get(row["code"])
        if fixed and group is not None and group.goal_id != row["goal"].pk:
            errors.append(
                ValidationError(
                    _row_error(
                        GROUP_SHEET,
                        row["position"],
                        _(
                            "the units have already submitted their sheets: the group "
                            "“%(code)s” stays under its goal section."
                        )
                        % {"code": row["code"]},
                    ),
                    code="criteria_fixed",
                )
            )
    for row in tree.criteria:
        criterion = existing.get(row["code"])
        if criterion is not None and set(row["unit_kinds"]) == set(
            criterion.unit_kinds
        ):
            row["unit_kinds"] = list(criterion.unit_kinds)  # same kinds, kept order
        if criterion is None:
            if fixed:
                errors.append(
                    ValidationError(
                        _row_error(
                            CRITERIA_SHEET,
                            row["position"],
                            _(
                                "the units have already submitted their sheets: no "
                                "criterion can be added (“%(code)s”)."
                            )
                            % {"code": row["code"]},
                        ),
                        code="criteria_fixed",
                    )
                )
            continue
        changed = [
            name
            for name in IMPORTED_LOCKED_FIELDS
            if getattr(criterion, name) != row[name]
        ]
        if not changed:
            continue
        if row["code"] in in_use:
            errors.append(
                ValidationError(
                    _row_error(
                        CRITERIA_SHEET,
                        row["position"],
                        _(
                            "criterion “%(code)s” is on sheets the units have already "
                            "submitted: its points, kind and units can no longer change."
                        )
                        % {"code": row["code"]},
                    ),
                    code="criterion_locked",
                )
            )
        else:
            guarded.append(row["code"])
    return errors, guarded


@transaction.atomic
def criteria_import(*, campaign, uploaded, actor, reason=""):
    """Create or update the campaign's groups and criteria from the workbook, all or nothing.

    Rows are matched by code; criteria missing from the file are kept. The
    lock of ``services.criterion_change`` holds here too: a criterion on a
    submitted sheet keeps its points, kind and units, and no criterion is added
    once a unit has submitted; changing them before that needs a reason, and
    each changed criterion is logged with its old and new values.
    Returns {"groups": n, "criteria": n, "created": n, "updated": n}.
    """
    require_perm(actor, "scoring.import_criteria", campaign)
    tree = parse_criteria_workbook(uploaded, campaign=campaign)
    # Lock the campaign's sheets: no submission slips in while the tree changes.
    list(
        ScoreSheet.objects.select_for_update()
        .filter(campaign=campaign)
        .values_list("pk", flat=True)
    )
    existing = {
        c.code: c
        for c in Criterion.objects.select_for_update().filter(campaign=campaign)
    }
    groups_before = {
        g.code: g for g in CriterionGroup.objects.filter(campaign=campaign)
    }
    errors, guarded = _import_problems(tree, campaign, existing, groups_before)
    if errors:
        raise ValidationError(errors)
    reason = (reason or "").strip()
    if guarded and not reason:
        raise ValidationError(
            _(
                "The file changes the points, kind or units of criteria %(codes)s: "
                "say why."
            )
            % {"codes": ", ".join(guarded)},
            code="reason_required",
        )
    groups = {}
    for row in tree.groups:
        group, _created = CriterionGroup.objects.update_or_create(
            campaign=campaign,
            code=row["code"],
            defaults={
                "goal": row["goal"],
                "title": row["title"],
                "position": row["position"],
            },
        )
        groups[row["code"]] = group
    created = updated = 0
    for row in tree.criteria:
        values = {
            "group": groups[row["group_code"]],
            "title": row["title"],
            "max_points": row["max_points"],
            "kind": row["kind"],
            "unit_kinds": row["unit_kinds"],
            "evidence_required": row["evidence_required"],
            "description": row["description"],
        }
        criterion = existing.get(row["code"])
        if criterion is None:
            Criterion.objects.create(
                campaign=campaign, code=row["code"], position=row["position"], **values
            )
            created += 1
            continue
        changes = criterion_changes(criterion, values)
        for name, value in values.items():
            setattr(criterion, name, value)
        criterion.position = row["position"]
        criterion.save()
        updated += 1
        if changes:
            log_action(
                criterion,
                "scoring.criterion.changed",
                actor=actor,
                reason=reason,
                data={"changes": changes, "source": uploaded.name[:255]},
            )
    draft_entries_sync(campaign=campaign)
    result = {
        "groups": len(groups),
        "criteria": len(tree.criteria),
        "created": created,
        "updated": updated,
    }
    log_action(
        campaign, "scoring.criteria.imported", actor=actor, reason=reason, data=result
    )
    return result


def criteria_template(campaign):
    """The .xlsx template, filled with the campaign's current tree (or one example)."""
    workbook = Workbook()
    guide = workbook.active
    guide.title = GUIDE_SHEET
    lines = [
        ["Mẫu nhập tiêu chí chấm điểm thi đua"],
        [f"Phong trào: {campaign.name} ({campaign.year})"],
        [""],
        [
            "1. Sheet “Nhóm tiêu chí”: mỗi dòng một nhóm; cột “Mục tiêu (a–h)” là một trong a, b, "
            "c, d, đ, e, g, h."
        ],
        [
            "2. Sheet “Tiêu chí”: mỗi dòng một tiêu chí; “Mã nhóm” phải có trong sheet “Nhóm "
            "tiêu chí”; mã tiêu chí không trùng nhau."
        ],
        [
            "3. “Điểm tối đa” là số (ví dụ 5 hoặc 7,5); với điểm thưởng, điểm trừ là mức tối đa."
        ],
        ["4. “Loại điểm”: Chuẩn, Thưởng hoặc Trừ."],
        [
            "5. “Áp dụng cho”: Tất cả, hoặc các loại cách nhau bởi dấu “;”: "
            + "; ".join(UNIT_KIND_NAMES.values())
            + "."
        ],
        ["6. “Yêu cầu minh chứng”: Có hoặc Không."],
        ["7. Không đổi tên các cột. Nếu có lỗi, không dòng nào được nhập."],
    ]
    for number, line in enumerate(lines, start=1):
        write_row(guide, number, line, bold=number == 1)
    guide.column_dimensions["A"].width = 110
    set_print_layout(guide, landscape=True)

    groups_ws = workbook.create_sheet(GROUP_SHEET)
    write_row(groups_ws, 1, GROUP_HEADERS, bold=True)
    criteria_ws = workbook.create_sheet(CRITERIA_SHEET)
    write_row(criteria_ws, 1, CRITERIA_HEADERS, bold=True)
    groups = list(
        CriterionGroup.objects.filter(campaign=campaign)
        .select_related("goal")
        .order_by("goal__position", "position", "code")
    )
    criteria = list(
        Criterion.objects.filter(campaign=campaign)
        .select_related("group")
        .order_by("group__goal__position", "group__position", "position", "code")
    )
    if not groups:
        groups_rows = [["A", "a", "Lãnh đạo, chỉ đạo và tuyên truyền"]]
        criteria_rows = [
            [
                "A",
                "A.1",
                "Ban hành kế hoạch triển khai chuyển đổi số",
                5,
                "Chuẩn",
                ALL_KINDS_WORD,
                "Có",
                "",
            ],
        ]
    else:
        groups_rows = [[g.code, g.goal.code, g.title] for g in groups]
        criteria_rows = [
            [
                c.group.code,
                c.code,
                c.title,
                float(c.max_points),
                KIND_NAMES[c.kind],
                "; ".join(
                    UNIT_KIND_NAMES[k] for k in c.unit_kinds if k in UNIT_KIND_NAMES
                )
                or ALL_KINDS_WORD,
                "Có" if c.evidence_required else "Không",
                c.description,
            ]
            for c in criteria
        ]
    for number, row in enumerate(groups_rows, start=2):
        write_row(groups_ws, number, row)
    for number, row in enumerate(criteria_rows, start=2):
        write_row(criteria_ws, number, row)
    for ws, widths in (
        (groups_ws, [12, 16, 60]),
        (criteria_ws, [10, 12, 70, 12, 12, 30, 18, 40]),
    ):
        for index, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + index)].width = width
        set_print_layout(ws, landscape=True)
    return workbook
