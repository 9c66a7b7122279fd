"""Settings for the Phong Quang emulation portal.

Everything that differs between a developer's laptop and the commune's server
comes from the environment. The defaults work out of the box: SQLite under
``data/``, DEBUG on, console e-mail. Set ``DJANGO_ENV=production`` (or the
individual variables) for a deployment; see README.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


PRODUCTION = env("DJANGO_ENV", "development") == "production"

DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = env("SECRET_KEY") or (
    "" if PRODUCTION else "dev-only-insecure-key-change-me-phong-quang-portal-0001"
)
if PRODUCTION and not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DJANGO_ENV=production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
if not PRODUCTION:
    ALLOWED_HOSTS += ["testserver"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "phongquang_portal.core",
    "phongquang_portal",
    "units",
    "campaigns",
    "scoring",
    "exemplars",
    "awards",
    "yearend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # High, so that every answer forbids framing, also those given before the
    # view: a 400 for control characters, a lockout (see views.bad_request).
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "phongquang_portal.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "phongquang_portal.core.middleware.NoStoreWhenSignedInMiddleware",
    "phongquang_portal.core.middleware.RejectControlCharactersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a lockout into the Vietnamese page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "phongquang_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "phongquang_portal.core.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "phongquang_portal.wsgi.application"

DATA_DIR = Path(env("DATA_DIR", str(BASE_DIR / "data")))
# A fresh clone has no data folder (it is not in git): make it, so the first
# `make run` can create its SQLite database and store uploads.
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60 if PRODUCTION else 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # Wait for a busy database rather than failing straight away.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: Redis when REDIS_URL is set (production), shared by the workers,
# else this process's memory (`make run`, the tests). Redis is only ever a
# shortcut: FailSafeRedisCache reads an unreachable Redis as an empty cache,
# and nothing that must be true lives only there (sessions, login attempts
# and the versions of the public boards are in the database).
# ``default``: what the code caches (signature checks of stored PDFs);
# ``pages``: the public boards kept by phongquang_portal/core/pagecache.py.
REDIS_URL = env("REDIS_URL")


def _cache(prefix, local_name, max_entries=300):
    if not REDIS_URL:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": local_name,
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        }
    return {
        "BACKEND": "phongquang_portal.core.cache.FailSafeRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            # A Redis that does not answer is given up quickly (then left
            # alone a few seconds): the page is built instead.
            "socket_connect_timeout": 0.5,
            "socket_timeout": 0.5,
            "retry_after": env_int("CACHE_RETRY_SECONDS", 5),
        },
    }


_CACHE_PREFIX = env("CACHE_KEY_PREFIX", "phongquang")
CACHES = {
    "default": _cache(_CACHE_PREFIX, "portal-default"),
    "pages": _cache(
        f"{_CACHE_PREFIX}-pages",
        "portal-pages",
        max_entries=env_int("PAGE_CACHE_ENTRIES", 2000),
    ),
}
# Sessions stay in the database (Django's default "db" engine), Redis or not:
# a Redis outage cannot log anyone out or break a login, and a Redis put back
# from an old copy cannot bring back a session that was logged out.
# Keep the public boards (phongquang_portal/core/pagecache.py).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 120)

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and refuses a locked-out username from that address.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Language and time: Vietnamese first, English selectable.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["phongquang_portal.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
# Uploaded evidence is never served directly: views check permissions first.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Phong Quang <no-reply@phongquang.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The public address: the QR code of every certificate and e-mail links point
# there. Production refuses to start without it (core/checks.py).
PORTAL_BASE_URL = env("PORTAL_BASE_URL", "" if PRODUCTION else "http://127.0.0.1:8000")
# "Quên mật khẩu": at most PASSWORD_RESET_LIMIT reset mails asked for from one
# address per PASSWORD_RESET_WINDOW_MINUTES (phongquang_portal/core/throttle.py).
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 5)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60)

# Domain settings (editable per deployment).
COMMUNE_NAME = env("COMMUNE_NAME", "Phong Quang")
# The base salary (mức lương cơ sở) is a table with effective dates (awards.BaseSalary,
# seeded with 2,340,000 đồng from 01/7/2024, Decree 73/2024/NĐ-CP): no setting.
# Prize money is rounded up to this many đồng (1 = no rounding).
PRIZE_ROUNDING_VND = env_int("PRIZE_ROUNDING_VND", 10_000)
# Council: quorum of members present, and the share of those present a nomination
# must exceed to pass (fractions as "a/b").
COUNCIL_QUORUM = env("COUNCIL_QUORUM", "2/3")
COUNCIL_PASS_SHARE = env("COUNCIL_PASS_SHARE", "1/2")
# Council members' scores for one criterion that differ by more than this are flagged.
SCORING_DISAGREEMENT_MARGIN = env_int("SCORING_DISAGREEMENT_MARGIN", 2)
# Printed under "CHỦ TỊCH" when no chairman account has a full name.
CHAIRMAN_NAME = env("CHAIRMAN_NAME", "")

# Digital signature of issued decisions (PAdES): a PKCS#12 file and its password;
# verification trusts the PEM certificates listed in SIGNING_TRUST_ROOTS.
SIGNING_P12_PATH = env("SIGNING_P12_PATH", "")
SIGNING_P12_PASSWORD = env("SIGNING_P12_PASSWORD", "")
SIGNING_TRUST_ROOTS = env("SIGNING_TRUST_ROOTS", "")

# Production hardening: `manage.py check --deploy` is clean with DJANGO_ENV=production.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# The language cookie says only "vi" or "en", but it travels like the others:
# over HTTPS only in production, not with requests from other sites, and no
# script reads it (the language switch is a form).
LANGUAGE_COOKIE_SECURE = env_bool("LANGUAGE_COOKIE_SECURE", PRODUCTION)
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12

# Login throttling (django-axes), on the portal's and the admin's login alike:
# after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair waits AXES_COOLOFF_MINUTES. An office behind one shared address is
# not locked out as a whole by one person's typing.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# ... and after AXES_ADDRESS_FAILURE_LIMIT wrong passwords from one address,
# whatever the usernames, that address waits too (phongquang_portal/core/throttle.py).
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_HANDLER = "phongquang_portal.core.throttle.AddressAwareAxesHandler"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # the attempts are read in the log, not edited
AXES_CLIENT_IP_CALLABLE = "phongquang_portal.core.middleware.client_ip"
# Behind nginx (production), the visitor's address is the one nginx adds last
# to X-Forwarded-For; without a proxy it is REMOTE_ADDR.
BEHIND_PROXY = env_bool("BEHIND_PROXY", PRODUCTION)

# Content-Security-Policy (django-csp): every script and style comes from the
# portal itself; no inline script runs, no page may be framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
