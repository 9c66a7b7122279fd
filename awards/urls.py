from django.urls import path

from . import extension_views, views

app_name = "awards"

urlpatterns = [
    path("", views.nomination_list, name="list"),
    path("new/", views.nomination_create, name="create"),
    path("nominees/", views.nominee_options, name="nominee_options"),
    path("queue/", views.checking_queue, name="queue"),
    path("council/", views.council_board, name="council"),
    path("council/meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path(
        "council/meetings/<int:pk>/attendance/",
        views.meeting_attendance,
        name="meeting_attendance",
    ),
    path("council/meetings/<int:pk>/open/", views.meeting_open, name="meeting_open"),
    path("council/meetings/<int:pk>/close/", views.meeting_close, name="meeting_close"),
    path(
        "council/meetings/<int:pk>/opinion/",
        views.meeting_opinion,
        name="meeting_opinion",
    ),
    path(
        "council/meetings/<int:pk>/bien-ban.pdf",
        views.meeting_minutes_pdf,
        name="meeting_minutes_pdf",
    ),
    path(
        "council/meetings/<int:pk>/bien-ban.docx",
        views.meeting_minutes_docx,
        name="meeting_minutes_docx",
    ),
    path("honor/", views.honor_board, name="honor"),
    path(
        "from-ranking/<int:campaign_pk>/",
        views.nominate_from_ranking,
        name="nominate_from_ranking",
    ),
    path("extensions/", extension_views.extensions, name="extensions"),
    path(
        "extensions/<int:pk>/revoke/",
        extension_views.extension_revoke,
        name="extension_revoke",
    ),
    path("decisions/", views.decision_list, name="decisions"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/quyet-dinh.pdf", views.decision_pdf, name="decision_pdf"),
    path(
        "decisions/<int:pk>/giay-khen.pdf",
        views.certificates_pdf,
        name="certificates_pdf",
    ),
    path(
        "decisions/<int:pk>/giay-khen-in-phoi.pdf",
        views.certificates_blank_pdf,
        name="certificates_blank_pdf",
    ),
    path(
        "decisions/<int:pk>/danh-sach.xlsx", views.decision_xlsx, name="decision_xlsx"
    ),
    path(
        "decisions/<int:pk>/quyet-dinh-ky-so.pdf",
        views.decision_signed_pdf,
        name="decision_signed_pdf",
    ),
    path("decisions/<int:pk>/sign/", views.decision_sign, name="decision_sign"),
    path(
        "decisions/<int:pk>/replace/", views.decision_replace, name="decision_replace"
    ),
    path("<int:pk>/", views.nomination_detail, name="detail"),
    path("<int:pk>/edit/", views.nomination_edit, name="edit"),
    path("<int:pk>/submit/", views.nomination_submit, name="submit"),
    path("<int:pk>/check/", views.nomination_check, name="check"),
    path("<int:pk>/return/", views.nomination_return, name="return"),
    path("<int:pk>/vote/", views.nomination_vote, name="vote"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/to-trinh.pdf", views.to_trinh_pdf, name="to_trinh_pdf"),
    path("<int:pk>/bao-cao-thanh-tich.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/to-trinh.docx", views.to_trinh_docx, name="to_trinh_docx"),
    path("<int:pk>/bao-cao-thanh-tich.docx", views.report_docx, name="report_docx"),
    path(
        "attachments/<int:pk>/", views.attachment_download, name="attachment_download"
    ),
    path(
        "attachments/<int:pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
