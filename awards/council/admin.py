"""Council meetings in the admin: read, and their attendance corrected with a reason
while the voting has not opened."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_forms import ServiceAction
from phongquang_portal.core.admin_mixins import PortalModelAdmin
from phongquang_portal.core.permissions import has_perm

from ..enums import ATTENDANCE_FIELDS, MeetingState
from . import services
from .forms import AttendanceForm
from .models import CouncilMeeting, MeetingAttendance


class MeetingAttendanceInline(admin.TabularInline):
    """Who was present, member by member (read here; recorded on the meeting page)."""

    model = MeetingAttendance
    fields = ("member", "present")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return has_perm(request.user, "awards.view_meetingattendance", obj)


def _attendance_locked(meeting):
    if meeting.state != MeetingState.PREPARING:
        return _("The voting of this meeting has opened: its attendance is fixed.")
    return ""


@admin.register(CouncilMeeting)
class CouncilMeetingAdmin(PortalModelAdmin):
    """Meetings are recorded on the council board and run on their own page
    (attendance member by member, opening, ballots, closing). Here they are
    read; the attendance may be corrected member by member, with a reason,
    only while the voting has not opened."""

    list_display = (
        "__str__",
        "campaign",
        "state",
        "ballot_mode",
        "members_present",
        "members_total",
    )
    list_filter = ("campaign", "state")
    list_select_related = ("campaign",)
    fields = (
        "campaign",
        "held_on",
        "state",
        "ballot_mode",
        *ATTENDANCE_FIELDS,
        "chair",
        "secretary",
        "opened_at",
        "closed_at",
        "notes",
        "recorded_by",
        "portal_page",
    )
    readonly_fields = (
        "state",
        "ballot_mode",
        "chair",
        "secretary",
        "opened_at",
        "closed_at",
        "recorded_by",
        "portal_page",
    )
    guarded_fields = ("campaign", "held_on", *ATTENDANCE_FIELDS)
    inlines = [MeetingAttendanceInline]
    service_actions = [
        ServiceAction(
            name="attendance",
            title=gettext_lazy("Correct the attendance"),
            label=gettext_lazy("Correct the attendance (with a reason)"),
            intro=gettext_lazy(
                "Tick the members present. The attendance changes only before the "
                "voting opens, with a reason; who came and who left are logged."
            ),
            form=AttendanceForm,
            form_target="meeting",
            service=services.meeting_attendance_record,
            target="meeting",
            permission="awards.change_attendance",
            button_permission="awards.change_meeting_attendance",
            locked=_attendance_locked,
            success=gettext_lazy("The meeting's attendance is corrected."),
        ),
    ]

    def has_add_permission(self, request):
        # Meetings are recorded on the council board.
        return False

    @admin.display(description=gettext_lazy("Meeting page and minutes"))
    def portal_page(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("awards:meeting", args=[obj.pk]), _("Open")
        )
