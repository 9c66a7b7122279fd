"""Remind units that have not submitted their report; meant for cron (daily at 7:00)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from campaigns.deadlines import report_periods_due_between
from campaigns.enums import CampaignStatus
from campaigns.models import ReportingPeriod
from campaigns.services import report_reminders_send
from campaigns.services.notifications import reminder_rows


class Command(BaseCommand):
    help = (
        "E-mail the heads of units that have not yet submitted their report for open "
        "periods when the unit's deadline (the period's, or the office's extension) "
        "is within --days days (or already past by at most --overdue-days)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period",
            type=int,
            action="append",
            help="Only this period (id); repeatable.",
        )
        parser.add_argument(
            "--days", type=int, default=7, help="Due within this many days."
        )
        parser.add_argument(
            "--overdue-days",
            type=int,
            default=30,
            help="Keep reminding this many days after the due date.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List, send nothing."
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="Portal address put in the e-mails, e.g. https://thidua.phongquang.gov.vn",
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            return self._handle(**options)

    def _handle(self, **options):
        today = timezone.localdate()
        periods = ReportingPeriod.objects.select_related("campaign").order_by("due_on")
        due_between = None
        if options["period"]:
            periods = periods.filter(pk__in=options["period"])
            if not periods:
                raise CommandError("No such period.")
        else:
            # Each unit's own deadline (the period's, or its extension) decides.
            due_between = (
                today - datetime.timedelta(days=options["overdue_days"]),
                today + datetime.timedelta(days=options["days"]),
            )
            periods = report_periods_due_between(
                periods.filter(
                    campaign__status=CampaignStatus.ACTIVE, opens_on__lte=today
                ),
                *due_between,
            )
        base_url = options["base_url"] or getattr(settings, "PORTAL_BASE_URL", "")
        total = 0
        for period in periods:
            if options["dry_run"]:
                rows = reminder_rows(period, due_between=due_between)
                self.stdout.write(
                    f"{period.campaign.year} · {period.name}: "
                    f"{len(rows)} đơn vị chưa nộp (chạy thử, không gửi)"
                )
                continue
            reminded = report_reminders_send(
                period=period, base_url=base_url, due_between=due_between
            )
            sent = sum(1 for _unit, emails in reminded if emails)
            total += sent
            self.stdout.write(
                f"{period.campaign.year} · {period.name}: đã nhắc {sent}/{len(reminded)} "
                "đơn vị chưa nộp"
            )
        self.stdout.write(self.style.SUCCESS(f"Tổng số thư nhắc đã gửi: {total}"))
