"""The awards' pages, each routed to the views of its subject."""

from django.urls import path

from .council import views as council
from .decisions import views as decisions
from .extensions import views as extensions
from .nominations import views as nominations
from .public import views as public

app_name = "awards"

urlpatterns = [
    path("", nominations.nomination_list, name="list"),
    path("new/", nominations.nomination_create, name="create"),
    path("nominees/", nominations.nominee_options, name="nominee_options"),
    path("queue/", nominations.checking_queue, name="queue"),
    path("council/", council.council_board, name="council"),
    path("council/meetings/<int:pk>/", council.meeting_detail, name="meeting"),
    path(
        "council/meetings/<int:pk>/attendance/",
        council.meeting_attendance,
        name="meeting_attendance",
    ),
    path("council/meetings/<int:pk>/open/", council.meeting_open, name="meeting_open"),
    path(
        "council/meetings/<int:pk>/close/", council.meeting_close, name="meeting_close"
    ),
    path(
        "council/meetings/<int:pk>/opinion/",
        council.meeting_opinion,
        name="meeting_opinion",
    ),
    path(
        "council/meetings/<int:pk>/bien-ban.pdf",
        council.meeting_minutes_pdf,
        name="meeting_minutes_pdf",
    ),
    path(
        "council/meetings/<int:pk>/bien-ban.docx",
        council.meeting_minutes_docx,
        name="meeting_minutes_docx",
    ),
    path("honor/", public.honor_board, name="honor"),
    path(
        "from-ranking/<int:campaign_pk>/",
        nominations.nominate_from_ranking,
        name="nominate_from_ranking",
    ),
    path("extensions/", extensions.ExtensionsView.as_view(), name="extensions"),
    path(
        "extensions/<int:pk>/revoke/",
        extensions.ExtensionRevokeView.as_view(),
        name="extension_revoke",
    ),
    path("decisions/", decisions.decision_list, name="decisions"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path(
        "decisions/<int:pk>/quyet-dinh.pdf", decisions.decision_pdf, name="decision_pdf"
    ),
    path(
        "decisions/<int:pk>/giay-khen.pdf",
        decisions.certificates_pdf,
        name="certificates_pdf",
    ),
    path(
        "decisions/<int:pk>/giay-khen-in-phoi.pdf",
        decisions.certificates_blank_pdf,
        name="certificates_blank_pdf",
    ),
    path(
        "decisions/<int:pk>/danh-sach.xlsx",
        decisions.decision_xlsx,
        name="decision_xlsx",
    ),
    path(
        "decisions/<int:pk>/quyet-dinh-ky-so.pdf",
        decisions.decision_signed_pdf,
        name="decision_signed_pdf",
    ),
    path("decisions/<int:pk>/sign/", decisions.decision_sign, name="decision_sign"),
    path(
        "decisions/<int:pk>/replace/",
        decisions.decision_replace,
        name="decision_replace",
    ),
    path("<int:pk>/", nominations.nomination_detail, name="detail"),
    path("<int:pk>/edit/", nominations.nomination_edit, name="edit"),
    path("<int:pk>/submit/", nominations.nomination_submit, name="submit"),
    path("<int:pk>/check/", nominations.nomination_check, name="check"),
    path("<int:pk>/return/", nominations.nomination_return, name="return"),
    path("<int:pk>/vote/", council.nomination_vote, name="vote"),
    path("<int:pk>/attachments/", nominations.attachment_add, name="attachment_add"),
    path("<int:pk>/to-trinh.pdf", nominations.to_trinh_pdf, name="to_trinh_pdf"),
    path("<int:pk>/bao-cao-thanh-tich.pdf", nominations.report_pdf, name="report_pdf"),
    path("<int:pk>/to-trinh.docx", nominations.to_trinh_docx, name="to_trinh_docx"),
    path(
        "<int:pk>/bao-cao-thanh-tich.docx", nominations.report_docx, name="report_docx"
    ),
    path(
        "attachments/<int:pk>/",
        nominations.attachment_download,
        name="attachment_download",
    ),
    path(
        "attachments/<int:pk>/delete/",
        nominations.attachment_delete,
        name="attachment_delete",
    ),
]
