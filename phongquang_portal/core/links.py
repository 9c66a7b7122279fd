"""Links that work outside the portal: in e-mails, on printed documents."""

from django.conf import settings


def absolute_url(path):
    """``path`` ("/campaigns/reports/98/") on the portal's public address.

    E-mails are read outside the browser, so every link in them carries the
    site address (``PORTAL_BASE_URL``); a path that is already absolute stays.
    """
    if path.startswith(("http://", "https://")):
        return path
    base = getattr(settings, "PORTAL_BASE_URL", "") or "http://127.0.0.1:8000"
    return base.rstrip("/") + "/" + path.lstrip("/")
