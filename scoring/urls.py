from django.urls import path

from . import views

app_name = "scoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("honor-board/", views.honor_board_latest, name="honor_board_latest"),
    path(
        "campaign/<int:campaign_pk>/honor-board/",
        views.HonorBoardView.as_view(),
        name="honor_board",
    ),
    path(
        "campaign/<int:campaign_pk>/criteria/",
        views.CriteriaView.as_view(),
        name="criteria",
    ),
    path(
        "campaign/<int:campaign_pk>/criteria/template.xlsx",
        views.CriteriaTemplateView.as_view(),
        name="criteria_template",
    ),
    path(
        "campaign/<int:campaign_pk>/criteria/import/",
        views.CriteriaImportView.as_view(),
        name="criteria_import",
    ),
    path(
        "campaign/<int:campaign_pk>/sheets/",
        views.SheetListView.as_view(),
        name="sheets",
    ),
    path(
        "campaign/<int:campaign_pk>/sheets/open/",
        views.SheetsOpenView.as_view(),
        name="sheets_open",
    ),
    path(
        "campaign/<int:campaign_pk>/ranking/",
        views.RankingView.as_view(),
        name="ranking",
    ),
    path(
        "campaign/<int:campaign_pk>/ranking/export.xlsx",
        views.RankingExportView.as_view(),
        name="ranking_export",
    ),
    path(
        "campaign/<int:campaign_pk>/ranking/publish/",
        views.RankingPublishView.as_view(),
        name="ranking_publish",
    ),
    path("sheets/<int:pk>/", views.SheetDetailView.as_view(), name="sheet"),
    path(
        "sheets/<int:pk>/self-assessment/",
        views.SelfAssessView.as_view(),
        name="self_assess",
    ),
    path(
        "sheets/<int:pk>/council/",
        views.CouncilScoreView.as_view(),
        name="council_score",
    ),
    path("sheets/<int:pk>/finalise/", views.FinaliseView.as_view(), name="finalise"),
    path("sheets/<int:pk>/pdf/", views.SheetPdfView.as_view(), name="sheet_pdf"),
    path(
        "sheets/<int:pk>/<slug:action>/",
        views.SheetActionView.as_view(),
        name="sheet_action",
    ),
    path("evidence/<int:pk>/", views.EvidenceView.as_view(), name="evidence"),
]
