from django.urls import path

from . import views

app_name = "exemplars"

urlpatterns = [
    path("", views.public_list, name="public"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("register/", views.register, name="register"),
    path("register/so-dien-hinh.xlsx", views.export, name="export"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path("<int:pk>/recognise/", views.recognise, name="recognise"),
    path("<int:pk>/decline/", views.decline, name="decline"),
    path("<int:pk>/spread/", views.spread, name="spread"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
]
