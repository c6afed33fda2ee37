"""Local development and the demo: DEBUG on, mails to the console, SQLite unless DATABASE_URL."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-development-only"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", ".localhost", "[::1]"])
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
ONTHAAL_DEMO_ALLOWED = True
# SMS confirmations are printed to the console, like the mails.
ONTHAAL_SMS_BACKEND = os.environ.get("ONTHAAL_SMS_BACKEND", "appointments.sms.ConsoleSender")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
