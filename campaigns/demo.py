"""Demo unit reports: history for 2025 and the 2026 campaign's current period in every state.

Everything goes through the services with the demo users as actors (the
hamlet heads fill in and submit, vanhoa of the office reviews), so the
activity log tells the story the pages show. Past periods are recorded as
paper reports the office typed in (``report_record_paper``), received three
days before their due date.
Idempotent: a unit that already has a report for a period is left alone.
Deterministic: a fixed random seed gives the same numbers on every machine.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from units.enums import Role
from units.models import Membership, Unit

from .enums import CampaignStatus
from .models import Campaign, Indicator, Report, ReportingPeriod
from .selectors import current_period
from .services import (
    campaign_plan_set,
    report_accept,
    report_extension_grant,
    report_mark_opened,
    report_record_paper,
    report_reopen,
    report_return,
    report_save,
    report_start,
    report_submit,
    review_item_check,
    submission_is_late,
)

PAPER_REASON = "Dữ liệu mẫu: báo cáo giấy đơn vị đã nộp, Phòng VH-XH nhập vào cổng."
LATE_REASON = "Dữ liệu mẫu: cho phép nộp sau hạn."

# Plausible ranges per indicator for a year's final review; mid-term is about half.
RANGES = {
    "a_buoi_tuyen_truyen": (2, 12),
    "a_luot_nguoi_tham_du": (40, 400),
    "b_nguoi_tap_huan_ky_nang_so": (15, 140),
    "b_cbcc_boi_duong": (2, 15),
    "c_kinh_phi": (5, 80),
    "d_vneid_muc_2": (62, 97),
    "d_ho_internet_cap_quang": (45, 210),
    "d_ho_so_truc_tuyen": (10, 160),
    "d_thanh_vien_to_cns": (4, 9),
    "dd_ho_thanh_toan_kdtm": (30, 190),
    "dd_san_pham_tmdt": (0, 5),
    "e_su_co_xu_ly": (0, 4),
    "e_buoi_canh_bao_lua_dao": (1, 6),
    "g_mo_hinh_phong_trao": (0, 3),
    "h_mo_hinh_nong_nghiep_so": (0, 4),
    "h_ho_so_suc_khoe_dien_tu": (55, 95),
}

NARRATIVES = {
    "a": [
        "Tổ chức {n} buổi tuyên truyền về chuyển đổi số lồng ghép trong các cuộc họp; "
        "phát thanh nội dung chuyển đổi số trên loa truyền thanh 2 buổi/tuần.",
        "Quán triệt Kế hoạch thi đua tới toàn thể cán bộ, hội viên; đăng tải tin bài "
        "trên nhóm Zalo của đơn vị.",
    ],
    "b": [
        "Tổ công nghệ số hướng dẫn người dân cài đặt VNeID, ứng dụng ngân hàng, "
        "dịch vụ công trực tuyến tại nhà văn hóa.",
        "Cử cán bộ tham gia lớp bồi dưỡng kỹ năng số do huyện tổ chức.",
    ],
    "c": [
        "Bố trí kinh phí từ nguồn chi thường xuyên cho mua sắm thiết bị và duy trì "
        "đường truyền Internet.",
        "Không phát sinh.",
    ],
    "d": [
        "Vận động các hộ lắp đặt Internet cáp quang; hỗ trợ người dân kích hoạt tài "
        "khoản định danh điện tử mức 2.",
        "Tiếp nhận và hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công.",
    ],
    "đ": [
        "Hướng dẫn hộ kinh doanh sử dụng mã QR thanh toán; giới thiệu sản phẩm chè, "
        "miến dong lên sàn thương mại điện tử.",
        "Vận động người dân thanh toán tiền điện, nước, học phí không dùng tiền mặt.",
    ],
    "e": [
        "Phối hợp Công an xã tuyên truyền cảnh báo lừa đảo qua mạng; kịp thời xử lý "
        "các trường hợp bị giả danh cơ quan chức năng.",
        "Không phát sinh sự cố mất an toàn thông tin trong kỳ.",
    ],
    "g": [
        "Phát động thi đua “Thôn chuyển đổi số tiêu biểu” gắn với cuộc vận động xây "
        "dựng nông thôn mới.",
        "Lồng ghép nội dung chuyển đổi số vào phong trào thi đua của đơn vị.",
    ],
    "h": [
        "Hỗ trợ hộ trồng chè ứng dụng nhật ký điện tử, truy xuất nguồn gốc; vận động "
        "người dân tạo hồ sơ sức khỏe điện tử.",
        "Tham gia số hóa tài liệu, hồ sơ chuyên môn theo lĩnh vực phụ trách.",
    ],
}

RETURN_REASONS = [
    "Đề nghị bổ sung ảnh minh chứng các buổi tuyên truyền và kiểm tra lại số hộ sử "
    "dụng thanh toán không dùng tiền mặt.",
    "Số người được tập huấn kỹ năng số chưa khớp với danh sách; đề nghị rà soát lại.",
]

# The current period's states, cycled over the reporting units in order. The
# first hamlet (thon1's) has its year-end report still to write; thon2's is
# submitted and not opened yet (thon2 may withdraw it); thon3 has a draft to
# finish, thon5 a returned report to correct; thon9 is late with an extension.
CURRENT_PATTERN = [
    None,
    "submitted",
    "draft",
    "accepted",
    "returned",
    "accepted",
    "submitted",
    "draft",
    None,
    "accepted",
]
# Which of the current period's submitted reports the office has opened (by
# position in the pattern's cycle): the others may still be withdrawn.
OPENED_POSITIONS = {6}
# The unit (by position in the reporting order) the office gives a week more.
EXTENDED_POSITION = 8
EXTENSION_DAYS = 7
EXTENSION_REASON = (
    "Dữ liệu mẫu: thôn bị ảnh hưởng mưa lũ, mất điện nhiều ngày; gia hạn một tuần."
)


def _value(rng, indicator, factor):
    low, high = RANGES.get(indicator.code, (0, 10))
    if indicator.value_type == "percentage":
        number = Decimal(str(round(rng.uniform(low, high) * (0.85 + 0.15 * factor), 1)))
        return min(number, Decimal(100))
    raw = rng.uniform(low, high) * factor
    if indicator.value_type == "integer":
        return Decimal(int(round(raw)))
    return Decimal(str(round(raw, 1)))


def _content(rng, unit, goals, indicators, factor):
    narratives = {
        goal.pk: rng.choice(NARRATIVES.get(goal.code, ["Không phát sinh."])).format(
            n=rng.randint(2, 9)
        )
        for goal in goals
    }
    values = {
        i.pk: _value(rng, i, factor) for i in indicators if i.applies_to(unit.kind)
    }
    return narratives, values


def _reporting_units(period):
    units = Unit.objects.filter(is_active=True).order_by("kind", "position", "name")
    if period.unit_kinds:
        units = units.filter(kind__in=period.unit_kinds)
    return list(units)


def _accepted_history(period, rng, office, factor):
    """Accepted reports for a past period: paper reports the office typed in."""
    goals = list(period.campaign.goals.order_by("position"))
    indicators = list(Indicator.objects.filter(campaign=period.campaign))
    done = set(Report.objects.filter(period=period).values_list("unit_id", flat=True))
    today = timezone.localdate()
    received_on = min(period.due_on - datetime.timedelta(days=3), today)
    received_on = max(received_on, period.opens_on)
    created = 0
    for unit in _reporting_units(period):
        if unit.pk in done:
            continue
        narratives, values = _content(rng, unit, goals, indicators, factor)
        report = report_start(unit=unit, period=period, actor=office)
        report_save(report=report, actor=office, narratives=narratives, values=values)
        report_record_paper(
            report=report, actor=office, received_on=received_on, reason=PAPER_REASON
        )
        report_accept(report=report, actor=office, notify=False)
        created += 1
    return created


def _heads_by_unit():
    result = {}
    for membership in Membership.objects.filter(role=Role.UNIT_HEAD).select_related(
        "user"
    ):
        result.setdefault(membership.unit_id, membership.user)
    return result


def _current_workflow(period, rng, office):
    """Put the current period's reports in every state, through the services."""
    goals = list(period.campaign.goals.order_by("position"))
    indicators = list(Indicator.objects.filter(campaign=period.campaign))
    done = set(Report.objects.filter(period=period).values_list("unit_id", flat=True))
    heads = _heads_by_unit()
    created = 0
    for index, unit in enumerate(_reporting_units(period)):
        target = CURRENT_PATTERN[index % len(CURRENT_PATTERN)]
        if index == EXTENDED_POSITION and not period.extensions.filter(unit=unit):
            report_extension_grant(
                period=period,
                unit=unit,
                until=period.due_on + datetime.timedelta(days=EXTENSION_DAYS),
                reason=EXTENSION_REASON,
                actor=office,
                notify=False,
            )
        if unit.pk in done or target is None:
            continue
        # A unit without a head (a committee) reports through the office.
        head = heads.get(unit.pk) or office
        report = report_start(unit=unit, period=period, actor=head)
        narratives, values = _content(rng, unit, goals, indicators, 1)
        if target == "draft":
            # A draft half done: the first goals only.
            keep = {goal.pk for goal in goals[: rng.randint(1, 4)]}
            narratives = {k: v for k, v in narratives.items() if k in keep}
            values = {k: v for k, v in values.items() if rng.random() < 0.5}
        report_save(report=report, actor=head, narratives=narratives, values=values)
        created += 1
        if target == "draft":
            continue
        if submission_is_late(report):
            report_reopen(report=report, actor=office, reason=LATE_REASON)
        report_submit(report=report, actor=head)
        if target == "submitted" and index % len(CURRENT_PATTERN) in OPENED_POSITIONS:
            report_mark_opened(report=report, actor=office)
        if target == "accepted":
            report_accept(report=report, actor=office, notify=False)
        elif target == "returned":
            report_return(
                report=report,
                actor=office,
                reason=rng.choice(RETURN_REASONS),
                notify=False,
            )
    return created


# The 2026 plan the office issued after copying the campaign (fictional number).
PLAN_2026 = ("05", datetime.date(2026, 1, 12))
# The 2025 plan as signed: its text (plan/2025, ke-hoach-2025.txt) leaves the number
# and the day blank ("Số: …/KH-UBND", "ngày … tháng 11 năm 2025"), so load_plan
# records neither; the demo's office records a fictional pair in November 2025,
# which the 2025 decision cites.
PLAN_2025 = ("27", datetime.date(2025, 11, 14))
# Copied texts that name 2025 but are right as they are: the titles of the national
# and provincial programmes cited ("đến năm 2025", "giai đoạn 2021 - 2025").
RIGHT_AS_COPIED = ("đến năm 2025", "giai đoạn 2021 - 2025")


def _copied_plans(office):
    """The office records the plans' numbers and dates (2025's and the copy's) and
    checks the copied texts that name 2025 rightly (the programmes' titles); the
    others stay to review."""
    original = Campaign.objects.filter(copied_from__isnull=True, year=2025).first()
    if original is not None and not original.plan_known:
        number, day = PLAN_2025
        campaign_plan_set(
            campaign=original,
            plan_number=number,
            plan_date=day,
            actor=office,
            reason="Dữ liệu mẫu: số và ngày Kế hoạch năm 2025 (bản kế hoạch để trống).",
        )
    for campaign in Campaign.objects.filter(copied_from__isnull=False, year=2026):
        if not campaign.plan_known:
            number, day = PLAN_2026
            campaign_plan_set(
                campaign=campaign,
                plan_number=number,
                plan_date=day,
                actor=office,
                reason="Dữ liệu mẫu: Kế hoạch năm 2026 do UBND xã ban hành.",
            )
        for item in campaign.review_items.filter(done=False):
            rest = item.text
            for phrase in RIGHT_AS_COPIED:
                rest = rest.replace(phrase, "")
            if "2025" not in rest:
                review_item_check(item=item, actor=office)


@transaction.atomic
def seed(stdout=None):
    """Fill 2025 and the 2026 campaign's earlier periods with accepted reports, and the
    2026 campaign's current period with reports in every state."""
    rng = random.Random(2026)
    office = get_user_model().objects.get(username="vanhoa")
    summary = []
    _copied_plans(office)
    for campaign in Campaign.objects.order_by("year"):
        periods = list(
            ReportingPeriod.objects.filter(campaign=campaign).order_by("position")
        )
        if not periods:
            continue
        now = timezone.now()
        current = current_period(campaign, now=now, periods=periods)
        active = campaign.status == CampaignStatus.ACTIVE
        for period in periods:
            factor = 0.5 if period.position == 1 and len(periods) > 1 else 1.0
            if active and period == current:
                n = _current_workflow(period, rng, office)
                summary.append(f"{period.name}: {n} báo cáo ở các trạng thái")
            elif period.opens_on <= timezone.localdate(now):
                n = _accepted_history(period, rng, office, factor)
                summary.append(f"{period.name}: {n} báo cáo đã duyệt")
    if stdout is not None:
        for line in summary:
            stdout.write(f"  Báo cáo đơn vị — {line}")
    return summary
