from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .models import AwardKind


@admin.register(AwardKind)
class AwardKindAdmin(ObjectPermissionsModelAdmin):
    list_display = (
        "name",
        "campaign",
        "code",
        "deadline_bound",
        "quota_collective",
        "quota_individual",
    )
    list_filter = ("campaign", "code")
    list_select_related = ("campaign",)
