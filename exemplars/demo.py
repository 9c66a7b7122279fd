"""Demo exemplary models: recognised, spread and proposed, in 2025 and 2026.

Through the services with the demo users as actors: a hamlet head proposes,
vanhoa (the office) records, recognises and records the spreading. The photos
are small pictures drawn here (no binary in git). Idempotent: a campaign
that already has models is left alone.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign
from units.enums import Role, UnitKind
from units.models import Membership, Unit

from .models import ExemplaryModel
from .services import (
    IndicatorInput,
    exemplar_create,
    exemplar_evidence_add,
    exemplar_recognise,
    exemplar_spread_record,
)


def demo_photo(title, colour):
    """A 640×400 PNG with a title: a stand-in for a photo of the model."""
    from django.conf import settings
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (640, 400), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(
        str(settings.BASE_DIR / "static" / "fonts" / "LiberationSerif-Bold.ttf"), 30
    )
    draw.rectangle([20, 300, 620, 380], fill=(255, 255, 255))
    draw.text((36, 318), title, font=font, fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _day(year, month, day):
    """The day, or today when the demo runs before it (no date in the future)."""
    return min(datetime.date(year, month, day), timezone.localdate())


def _head_of(unit):
    membership = (
        Membership.objects.filter(role=Role.UNIT_HEAD, unit=unit)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _hamlet(index):
    return Unit.objects.filter(kind=UnitKind.HAMLET).order_by("position", "pk")[
        index - 1
    ]


def _goals(campaign, *codes):
    return list(campaign.goals.filter(code__in=codes))


def _field(campaign, name):
    return list(campaign.goals.get(code="h").priority_fields.filter(name=name))


def _photo(model, actor, title, colour):
    exemplar_evidence_add(
        model=model,
        actor=actor,
        file=SimpleUploadedFile(
            "anh-mo-hinh.png", demo_photo(title, colour), content_type="image/png"
        ),
        photo=True,
        caption=title,
    )


def seed_2026(campaign, office):
    year = campaign.year
    h = [_hamlet(i) for i in range(1, 7)]
    vneid = exemplar_create(
        campaign=campaign,
        unit=h[0],
        actor=_head_of(h[0]) or office,
        name="Tổ công nghệ số hướng dẫn cài đặt VNeID tận nhà",
        people="Trưởng thôn và 6 thành viên Tổ công nghệ số cộng đồng",
        description=(
            "Tổ công nghệ số chia địa bàn theo xóm, đến từng hộ hướng dẫn cài đặt, "
            "kích hoạt tài khoản định danh điện tử mức 2 và sử dụng dịch vụ công "
            "trực tuyến; mỗi tuần một buổi tối tại nhà văn hóa."
        ),
        goals=_goals(campaign, "b", "d"),
        indicators=[
            IndicatorInput("Tỷ lệ người từ 14 tuổi có VNeID mức 2", "%", 55, 92),
            IndicatorInput("Số hồ sơ nộp trực tuyến", "hồ sơ", 12, 148),
        ],
    )
    _photo(vneid, office, "Hướng dẫn VNeID tại nhà văn hóa", (179, 38, 30))
    _photo(vneid, office, "Tổ công nghệ số đến từng hộ", (21, 101, 192))
    exemplar_recognise(
        model=vneid,
        actor=office,
        recognised_on=_day(year, 10, 15),
        reference="Biên bản họp Hội đồng Thi đua - Khen thưởng xã",
    )
    exemplar_spread_record(
        model=vneid,
        actor=office,
        unit=h[1],
        spread_on=_day(year, 11, 1),
        note="Thôn cử tổ công nghệ số học tập cách chia địa bàn theo xóm.",
    )
    exemplar_spread_record(
        model=vneid, actor=office, unit=h[3], spread_on=_day(year, 11, 10)
    )

    tea = exemplar_create(
        campaign=campaign,
        unit=h[5],
        actor=office,
        name="Chè Phiêng Tạc lên sàn thương mại điện tử",
        people="Tổ hợp tác chè Phiêng Tạc (12 hộ)",
        description=(
            "Các hộ trồng chè ghi nhật ký sản xuất điện tử, dán mã QR truy xuất nguồn "
            "gốc và bán chè qua sàn thương mại điện tử, thanh toán không dùng tiền mặt."
        ),
        goals=_goals(campaign, "đ", "h"),
        priority_fields=_field(campaign, "Nông nghiệp"),
        indicators=[
            IndicatorInput("Sản phẩm trên sàn thương mại điện tử", "sản phẩm", 0, 4),
            IndicatorInput("Doanh thu bán trực tuyến", "triệu đồng", 0, 1250),
        ],
    )
    _photo(tea, office, "Chè Phiêng Tạc có mã QR truy xuất", (46, 125, 50))
    exemplar_recognise(model=tea, actor=office, recognised_on=_day(year, 9, 20))

    centre = Unit.objects.filter(name="Trung tâm Phục vụ hành chính công xã").first()
    if centre is not None:
        one_stop = exemplar_create(
            campaign=campaign,
            unit=centre,
            actor=_head_of(centre) or office,
            name="Một cửa số: người dân nộp hồ sơ trực tuyến có người hướng dẫn",
            description=(
                "Bố trí máy tính và công chức hướng dẫn người dân tự nộp hồ sơ "
                "trực tuyến ngay tại bộ phận một cửa."
            ),
            goals=_goals(campaign, "d"),
        )
        exemplar_recognise(model=one_stop, actor=office, recognised_on=_day(year, 8, 5))
    # A proposal waiting for the office: thon4's hamlet.
    exemplar_create(
        campaign=campaign,
        unit=h[3],
        actor=_head_of(h[3]) or office,
        name="Chợ quê không dùng tiền mặt",
        description=(
            "Các tiểu thương trong chợ thôn dán mã QR thanh toán; đoàn viên thanh "
            "niên hướng dẫn người mua quét mã."
        ),
        goals=_goals(campaign, "đ"),
        indicators=[IndicatorInput("Quầy hàng có mã QR", "quầy", 2, 27)],
    )


def seed_2025(campaign, office):
    h = [_hamlet(i) for i in range(13, 15)]
    radio = exemplar_create(
        campaign=campaign,
        unit=h[0],
        actor=office,
        name="Loa truyền thanh thông minh phát tin chuyển đổi số",
        description="Phát bản tin chuyển đổi số 2 buổi/tuần qua loa truyền thanh IP.",
        goals=_goals(campaign, "a"),
        indicators=[IndicatorInput("Buổi phát thanh mỗi tháng", "buổi", 2, 8)],
    )
    exemplar_recognise(
        model=radio, actor=office, recognised_on=datetime.date(2025, 11, 20)
    )
    exemplar_spread_record(
        model=radio, actor=office, unit=h[1], spread_on=datetime.date(2025, 12, 5)
    )


@transaction.atomic
def seed(stdout=None):
    office = get_user_model().objects.filter(username="vanhoa").first()
    if office is None or Unit.objects.filter(kind=UnitKind.HAMLET).count() < 20:
        return
    done = []
    for campaign in Campaign.objects.filter(year__in=[2025, 2026]).order_by("year"):
        if ExemplaryModel.objects.filter(campaign=campaign).exists():
            continue
        (seed_2025 if campaign.year == 2025 else seed_2026)(campaign, office)
        done.append(str(campaign.year))
    if stdout is not None and done:
        stdout.write(f"  Điển hình tiên tiến mẫu: {', '.join(done)}")
