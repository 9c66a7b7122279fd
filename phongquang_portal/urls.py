from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

admin.site.site_header = _("Phong Quang emulation portal — administration")
admin.site.site_title = _("Phong Quang portal")
admin.site.index_title = _("Administration")
# "View site": the portal's home page as the portal shows it, even to the
# chairman, whom the bare home page sends to the admin.
admin.site.site_url = "/?portal=1"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", views.PortalLoginView.as_view(), name="login"),
    path(
        "accounts/password_reset/",
        views.ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("campaigns/", include("campaigns.urls")),
    path("units/", include("units.urls")),
    path("scoring/", include("scoring.urls")),
    path("awards/", include("awards.urls")),
    path("xac-minh/", include("awards.public.urls")),
    path("exemplars/", include("exemplars.urls")),
    path("yearend/", include("yearend.urls")),
    path("healthz", views.healthz, name="healthz"),
]

handler400 = "phongquang_portal.views.bad_request"

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
