"""System checks of the deployment that Django's own ``check --deploy`` does not know."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", ""}


@checks.register(checks.Tags.security)
def check_public_base_url(app_configs=None, **kwargs):
    """Refuse production without a public PORTAL_BASE_URL.

    Every certificate's QR code and every e-mail link is built from it: a
    certificate printed with ``http://127.0.0.1`` can never be verified.
    """
    if not getattr(settings, "PRODUCTION", False):
        return []
    base = getattr(settings, "PORTAL_BASE_URL", "") or ""
    parts = urlsplit(base)
    host = (parts.hostname or "").lower()
    public = host not in LOCAL_HOSTS and not host.endswith(".localhost")
    if parts.scheme in ("http", "https") and public:
        return []
    return [
        checks.Error(
            "PORTAL_BASE_URL must be the portal's public address in production "
            f"(it is {base!r}).",
            hint=(
                "Set PORTAL_BASE_URL, e.g. https://thidua.phongquang.gov.vn: the QR "
                "code of every certificate and the links in e-mails point there."
            ),
            id="portal.E001",
        )
    ]
