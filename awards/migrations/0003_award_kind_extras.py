import decimal

from django.db import migrations

EXTRAS = {
    "bang_khen_tinh": {
        "multiplier_individual": decimal.Decimal("1.00"),
        "multiplier_collective": decimal.Decimal("2.00"),
    },
    "dot_xuat": {"required_documents": ["to_trinh", "bao_cao"]},
}


def fill_extras(apps, schema_editor):
    AwardKind = apps.get_model("awards", "AwardKind")
    for code, values in EXTRAS.items():
        AwardKind.objects.filter(code=code).update(**values)


class Migration(migrations.Migration):
    dependencies = [("awards", "0002_nominations")]

    operations = [migrations.RunPython(fill_extras, migrations.RunPython.noop)]
