from django.urls import path

from . import views

app_name = "yearend"

urlpatterns = [
    path("", views.index, name="index"),
    path("periods/<int:period_pk>/", views.summary, name="summary"),
    path("periods/<int:period_pk>/issue/", views.issue, name="issue"),
    path("periods/<int:period_pk>/bao-cao.pdf", views.summary_pdf_view, name="pdf"),
    path("periods/<int:period_pk>/bao-cao.docx", views.summary_docx_view, name="docx"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/thong-ke.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
]
