import datetime
import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from campaigns.enums import CampaignStatus
from campaigns.models import Campaign
from campaigns.services import campaign_copy, campaign_set_status, plan_load
from units import demo

# Each app may add its demo data in ``<app>/demo.py`` with a ``seed(stdout=...)``
# function; they run in this order, after the commune and the campaigns exist.
APP_SEEDERS = ["campaigns.demo", "scoring.demo", "awards.demo"]


class Command(BaseCommand):
    help = "Add a fictional commune, demo logins and demo campaign data. Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
        campaign_2025 = plan_load()
        demo.seed(stdout=self.stdout)
        campaign_2026 = Campaign.objects.filter(
            name=campaign_2025.name, year=2026
        ).first()
        if campaign_2026 is None:
            campaign_2026 = campaign_copy(
                source=campaign_2025,
                year=2026,
                starts_on=datetime.date(2026, 1, 1),
                ends_on=datetime.date(2026, 12, 31),
                dossier_deadline=datetime.date(2026, 12, 15),
            )
            campaign_set_status(
                campaign=campaign_2026, status=CampaignStatus.ACTIVE, actor=None
            )
        if campaign_2025.status != CampaignStatus.CLOSED:
            campaign_set_status(
                campaign=campaign_2025, status=CampaignStatus.CLOSED, actor=None
            )
        for module_name in APP_SEEDERS:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue
            module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Dữ liệu mẫu đã sẵn sàng. Demo logins:"))
        for username, description in demo.demo_logins():
            self.stdout.write(f"  {username:<15} {description}")
        self.stdout.write(f"  Mật khẩu chung / password: {demo.DEMO_PASSWORD}")
