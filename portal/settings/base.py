"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url

from portal.languages import LANGUAGES as PORTAL_LANGUAGES

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The demo command refuses to run unless an environment allows it.
ONTHAAL_DEMO_ALLOWED = False

INSTALLED_APPS = [
    # Onthaal: one app per job (see docs/architecture.md)
    "portal",
    "home",
    "appointments",
    "backoffice",
    "practices",
    # Wagtail and content translation
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Forms and background work
    "crispy_forms",
    "crispy_bootstrap5",
    "phonenumber_field",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    # Staff accounts: two-factor authentication and lockout after failed logins
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database that does not answer: cached pages still, a clear 503 otherwise.
    "portal.failure.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff sessions: expiry after inactivity, two-factor verification where required.
    "portal.accounts.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so that it knows the user and sees the final response.
    "portal.cache.PortalPageCacheMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# Database: DATABASE_URL, else an embedded SQLite file (the demo on a bare machine).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # A database that does not answer gives the "try again later" page within seconds,
    # instead of requests that hang (see portal/failure.py).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
else:
    # The monitoring's covering indexes (INCLUDE) speed up PostgreSQL; SQLite, for the demo,
    # builds them on their key columns only, which is all it needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "portal.User"
# django-axes first: it refuses a locked-out user before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the source of content and interface; see portal/languages.py.
LANGUAGE_CODE = "nl"
LANGUAGES = PORTAL_LANGUAGES
LANGUAGE_COOKIE_NAME = "onthaal_language"
LOCALE_PATHS = [BASE_DIR / "locales"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = PORTAL_LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name) for code, name in PORTAL_LANGUAGES if code in {"nl", "fr", "en"}
]

WAGTAIL_SITE_NAME = "Onthaal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]

# Cache: Redis when REDIS_URL is set (production, tests), else this process's memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "onthaal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Warm public pages are served from the cache for this long; publishing clears them.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Bootstrap (with its right-to-left stylesheet) comes from the bootstrap-wrapper package.
STATICFILES_DIRS = []


def _bootstrap_dir():
    from bootstrap_wrapper import get_bootstrap_dir

    return get_bootstrap_dir()


STATICFILES_DIRS.append(("bootstrap", str(_bootstrap_dir())))

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Background work: the tasks API. Immediate unless an environment says otherwise.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail over SMTP: host, port and credentials from the environment.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "onthaal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
# The longest a staff session lasts, active or not; inactivity ends it sooner.
SESSION_COOKIE_AGE = 60 * 60 * 8

# Staff accounts (portal/accounts): sign-in, two-factor authentication, lockout, invitations.
LOGIN_URL = "wagtailadmin_login"
# Minutes without any request after which a staff member is signed out.
ONTHAAL_STAFF_IDLE_MINUTES = int(os.environ.get("ONTHAAL_STAFF_IDLE_MINUTES", "30"))
# How long the link in an invitation to create a staff account works.
ONTHAAL_INVITATION_DAYS = int(os.environ.get("ONTHAAL_INVITATION_DAYS", "7"))
OTP_TOTP_ISSUER = "Onthaal"
# Lockout after repeated failed sign-ins (passwords and two-factor codes) per username and
# IP address; a successful sign-in resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
# In hours, as django-axes reads a number.
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "30")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A page in Dutch, status 429.
AXES_LOCKOUT_CALLABLE = "portal.accounts.views.lockout"
# No usernames or addresses in the logs, and no record of every successful sign-in.
AXES_VERBOSE = False
AXES_CLIENT_STR_CALLABLE = "portal.accounts.services.anonymous_client_str"
AXES_DISABLE_ACCESS_LOG = True
# Only the connection's address by default, so a forged X-Forwarded-For cannot dodge the
# lockout; behind a load balancer, name the header it sets (e.g. HTTP_X_FORWARDED_FOR).
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", ["REMOTE_ADDR"]
)
# Browser hardening. No script of the site reads a cookie (Wagtail takes the CSRF token from
# the page), so all are HttpOnly; production settings add Secure.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Error pages in the reader's language, with the municipality's contact (portal/errors.py).
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

# Content Security Policy (django-csp; portal/content_security.py picks the policy by address).
# Public pages load only this site's own files: no inline script or style, nothing third-party.
# No nonce either: whole public pages are cached (portal/cache.py), so a nonce would go stale.
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# The Wagtail admin (/admin/) still ships inline <script> elements without a nonce (inline
# panels, date choosers) and style attributes, so it needs 'unsafe-inline' there; a nonce would
# make browsers ignore 'unsafe-inline'. The page preview is an admin page framed by the admin.
ONTHAAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-ancestors": [SELF],
    },
}
# The admin makes no third-party requests either: avatars come from this site, not from
# Gravatar, and it does not ask releases.wagtail.org for new versions.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies and query strings can hold personal data: log no request details.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint reports every page of a letter batch at INFO.
        "weasyprint": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "fontTools": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Requests for a welcome conversation (appointments/)
from datetime import timedelta  # noqa: E402

# How long the private link to a request works.
ONTHAAL_REQUEST_LINK_MAX_AGE = timedelta(
    days=int(os.environ.get("ONTHAAL_REQUEST_LINK_DAYS", "90"))
)
# Slots can be booked online up to this long before they start.
ONTHAAL_SLOT_NOTICE = timedelta(hours=int(os.environ.get("ONTHAAL_SLOT_NOTICE_HOURS", "24")))
# A form sent faster than this after it was shown is a robot's.
ONTHAAL_FORM_MIN_SECONDS = int(os.environ.get("ONTHAAL_FORM_MIN_SECONDS", "3"))
# Online requests per IP address (django-ratelimit syntax).
ONTHAAL_REQUEST_RATE = os.environ.get("ONTHAAL_REQUEST_RATE", "10/h")
# Dotted path of an SMS sender (see appointments/sms.py); none: no SMS is sent.
ONTHAAL_SMS_BACKEND = os.environ.get("ONTHAAL_SMS_BACKEND", "")
# Forms of the practice database (new fiche, "we do this too", change, contact) per IP address.
ONTHAAL_PRACTICE_FORM_RATE = os.environ.get("ONTHAAL_PRACTICE_FORM_RATE", "10/h")
# Largest image accepted with a submitted fiche.
ONTHAAL_PRACTICE_IMAGE_MAX_BYTES = 5 * 1024 * 1024
RATELIMIT_USE_CACHE = "default"
# Behind a load balancer the client address is in X-Forwarded-For: see docs/deployment.md.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
# New-resident lists (backoffice/inflow): the key of the hashes that recognise a person again
# in a later list. Empty: SECRET_KEY is used; set it so that SECRET_KEY can be rotated.
ONTHAAL_REGISTER_HASH_KEY = os.environ.get("ONTHAAL_REGISTER_HASH_KEY", "")
# How long an uploaded list waits (in the cache) while the user maps and previews it.
ONTHAAL_INFLOW_UPLOAD_SECONDS = 30 * 60
# Monitoring figures are computed once and shared by the page and its downloads for this
# long: a coordinator who switches between them does not wait again.
ONTHAAL_MONITORING_CACHE_SECONDS = int(os.environ.get("ONTHAAL_MONITORING_CACHE_SECONDS", "300"))
PHONENUMBER_DEFAULT_REGION = "BE"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"
