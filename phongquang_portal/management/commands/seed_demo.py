"""seed_demo: the fictional Phong Quang commune, its logins, and each app's demo data.

The project level knows every app, so this command lives here: the commune
first (units, people, roles), then the 2025 plan closed and its 2026 copy
under way, then each app's own demo (``<app>/demo.py``), all through the
services with the demo users as actors, so the activity log tells the story
the pages show. Idempotent: a second run changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

import awards.demo
import campaigns.demo
import exemplars.demo
import scoring.demo
import yearend.demo
from campaigns.enums import CampaignStatus
from campaigns.models import Campaign
from campaigns.services import campaign_copy, campaign_set_status, plan_load
from phongquang_portal.core.permissions import SYSTEM
from units import demo

APP_SEEDERS = [campaigns.demo, scoring.demo, exemplars.demo, awards.demo, yearend.demo]


class Command(BaseCommand):
    help = "Add a fictional commune, demo logins and demo campaign data. Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
        campaign_2025 = plan_load(actor=SYSTEM)
        demo.seed(stdout=self.stdout)
        office = get_user_model().objects.get(username="vanhoa")
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
                actor=office,
            )
            campaign_set_status(
                campaign=campaign_2026, status=CampaignStatus.ACTIVE, actor=office
            )
        if campaign_2025.status != CampaignStatus.CLOSED:
            campaign_set_status(
                campaign=campaign_2025, status=CampaignStatus.CLOSED, actor=office
            )
        for module in APP_SEEDERS:
            module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Dữ liệu mẫu đã sẵn sàng. Demo logins:"))
        for username, description in demo.demo_logins():
            self.stdout.write(f"  {username:<15} {description}")
        self.stdout.write(f"  Mật khẩu chung / password: {demo.DEMO_PASSWORD}")
