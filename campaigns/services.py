"""Writes about campaigns: loading the plan, copying a campaign, unit reports."""

import datetime
import os
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection, send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import (
    ensure_transition,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.uploads import validate_upload

from . import plan
from .enums import (
    GOAL_POSITIONS,
    REPORT_EDITABLE_STATES,
    REPORT_REOPEN_TRANSITIONS,
    REPORT_TRANSITIONS,
    CampaignStatus,
    IndicatorValueType,
    ReportState,
)
from .models import (
    NARRATIVE_MAX_CHARS,
    Campaign,
    Goal,
    Indicator,
    IndicatorValue,
    PriorityField,
    Report,
    ReportAttachment,
    ReportingPeriod,
    ReportSection,
)
from .signals import campaign_copied, plan_loaded


@transaction.atomic
def plan_load(*, actor=None):
    """Load the 2025 plan: campaign, goals a–h, h's priority fields. Idempotent.

    Existing rows are left as they are, so edits made by the office survive a
    second run.
    """
    data = dict(plan.CAMPAIGN_2025)
    campaign, created = Campaign.objects.get_or_create(
        name=data.pop("name"), year=data.pop("year"), defaults=data
    )
    for code, title, text in plan.GOALS:
        goal, _created = Goal.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={"position": GOAL_POSITIONS[code], "title": title, "text": text},
        )
        if code == "h":
            for position, (name, field_text) in enumerate(
                plan.PRIORITY_FIELDS, start=1
            ):
                PriorityField.objects.get_or_create(
                    goal=goal,
                    name=name,
                    defaults={"position": position, "text": field_text},
                )
    if created:
        log_action(campaign, "campaigns.campaign.loaded", actor=actor)
    plan_loaded.send(sender=Campaign, campaign=campaign)
    return campaign


@transaction.atomic
def campaign_copy(
    *, source, year, starts_on, ends_on, dossier_deadline, actor=None, name=None
):
    """Copy ``source`` into a new campaign for ``year`` with its goals and what hangs off it."""
    name = name or source.name
    if Campaign.objects.filter(name=name, year=year).exists():
        raise ValidationError(
            _("A campaign “%(name)s” already exists for %(year)s.")
            % {"name": name, "year": year}
        )
    if ends_on < starts_on:
        raise ValidationError(_("The end date must not be before the start date."))
    target = Campaign.objects.create(
        name=name,
        year=year,
        plan_number="",
        plan_date=None,
        theme=source.theme,
        preamble=source.preamble.replace(str(source.year), str(year)),
        legal_bases=source.legal_bases.replace(str(source.year), str(year)),
        purpose=source.purpose,
        requirements=source.requirements,
        participants_collective=source.participants_collective,
        participants_individual=source.participants_individual,
        starts_on=starts_on,
        ends_on=ends_on,
        dossier_deadline=dossier_deadline,
        status=CampaignStatus.DRAFT,
        copied_from=source,
    )
    goal_map = {}
    for goal in source.goals.prefetch_related("priority_fields"):
        new_goal = Goal.objects.create(
            campaign=target,
            code=goal.code,
            position=goal.position,
            title=goal.title,
            text=goal.text,
        )
        goal_map[goal.pk] = new_goal
        PriorityField.objects.bulk_create(
            PriorityField(goal=new_goal, position=f.position, name=f.name, text=f.text)
            for f in goal.priority_fields.all()
        )
    campaign_copied.send(
        sender=Campaign, source=source, target=target, goal_map=goal_map
    )
    log_action(
        target,
        "campaigns.campaign.copied",
        actor=actor,
        data={"source": source.pk, "source_year": source.year},
    )
    return target


@transaction.atomic
def campaign_set_status(*, campaign, status, actor, reason=""):
    """Open, close or reopen a campaign and record it."""
    previous = campaign.status
    campaign.status = CampaignStatus(status)
    campaign.save(update_fields=["status", "updated_at"])
    log_action(
        campaign,
        "campaigns.campaign.status",
        actor=actor,
        from_state=previous,
        to_state=campaign.status,
        reason=reason,
    )
    return campaign


# ---------------------------------------------------------------------------
# Unit reports (plan V.3–V.4)
# ---------------------------------------------------------------------------

REPORT_DEFAULT_PERIODS_2025 = [
    # (position, name, opens_on, due_on)
    (
        1,
        "Sơ kết 6 tháng năm 2025",
        datetime.date(2025, 6, 1),
        datetime.date(2025, 7, 10),
    ),
    (2, "Tổng kết năm 2025", datetime.date(2025, 11, 15), datetime.date(2025, 12, 10)),
]
REPORTING_UNIT_KINDS = ["office", "steering", "hamlet", "organisation"]

# (goal, code, name, unit of measure, value type, max, aggregation, kinds, target)
REPORT_DEFAULT_INDICATORS_2025 = [
    (
        "a",
        "a_buoi_tuyen_truyen",
        "Số buổi tuyên truyền, phổ biến về chuyển đổi số đã tổ chức",
        "buổi",
        "integer",
        None,
        "sum",
        [],
        150,
    ),
    (
        "a",
        "a_luot_nguoi_tham_du",
        "Số lượt người tham dự các buổi tuyên truyền",
        "lượt",
        "integer",
        None,
        "sum",
        [],
        6000,
    ),
    (
        "b",
        "b_nguoi_tap_huan_ky_nang_so",
        "Số người dân được hướng dẫn, tập huấn kỹ năng số",
        "người",
        "integer",
        None,
        "sum",
        [],
        2500,
    ),
    (
        "b",
        "b_cbcc_boi_duong",
        "Số cán bộ, công chức, viên chức được bồi dưỡng về chuyển đổi số",
        "người",
        "integer",
        None,
        "sum",
        ["office", "steering", "organisation"],
        60,
    ),
    (
        "c",
        "c_kinh_phi",
        "Kinh phí bố trí cho hoạt động chuyển đổi số",
        "triệu đồng",
        "decimal",
        None,
        "sum",
        ["office", "steering"],
        500,
    ),
    (
        "d",
        "d_vneid_muc_2",
        "Tỷ lệ người từ 14 tuổi trở lên có tài khoản định danh điện tử VNeID mức 2",
        "%",
        "percentage",
        None,
        "average",
        ["hamlet"],
        90,
    ),
    (
        "d",
        "d_ho_internet_cap_quang",
        "Số hộ gia đình có kết nối Internet cáp quang",
        "hộ",
        "integer",
        None,
        "sum",
        ["hamlet"],
        5000,
    ),
    (
        "d",
        "d_ho_so_truc_tuyen",
        "Số hồ sơ thủ tục hành chính nộp trực tuyến",
        "hồ sơ",
        "integer",
        None,
        "sum",
        ["hamlet", "office"],
        3000,
    ),
    (
        "d",
        "d_thanh_vien_to_cns",
        "Số thành viên tổ công nghệ số cộng đồng đang hoạt động",
        "người",
        "integer",
        None,
        "sum",
        ["hamlet"],
        120,
    ),
    (
        "đ",
        "dd_ho_thanh_toan_kdtm",
        "Số hộ gia đình sử dụng thanh toán không dùng tiền mặt",
        "hộ",
        "integer",
        None,
        "sum",
        ["hamlet"],
        4000,
    ),
    (
        "đ",
        "dd_san_pham_tmdt",
        "Số sản phẩm nông sản, OCOP được đưa lên sàn thương mại điện tử",
        "sản phẩm",
        "integer",
        None,
        "sum",
        ["hamlet", "organisation"],
        40,
    ),
    (
        "e",
        "e_su_co_xu_ly",
        "Số vụ việc mất an toàn thông tin, lừa đảo qua mạng được phát hiện, xử lý",
        "vụ",
        "integer",
        None,
        "sum",
        [],
        None,
    ),
    (
        "e",
        "e_buoi_canh_bao_lua_dao",
        "Số buổi cảnh báo, hướng dẫn phòng chống lừa đảo trên mạng",
        "buổi",
        "integer",
        None,
        "sum",
        [],
        80,
    ),
    (
        "g",
        "g_mo_hinh_phong_trao",
        "Số phong trào, mô hình thi đua về chuyển đổi số được phát động",
        "mô hình",
        "integer",
        None,
        "sum",
        [],
        30,
    ),
    (
        "h",
        "h_mo_hinh_nong_nghiep_so",
        "Số mô hình sản xuất nông nghiệp ứng dụng công nghệ số",
        "mô hình",
        "integer",
        None,
        "sum",
        ["hamlet"],
        25,
    ),
    (
        "h",
        "h_ho_so_suc_khoe_dien_tu",
        "Tỷ lệ người dân có hồ sơ sức khỏe điện tử",
        "%",
        "percentage",
        None,
        "average",
        ["hamlet"],
        85,
    ),
]


def shift_year(day, years=1):
    """The same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def reporting_plan_load(*, campaign):
    """Seed the 2025 reporting periods and indicators on ``campaign``. Idempotent."""
    shift = campaign.year - 2025
    for position, name, opens_on, due_on in REPORT_DEFAULT_PERIODS_2025:
        ReportingPeriod.objects.get_or_create(
            campaign=campaign,
            name=name.replace("2025", str(campaign.year)),
            defaults={
                "position": position,
                "opens_on": shift_year(opens_on, shift),
                "due_on": shift_year(due_on, shift),
                "unit_kinds": list(REPORTING_UNIT_KINDS),
            },
        )
    goals = {goal.code: goal for goal in campaign.goals.all()}
    existing = set(campaign.indicators.values_list("code", flat=True))
    new = []
    for position, row in enumerate(REPORT_DEFAULT_INDICATORS_2025, start=1):
        (
            goal_code,
            code,
            name,
            uom,
            value_type,
            max_value,
            aggregation,
            kinds,
            target,
        ) = row
        if code in existing or goal_code not in goals:
            continue
        new.append(
            Indicator(
                campaign=campaign,
                goal=goals[goal_code],
                code=code,
                name=name,
                unit_of_measure=uom,
                value_type=value_type,
                min_value=Decimal(0),
                max_value=max_value,
                aggregation=aggregation,
                unit_kinds=list(kinds),
                target=target,
                position=position,
            )
        )
    Indicator.objects.bulk_create(new)


@transaction.atomic
def reporting_plan_copy(*, source, target, goal_map):
    """Copy periods (dates one year on per year of difference) and indicators."""
    years = target.year - source.year
    for period in source.periods.all():
        ReportingPeriod.objects.create(
            campaign=target,
            name=period.name.replace(str(source.year), str(target.year)),
            position=period.position,
            opens_on=shift_year(period.opens_on, years),
            due_on=shift_year(period.due_on, years),
            unit_kinds=list(period.unit_kinds),
        )
    Indicator.objects.bulk_create(
        Indicator(
            campaign=target,
            goal=goal_map[indicator.goal_id],
            code=indicator.code,
            name=indicator.name,
            unit_of_measure=indicator.unit_of_measure,
            value_type=indicator.value_type,
            min_value=indicator.min_value,
            max_value=indicator.max_value,
            target=indicator.target,
            aggregation=indicator.aggregation,
            unit_kinds=list(indicator.unit_kinds),
            help_text=indicator.help_text,
            position=indicator.position,
        )
        for indicator in source.indicators.all()
        if indicator.goal_id in goal_map
    )


def format_number(value):
    text = format(value.normalize(), "f") if value is not None else ""
    return text.replace(".", ",")


def parse_indicator_value(indicator, raw):
    """Turn typed text into a Decimal for ``indicator``; blank gives None.

    Accepts "12,5" and "12.5"; raises ValidationError with a message that
    names the indicator.
    """
    if raw is None:
        return None
    if isinstance(raw, (int, Decimal)):
        value = Decimal(raw)
    else:
        text = str(raw).strip().replace(" ", "").replace("\u00a0", "")
        if text.endswith("%"):
            text = text[:-1]
        if not text:
            return None
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                _(
                    "“%(value)s” is not a number. Type digits only, for example 12 or 12,5."
                )
                % {"value": raw},
                code="not_a_number",
            ) from None
        if not value.is_finite():
            raise ValidationError(_("Please type a number."), code="not_a_number")
    check_indicator_value(indicator, value)
    return value


def check_indicator_value(indicator, value):
    """Raise ValidationError unless ``value`` fits the indicator's type and bounds."""
    if (
        indicator.value_type == IndicatorValueType.INTEGER
        and value != value.to_integral_value()
    ):
        raise ValidationError(
            _("“%(indicator)s” is counted in whole numbers (%(unit)s).")
            % {"indicator": indicator.name, "unit": indicator.unit_of_measure},
            code="not_integer",
        )
    if value.as_tuple().exponent < -2:
        raise ValidationError(
            _("Use at most two decimal places."), code="too_many_decimals"
        )
    low, high = indicator.effective_min, indicator.effective_max
    if value < 0 and (low is None or low >= 0):
        raise ValidationError(
            _("“%(indicator)s” cannot be negative.") % {"indicator": indicator.name},
            code="negative",
        )
    if low is not None and value < low:
        raise ValidationError(
            _("“%(indicator)s” must be at least %(min)s.")
            % {"indicator": indicator.name, "min": format_number(low)},
            code="below_min",
        )
    if high is not None and value > high:
        raise ValidationError(
            _("“%(indicator)s” must be at most %(max)s %(unit)s.")
            % {
                "indicator": indicator.name,
                "max": format_number(high),
                "unit": indicator.unit_of_measure,
            },
            code="above_max",
        )
    if abs(value) >= Decimal("1e12"):
        raise ValidationError(_("This number is too large."), code="too_large")


def check_narrative(goal, text):
    """Raise ValidationError when a narrative is longer than the limit."""
    if len(text) > NARRATIVE_MAX_CHARS:
        raise ValidationError(
            _(
                "Section %(goal)s is %(length)s characters long; the limit is %(limit)s. "
                "Please shorten it or attach the full text as a file."
            )
            % {"goal": goal.code, "length": len(text), "limit": NARRATIVE_MAX_CHARS},
            code="too_long",
        )


def _lock_report(report):
    """Lock the report's row and refresh ``report`` from it."""
    Report.objects.select_for_update().filter(pk=report.pk).values_list("pk").get()
    report.refresh_from_db()
    return report


def _ensure_editable(report):
    if report.state not in REPORT_EDITABLE_STATES:
        raise ValidationError(
            _("This report is “%(state)s” and can no longer be changed.")
            % {"state": report.get_state_display()},
            code="not_editable",
        )


@transaction.atomic
def report_start(*, unit, period, actor):
    """Return the unit's report for ``period``, creating an empty draft the first time."""
    if not period.applies_to(unit.kind):
        raise ValidationError(
            _("“%(unit)s” does not report in “%(period)s”.")
            % {"unit": unit.name, "period": period.name},
            code="not_reporting",
        )
    report, created = Report.objects.get_or_create(
        unit=unit, period=period, defaults={"created_by": actor}
    )
    if created:
        log_action(report, "campaigns.report.created", actor=actor)
    return report


@transaction.atomic
def report_save(*, report, actor, narratives=None, values=None):
    """Store narratives ({goal_id: text}) and values ({indicator_id: Decimal or None}).

    Only a draft or returned report changes; bad values raise ValidationError
    and nothing is stored.
    """
    _lock_report(report)
    _ensure_editable(report)
    narratives = narratives or {}
    values = values or {}
    period = report.period
    goals = {
        goal.pk: goal for goal in Goal.objects.filter(campaign_id=period.campaign_id)
    }
    indicators = {
        i.pk: i
        for i in Indicator.objects.filter(campaign_id=period.campaign_id, pk__in=values)
    }
    errors = []
    for goal_id, text in narratives.items():
        if goal_id not in goals:
            raise ValidationError(_("Unknown goal section."), code="unknown_goal")
        try:
            check_narrative(goals[goal_id], text or "")
        except ValidationError as exc:
            errors.extend(exc.error_list)
    for indicator_id, value in values.items():
        indicator = indicators.get(indicator_id)
        if indicator is None or not indicator.applies_to(report.unit.kind):
            raise ValidationError(_("Unknown indicator."), code="unknown_indicator")
        if value is not None:
            try:
                check_indicator_value(indicator, Decimal(value))
            except ValidationError as exc:
                errors.extend(exc.error_list)
    if errors:
        raise ValidationError(errors)

    changed = {"sections": 0, "values": 0}
    sections = {s.goal_id: s for s in report.sections.all()}
    new_sections, updated_sections = [], []
    for goal_id, text in narratives.items():
        text = (text or "").replace("\r\n", "\n")
        section = sections.get(goal_id)
        if section is None:
            if text.strip():
                new_sections.append(
                    ReportSection(report=report, goal_id=goal_id, narrative=text)
                )
        elif section.narrative != text:
            section.narrative = text
            updated_sections.append(section)
    ReportSection.objects.bulk_create(new_sections)
    ReportSection.objects.bulk_update(updated_sections, ["narrative"])
    changed["sections"] = len(new_sections) + len(updated_sections)

    stored = {v.indicator_id: v for v in report.values.all()}
    new_values, updated_values, removed = [], [], []
    for indicator_id, value in values.items():
        current = stored.get(indicator_id)
        if value is None:
            if current is not None:
                removed.append(current.pk)
        elif current is None:
            new_values.append(
                IndicatorValue(report=report, indicator_id=indicator_id, value=value)
            )
        elif current.value != Decimal(value):
            current.value = value
            updated_values.append(current)
    IndicatorValue.objects.bulk_create(new_values)
    IndicatorValue.objects.bulk_update(updated_values, ["value"])
    if removed:
        IndicatorValue.objects.filter(pk__in=removed).delete()
    changed["values"] = len(new_values) + len(updated_values) + len(removed)
    if changed["sections"] or changed["values"]:
        report.save(update_fields=["updated_at"])
        log_action(report, "campaigns.report.saved", actor=actor, data=changed)
    return report


def submission_is_late(report, now=None):
    """True when the due day is over and the office has not reopened the report."""
    now = now or timezone.now()
    if now < report.period.due_ends_at:
        return False
    # A report the office returned or reopened (both audited, with a reason)
    # may still be handed in after the due day.
    return not (report.reopened or report.state == ReportState.RETURNED)


@transaction.atomic
def report_submit(*, report, actor):
    """Hand the report to the office; refused after the due day unless reopened."""
    from .selectors import report_checklist

    _lock_report(report)
    ensure_transition(report, ReportState.SUBMITTED, REPORT_TRANSITIONS)
    now = timezone.now()
    if submission_is_late(report, now):
        raise ValidationError(
            _(
                "The due date for “%(period)s” was %(date)s (end of the day). The report "
                "can no longer be submitted; ask the Culture-Social office to reopen it."
            )
            % {
                "period": report.period.name,
                "date": report.period.due_on.strftime("%d/%m/%Y"),
            },
            code="late",
        )
    missing = report_checklist(report)
    if missing:
        raise ValidationError(
            _("The report is not complete yet. Still empty: %(items)s.")
            % {"items": "; ".join(item.label for item in missing)},
            code="incomplete",
        )
    report.submitted_at = now
    transition(
        report,
        ReportState.SUBMITTED,
        actor=actor,
        action="campaigns.report.submitted",
        transitions=REPORT_TRANSITIONS,
        extra_fields=["submitted_at"],
        data={"days_late": report.days_late(now)},
    )
    return report


@transaction.atomic
def report_return(*, report, actor, reason, notify=True):
    """Send the report back to the unit with the office's comment."""
    reason = required_reason(reason, _("Please write what the unit should correct."))
    _lock_report(report)
    ensure_transition(report, ReportState.RETURNED, REPORT_TRANSITIONS)
    report.return_reason = reason
    report.reviewed_at = timezone.now()
    report.reviewed_by = actor if actor is not None and actor.is_authenticated else None
    transition(
        report,
        ReportState.RETURNED,
        actor=actor,
        action="campaigns.report.returned",
        transitions=REPORT_TRANSITIONS,
        reason=reason,
        extra_fields=["return_reason", "reviewed_at", "reviewed_by"],
    )
    if notify:
        _notify_unit(report, _("Report returned: %(report)s"), reason)
    return report


@transaction.atomic
def report_accept(*, report, actor, notify=True):
    """Accept a submitted report; its numbers then count in the aggregate and scoring."""
    _lock_report(report)
    ensure_transition(report, ReportState.ACCEPTED, REPORT_TRANSITIONS)
    report.reviewed_at = timezone.now()
    report.reviewed_by = actor if actor is not None and actor.is_authenticated else None
    transition(
        report,
        ReportState.ACCEPTED,
        actor=actor,
        action="campaigns.report.accepted",
        transitions=REPORT_TRANSITIONS,
        extra_fields=["reviewed_at", "reviewed_by"],
    )
    if notify:
        _notify_unit(report, _("Report accepted: %(report)s"), "")
    return report


@transaction.atomic
def report_reopen(*, report, actor, reason):
    """Let the unit change and submit the report again, even after the due date."""
    reason = required_reason(
        reason, _("Please give the reason for reopening this report.")
    )
    _lock_report(report)
    target = next(iter(REPORT_REOPEN_TRANSITIONS.get(report.state, {None})))
    report.reopened = True
    report.reopened_at = timezone.now()
    report.reopen_reason = reason
    fields = ["reopened", "reopened_at", "reopen_reason"]
    if target == ReportState.RETURNED and report.state != ReportState.RETURNED:
        report.return_reason = reason
        fields.append("return_reason")
    transition(
        report,
        target,
        actor=actor,
        action="campaigns.report.reopened",
        transitions=REPORT_REOPEN_TRANSITIONS,
        reason=reason,
        extra_fields=fields,
    )
    return report


@transaction.atomic
def report_attachment_add(*, report, actor, file, goal=None):
    """Check ``file`` by its content and size, then attach it under a generated name."""
    _lock_report(report)
    _ensure_editable(report)
    if goal is not None and goal.campaign_id != report.period.campaign_id:
        raise ValidationError(_("Unknown goal section."), code="unknown_goal")
    kind = validate_upload(file)
    attachment = ReportAttachment(
        report=report,
        goal=goal,
        original_name=os.path.basename(file.name)[:255],
        size=file.size,
        kind=kind,
        uploaded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    attachment.file.save(file.name, file, save=False)
    attachment.save()
    log_action(
        report,
        "campaigns.report.attachment_added",
        actor=actor,
        data={"attachment": attachment.pk, "name": attachment.original_name},
    )
    return attachment


@transaction.atomic
def report_attachment_remove(*, attachment, actor):
    """Remove an attachment from an editable report."""
    report = attachment.report
    _lock_report(report)
    _ensure_editable(report)
    name = attachment.original_name
    stored = attachment.file.name
    attachment.delete()
    storage = ReportAttachment._meta.get_field("file").storage
    transaction.on_commit(lambda: storage.delete(stored))
    log_action(
        report, "campaigns.report.attachment_removed", actor=actor, data={"name": name}
    )


def _unit_recipients(unit_ids):
    """Return {unit_id: [e-mail, ...]} for the heads of the units and the units' own address."""
    from units.models import Unit
    from units.selectors import heads_of_units

    heads = heads_of_units(unit_ids)
    result = {}
    for unit in Unit.objects.filter(pk__in=unit_ids).only("pk", "email"):
        emails = [user.email for user in heads.get(unit.pk, []) if user.email]
        if unit.email:
            emails.append(unit.email)
        result[unit.pk] = sorted(set(emails))
    return result


def _notify_unit(report, subject_template, body):
    recipients = _unit_recipients([report.unit_id]).get(report.unit_id, [])
    if not recipients:
        return
    subject = subject_template % {"report": str(report)}
    link = report.get_absolute_url()
    message = "\n\n".join(part for part in (subject, body, link) if part)
    transaction.on_commit(
        lambda: send_mail(subject, message, None, recipients, fail_silently=True)
    )


def report_reminders_send(*, period, actor=None, now=None, base_url=""):
    """E-mail every unit that must report in ``period`` and has not submitted.

    Returns the list of (unit, recipients) reminded; units without any
    address are skipped (and listed with no recipients).
    """
    from .selectors import board_rows

    now = now or timezone.now()
    rows = [
        row
        for row in board_rows(period, now=now)
        if row.report is None or row.report.state in REPORT_EDITABLE_STATES
    ]
    recipients = _unit_recipients([row.unit.pk for row in rows])
    messages, reminded = [], []
    for row in rows:
        emails = recipients.get(row.unit.pk, [])
        reminded.append((row.unit, emails))
        if not emails:
            continue
        subject = _("Reminder: report “%(period)s” due %(date)s") % {
            "period": period.name,
            "date": period.due_on.strftime("%d/%m/%Y"),
        }
        if row.is_overdue:
            status = _("The due date has passed; please submit as soon as possible.")
        else:
            status = _("%(days)s day(s) left.") % {"days": row.days_left}
        body = "\n\n".join(
            [
                _("Dear head of %(unit)s,") % {"unit": row.unit.name},
                _(
                    "Your unit has not yet submitted its report for “%(period)s” of the "
                    "campaign “%(campaign)s”. It is due by the end of %(date)s."
                )
                % {
                    "period": period.name,
                    "campaign": period.campaign.name,
                    "date": period.due_on.strftime("%d/%m/%Y"),
                },
                str(status),
                _("Fill in the report online: %(url)s")
                % {"url": base_url + reverse("campaigns:report_list")},
                _("Culture-Social office, People's Committee of the commune"),
            ]
        )
        messages.append(EmailMessage(subject, body, None, emails))
    if messages:
        get_connection().send_messages(messages)
    log_action(
        period,
        "campaigns.period.reminded",
        actor=actor,
        data={"units": len(reminded), "emails": len(messages)},
    )
    return reminded
