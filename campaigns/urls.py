from django.urls import path

from . import extension_views, views

app_name = "campaigns"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="list"),
    path("<int:pk>/", views.CampaignDetailView.as_view(), name="detail"),
    path("<int:pk>/review/", views.ReviewListView.as_view(), name="review"),
    path("review/<int:pk>/", views.ReviewItemView.as_view(), name="review_item"),
    # Unit reports
    path("<int:pk>/dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("reports/", views.ReportListView.as_view(), name="report_list"),
    path(
        "reports/start/<int:period_pk>/<int:unit_pk>/",
        views.ReportStartView.as_view(),
        name="report_start",
    ),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("reports/<int:pk>/edit/", views.ReportEditView.as_view(), name="report_edit"),
    path(
        "reports/<int:pk>/attachments/",
        views.AttachmentUploadView.as_view(),
        name="attachment_upload",
    ),
    path(
        "reports/<int:pk>/attachments/<int:attachment_pk>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
    path(
        "reports/<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.AttachmentDeleteView.as_view(),
        name="attachment_delete",
    ),
    path(
        "reports/<int:pk>/<slug:action>/",
        views.ReportActionView.as_view(),
        name="report_action",
    ),
    path("periods/<int:pk>/", views.BoardView.as_view(), name="board"),
    path("periods/<int:pk>/remind/", views.RemindView.as_view(), name="remind"),
    path(
        "periods/<int:pk>/extensions/<int:unit_pk>/",
        extension_views.ReportExtensionView.as_view(),
        name="extension",
    ),
    path(
        "periods/<int:pk>/extensions/<int:unit_pk>/revoke/",
        extension_views.ReportExtensionRevokeView.as_view(),
        name="extension_revoke",
    ),
    path(
        "periods/<int:pk>/aggregate/", views.AggregateView.as_view(), name="aggregate"
    ),
    path(
        "periods/<int:pk>/aggregate.xlsx",
        views.AggregateExcelView.as_view(),
        name="aggregate_xlsx",
    ),
    path(
        "periods/<int:pk>/aggregate.pdf",
        views.AggregatePdfView.as_view(),
        name="aggregate_pdf",
    ),
]
