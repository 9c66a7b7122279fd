from django.core.management.base import BaseCommand

from campaigns.services import plan_load


class Command(BaseCommand):
    help = "Load the 2025 plan (campaign, goals a–h, priority fields, award kinds). Idempotent."

    def handle(self, *args, **options):
        campaign = plan_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Kế hoạch {campaign.year}: {campaign.goals.count()} mục tiêu, "
                f"hạn nộp hồ sơ {campaign.dossier_deadline:%d/%m/%Y}."
            )
        )
