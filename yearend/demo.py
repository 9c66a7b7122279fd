"""Demo year-end summary: the 2025 final review, written and issued by the office.

Through the services with vanhoa (the office) as the actor; the 2026 summary
is left for vanhoa to write. Idempotent: a period with a summary is left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from campaigns.models import ReportingPeriod

from .models import YearEndSummary
from .services import summary_issue, summary_save, summary_start

ASSESSMENT = (
    "Phong trào được triển khai rộng khắp tới các cơ quan, đơn vị và 20 thôn; "
    "các tổ công nghệ số cộng đồng hoạt động thường xuyên, hướng dẫn người dân sử "
    "dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.\n"
    "Hạn chế: một số thôn báo cáo chậm, số liệu chưa đầy đủ; việc nhân rộng mô "
    "hình còn ít."
)
NEXT_STEPS = (
    "Tiếp tục đẩy mạnh tuyên truyền, bồi dưỡng kỹ năng số cho người dân.\n"
    "Nhân rộng các mô hình tiêu biểu tới các thôn còn lại trong năm tới."
)
PROPOSALS = (
    "Đề nghị cấp trên hỗ trợ kinh phí nâng cấp hạ tầng mạng tại các thôn vùng cao."
)


@transaction.atomic
def seed(stdout=None):
    office = get_user_model().objects.filter(username="vanhoa").first()
    period = ReportingPeriod.objects.filter(
        campaign__year=2025, name__startswith="Tổng kết"
    ).first()
    if office is None or period is None:
        return
    if YearEndSummary.objects.filter(period=period).exists():
        return
    summary = summary_start(period=period, actor=office)
    summary_save(
        summary=summary,
        actor=office,
        number="",
        assessment=ASSESSMENT,
        next_steps=NEXT_STEPS,
        proposals=PROPOSALS,
    )
    summary_issue(summary=summary, actor=office, issued_on=datetime.date(2025, 12, 29))
    if stdout is not None:
        stdout.write(f"  Báo cáo tổng kết mẫu: {period.name}")
