"""Seed the base salary table and the award kinds' legal basis of the prize.

The base salary was one setting (BASE_SALARY_VND); it becomes a table with
effective dates, seeded with 2,340,000 đồng from 01/7/2024 (Decree
73/2024/NĐ-CP). Decisions issued before keep the signer title they printed.
"""

import datetime

from django.db import migrations

SEED_AMOUNT = 2_340_000
SEED_FROM = datetime.date(2024, 7, 1)


def forwards(apps, schema_editor):
    LegalDocument = apps.get_model("campaigns", "LegalDocument")
    BaseSalary = apps.get_model("awards", "BaseSalary")
    AwardKind = apps.get_model("awards", "AwardKind")
    Decision = apps.get_model("awards", "Decision")
    decree_73 = LegalDocument.objects.get(kind="decree", number="73/2024/NĐ-CP")
    BaseSalary.objects.get_or_create(
        effective_from=SEED_FROM,
        defaults={"amount": SEED_AMOUNT, "legal_document": decree_73},
    )
    decree_152 = LegalDocument.objects.get(kind="decree", number="152/2025/NĐ-CP")
    AwardKind.objects.filter(prize_basis__isnull=True).update(prize_basis=decree_152)
    Decision.objects.filter(signer_title="").update(signer_title="CHỦ TỊCH")


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0006_frozen_decisions"),
        ("campaigns", "0005_legal_bases_to_citations"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
