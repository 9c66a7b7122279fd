"""The base salary of 2.530.000 đồng from 01/7/2026 (Decree 161/2026/NĐ-CP, Art. 3),
as plan/2025/awards.toml ships it; only where the plan's earlier row exists (a fresh
database gets it from ``load_plan``)."""

import datetime

from django.db import migrations


def forwards(apps, schema_editor):
    LegalDocument = apps.get_model("campaigns", "LegalDocument")
    BaseSalary = apps.get_model("awards", "BaseSalary")
    decree = LegalDocument.objects.filter(
        kind="decree", number="161/2026/NĐ-CP"
    ).first()
    if decree is None or not BaseSalary.objects.exists():
        return
    BaseSalary.objects.get_or_create(
        effective_from=datetime.date(2026, 7, 1),
        defaults={"amount": 2_530_000, "legal_document": decree},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0011_dossier_extension_reason_checked"),
        ("campaigns", "0008_legal_documents_2026"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
