"""Settings of the HTTP benchmark: production settings, plus two reference views."""

from phongquang_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.http_urls"
