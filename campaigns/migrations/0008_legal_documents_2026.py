"""Decree 152/2025/NĐ-CP under its full title; Decree 161/2026/NĐ-CP (the base salary
from 01/7/2026) as a record, as plan/2025/campaigns.toml ships them.

Only a database whose plan is loaded is touched (a fresh one gets both from
``load_plan``); a title the office corrected by hand is left as it is.
"""

import datetime

from django.db import migrations

OLD_152_TITLE = "quy định chi tiết một số điều của Luật Thi đua, khen thưởng"
NEW_152_TITLE = (
    "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định "
    "chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"
)
DECREE_161 = {
    "issued_on": datetime.date(2026, 5, 15),
    "issuer": "Chính phủ",
    "title": "quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và "
    "lực lượng vũ trang",
    "in_force_from": datetime.date(2026, 7, 1),
}


def forwards(apps, schema_editor):
    LegalDocument = apps.get_model("campaigns", "LegalDocument")
    LegalDocument.objects.filter(
        kind="decree", number="152/2025/NĐ-CP", title=OLD_152_TITLE
    ).update(title=NEW_152_TITLE)
    if LegalDocument.objects.filter(kind="decree", number="73/2024/NĐ-CP").exists():
        LegalDocument.objects.get_or_create(
            kind="decree", number="161/2026/NĐ-CP", defaults=DECREE_161
        )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0007_year_round")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
