"""Issue 17: the log says that a council member marked a sheet, never what.

Entries written before carried his points (drafts included); they keep how
many criteria he marked.
"""

from django.db import migrations


def forget_points(apps, schema_editor):
    ActivityLog = apps.get_model("core", "ActivityLog")
    for entry in ActivityLog.objects.filter(action="scoring.sheet.council_scored"):
        points = (entry.data or {}).get("points")
        if points is None:
            continue
        entry.data = {"criteria": len(points)}
        entry.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0005_council_marks_submission"),
        ("core", "0003_content_version"),
    ]

    operations = [migrations.RunPython(forget_points, migrations.RunPython.noop)]
