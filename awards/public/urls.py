"""The public verification page a certificate's QR code leads to: /xac-minh/<code>/."""

from django.urls import path

from . import views

app_name = "verify"

urlpatterns = [
    path("<slug:code>/", views.verify_certificate, name="certificate"),
]
