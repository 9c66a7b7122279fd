"""Issue 17: a secret ballot's log entry names neither the voter nor the dossier.

Entries written before named the member as actor against the nomination he
voted on; they now stand against the meeting, with no actor and no data.
"""

from django.db import migrations


def anonymise(apps, schema_editor):
    ActivityLog = apps.get_model("core", "ActivityLog")
    ContentType = apps.get_model("contenttypes", "ContentType")
    CouncilMeeting = apps.get_model("awards", "CouncilMeeting")
    meeting_type, _created = ContentType.objects.get_or_create(
        app_label="awards", model="councilmeeting"
    )
    for entry in ActivityLog.objects.filter(action="awards.ballot.cast_secret"):
        meeting_id = (entry.data or {}).get("meeting")
        if entry.content_type_id == meeting_type.pk and entry.actor_id is None:
            continue
        meeting = CouncilMeeting.objects.filter(pk=meeting_id).first()
        entry.content_type_id = meeting_type.pk
        entry.object_id = meeting_id or 0
        entry.object_repr = (
            f"Cuộc họp Hội đồng ngày {meeting.held_on:%d/%m/%Y}" if meeting else ""
        )
        entry.actor_id = None
        entry.data = {}
        entry.save(
            update_fields=["content_type", "object_id", "object_repr", "actor", "data"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0012_meeting_close_reason"),
        ("core", "0003_content_version"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(anonymise, migrations.RunPython.noop)]
