"""Council meetings in the admin: read, and their attendance corrected with a reason
while the voting has not opened."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_mixins import PortalModelAdmin
from phongquang_portal.core.permissions import has_perm

from ..common.admin import ServiceFormMixin
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


@admin.register(CouncilMeeting)
class CouncilMeetingAdmin(ServiceFormMixin, PortalModelAdmin):
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
    change_form_template = "admin/awards/councilmeeting/change_form.html"

    def has_add_permission(self, request):
        # Meetings are recorded on the council board.
        return False

    @admin.display(description=gettext_lazy("Meeting page and minutes"))
    def portal_page(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("awards:meeting", args=[obj.pk]), _("Open")
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/attendance/",
                self.admin_site.admin_view(self.attendance_view),
                name="awards_councilmeeting_attendance",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        extra_context = {
            **(extra_context or {}),
            "may_change_attendance": obj is not None
            and has_perm(request.user, "awards.change_meeting_attendance", obj),
            "attendance_locked": obj is not None
            and obj.state != MeetingState.PREPARING,
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def attendance_view(self, request, pk):
        meeting = self._service_object(request, pk)
        if not has_perm(request.user, "awards.change_attendance"):
            raise PermissionDenied
        form = AttendanceForm(
            request.POST if request.method == "POST" else None, meeting=meeting
        )
        if request.method == "POST" and form.is_valid():
            done = self._run_service(
                request,
                meeting,
                form,
                services.meeting_attendance_record,
                _("The meeting's attendance is corrected."),
                meeting=meeting,
                present=form.cleaned_data["present"],
            )
            if done is not None:
                return done
        return self._service_page(
            request,
            meeting,
            form,
            title=_("Correct the attendance of %(meeting)s") % {"meeting": meeting},
            intro=_(
                "Tick the members present. The attendance changes only before the "
                "voting opens, with a reason; who came and who left are logged."
            ),
            locked_message=_(
                "The voting of this meeting has opened: its attendance is fixed."
            )
            if meeting.state != MeetingState.PREPARING
            else "",
        )
