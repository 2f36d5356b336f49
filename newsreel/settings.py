"""Django settings, derived from the environment through `newsreel.config`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url

from newsreel.config import ConfigError, ensure_data_dir, load_config, secret_key
from newsreel.deployment import (
    PERMISSIONS_POLICY_HEADER, logging_config, media_storage, media_url, trusted_origins,
)

try:
    CONFIG = load_config()
    ensure_data_dir(CONFIG)
    SECRET_KEY = secret_key(CONFIG)
except ConfigError as error:
    # One line that names the setting, not a traceback.
    sys.stderr.write(f"newsreel: configuration error: {error}\n")
    raise SystemExit(2) from None

BASE_DIR = Path(__file__).resolve().parent
DEBUG = CONFIG.debug
SECRET_KEY_FALLBACKS = list(CONFIG.secret_key_fallbacks)
SITE_URL = CONFIG.site_url
PUBLISH_RENDERS = CONFIG.publish_renders
# Limits on what writers and importers send (newsreel.images.services, newsreel.newsroom.intake).
IMAGE_MAX_PIXELS = CONFIG.image_max_pixels
IMAGE_MAX_BYTES = CONFIG.image_max_bytes
BODY_MAX_BYTES = CONFIG.body_max_bytes
WRITE_WAIT = CONFIG.write_wait
# Embeds' titles and poster frames are fetched at save time (newsreel.embeds.services).
EMBED_POSTERS = CONFIG.embed_posters
# How reviews rate films (newsreel.newsroom.ratings).
RATING_SCALE = CONFIG.rating_scale
CONFIRM_EVERY_QUOTE = CONFIG.confirm_every_quote
ALLOWED_HOSTS = sorted(
    {"localhost", "127.0.0.1", "[::1]", "testserver", urlsplit(SITE_URL).hostname or "", *CONFIG.allowed_hosts}
    - {""}
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "newsreel.films",
    "newsreel.images",
    "newsreel.embeds",
    "newsreel.newsroom",
    "newsreel.public",
    "newsreel.desk",
    "newsreel.importers",
    "newsreel.api",
    "ninja",  # only for its static files: the API docs page (Swagger UI) is served from here
    # The worker's task queue (newsreel.newsroom.tasks; docs/workflow.md says why this library).
    "django_tasks",
    "django_tasks_db",
    "newsreel.operations",
    "axes",  # login throttling: newsreel.desk.throttle
]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# `newsreel serve` starts `newsreel worker` beside the web server unless this is off.
EMBEDDED_WORKER = CONFIG.embedded_worker

MIDDLEWARE = [
    # /healthz and /readyz first: a load balancer asks by address, over plain http, so the
    # host check and the https redirect must not stand in its way.
    "newsreel.operations.health.HealthCheckMiddleware",
    # Outermost, so it completes every response, errors from the other middleware included
    # (newsreel.wsgi answers stored pages before Django, with the same headers).
    "newsreel.public.caching.PublicCacheHeadersMiddleware",
    "newsreel.operations.headers.PrivacyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsreel.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS for the Content API's keys (answers preflights itself) and the API's rate-limit headers.
    "newsreel.api.cors.ContentCorsMiddleware",
    # 405 for methods the site does not take, before CSRF could answer them with 403.
    "newsreel.http_methods.AllowedMethodsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A page a reader's GET renders is served even when the database is too busy to store it.
    "newsreel.public.reader_fill.ReaderFillMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "newsreel.urls"
WSGI_APPLICATION = "newsreel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if CONFIG.database_url:
    DATABASES = {"default": dj_database_url.parse(CONFIG.database_url, conn_max_age=600)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": CONFIG.sqlite_path,
            # One connection per worker thread for its lifetime: opening SQLite and running
            # the PRAGMAs on every request would cost more than serving a stored page.
            "CONN_MAX_AGE": None,
            "OPTIONS": {
                # WAL lets readers go on while a publish writes; IMMEDIATE avoids
                # "database is locked" upgrades from read to write transactions.
                # secure_delete=FAST: Debian's SQLite zeroes every freed page by default,
                # so dropping a stored feed (hundreds of kB of public text) rewrote all of
                # it; FAST still zeroes deleted rows in place, not the freed overflow pages.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
                                "PRAGMA secure_delete=FAST;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

if CONFIG.cache_url:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CONFIG.cache_url}}
    # Sessions read from the shared cache, written through to the database (a cache flush
    # logs nobody out).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes), per account and per address: see newsreel/desk/throttle.py.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsreel.desk.throttle.locked_out"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

LANGUAGE_CODE = "en-us"
TIME_ZONE = CONFIG.time_zone
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = CONFIG.data_dir / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = CONFIG.media_dir
STORAGES = {
    "default": media_storage(CONFIG),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if CONFIG.s3_bucket:
    MEDIA_URL = media_url(CONFIG)
# Serve app static files without collectstatic when debugging or testing.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# URL names, not paths: Django reverses them, so moving the desk moves these too.
LOGIN_URL = "desk:login"
LOGIN_REDIRECT_URL = "desk:articles"
LOGOUT_REDIRECT_URL = "home"
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
# The desk's e-mails (invitations, password resets, review notifications) through Django's mail framework.
DEFAULT_FROM_EMAIL = CONFIG.email_from
INVITE_TIMEOUT = CONFIG.invite_days * 24 * 60 * 60  # seconds, like PASSWORD_RESET_TIMEOUT
if CONFIG.smtp_url:
    _smtp = urlsplit(CONFIG.smtp_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _smtp.hostname
    EMAIL_PORT = _smtp.port or {"smtp": 25, "smtp+tls": 587, "smtps": 465}[_smtp.scheme]
    EMAIL_HOST_USER = unquote(_smtp.username or "")
    EMAIL_HOST_PASSWORD = unquote(_smtp.password or "")
    EMAIL_USE_TLS = _smtp.scheme == "smtp+tls"
    EMAIL_USE_SSL = _smtp.scheme == "smtps"
    EMAIL_TIMEOUT = 30
else:
    # Django's console backend, but through logging (standard error; one JSON line with
    # NEWSREEL_LOG_FORMAT=json), so the access log on standard output stays parseable.
    EMAIL_BACKEND = "newsreel.operations.mail.ConsoleEmailBackend"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Sent by newsreel.operations.headers (and the stored-page fast path): no page of ours uses these.
PERMISSIONS_POLICY = PERMISSIONS_POLICY_HEADER

# Behind a TLS proxy and on several hosts (docs/deploy.md).
CSRF_TRUSTED_ORIGINS = trusted_origins(CONFIG)
if CONFIG.proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + CONFIG.proxy_ssl_header.upper().replace("-", "_"), "https")
    # Only with the header: without it every request looks like plain http, and would loop.
    SECURE_SSL_REDIRECT = CONFIG.https
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = CONFIG.https if CONFIG.secure_cookies is None else CONFIG.secure_cookies
SECURE_HSTS_SECONDS = CONFIG.hsts_seconds
# Subdomains of the site's own host (never its parent domain's other hosts).
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading binds the registered domain in browsers for good: its owner's decision, made
# outside Newsreel, so `check --deploy` is not asked to recommend it (docs/deploy.md).
SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = logging_config(CONFIG)
