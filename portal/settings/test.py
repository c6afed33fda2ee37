"""Tests: PostgreSQL from DATABASE_URL, else a local PostgreSQL, else SQLite with a notice."""

import os
import sys

import dj_database_url

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/onthaal"


def _local_postgres_answers():
    try:
        import psycopg

        psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=2"
        ).close()
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False
    return True


if os.environ.get("DATABASE_URL"):
    _url = os.environ["DATABASE_URL"]
elif _local_postgres_answers():
    _url = LOCAL_POSTGRES_URL
else:
    _url = "sqlite:///:memory:"
    print(
        "NOTICE: no DATABASE_URL and no PostgreSQL on 127.0.0.1:5432; "
        "running the tests on SQLite. CI runs them on PostgreSQL.",
        file=sys.stderr,
    )

DATABASES = {"default": dj_database_url.parse(_url)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    if "django.contrib.postgres" not in INSTALLED_APPS:
        INSTALLED_APPS.append("django.contrib.postgres")
elif "django.contrib.postgres" in INSTALLED_APPS:
    INSTALLED_APPS.remove("django.contrib.postgres")

def _local_redis_answers():
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False
    return True


# Tests use a real Redis (database 15) when one answers; the cache is cleared per test.
_redis_url = os.environ.get("REDIS_URL") or (
    "redis://127.0.0.1:6379/15" if _local_redis_answers() else ""
)
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": "onthaal-tests",
        }
    }

DEBUG = False
SECRET_KEY = "django-insecure-tests-only"  # noqa: S105  # nosec B105
ALLOWED_HOSTS = ["testserver", "localhost", ".localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ONTHAAL_DEMO_ALLOWED = True
ONTHAAL_FORM_MIN_SECONDS = 0
ONTHAAL_SMS_BACKEND = ""
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Uploaded images of a test run go to a throw-away directory.
import tempfile  # noqa: E402

MEDIA_ROOT = tempfile.mkdtemp(prefix="onthaal-test-media-")

# Quiet test output: Wagtail logs every page it creates while the demo loads.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
