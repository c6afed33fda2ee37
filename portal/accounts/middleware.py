"""Staff sessions: sign-out after inactivity, and the two-factor step before the admin."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.contrib.messages.storage import default_storage
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from portal.accounts import services

LAST_ACTIVITY = "staff_last_activity"
# Saving the session on every request costs a write; a minute's precision is enough.
ACTIVITY_PRECISION_SECONDS = 60
# Reachable before the second step: signing in and out, the two-factor pages, and the icons
# and interface strings that those pages load.
OPEN_URL_NAMES = [
    "wagtailadmin_login", "wagtailadmin_logout", "accounts_verify", "accounts_two_factor",
    "wagtailadmin_password_reset", "wagtailadmin_sprite", "wagtailadmin_javascript_catalog",
]


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        in_admin = request.path.startswith(reverse("wagtailadmin_home"))
        if self.idle_expired(request):
            logout(request)
            if in_admin:
                return self.expired_response(request)
            return self.get_response(request)
        if in_admin and not self.is_open(request.path):
            if services.has_two_factor(user):
                if not user.is_verified():
                    return redirect(
                        reverse("accounts_verify") + "?" + urlencode(
                            {"next": request.get_full_path()})
                    )
            elif services.requires_two_factor(user):
                return redirect("accounts_two_factor")
        return self.get_response(request)

    @staticmethod
    def is_open(path):
        return any(path.startswith(reverse(name)) for name in OPEN_URL_NAMES)

    @staticmethod
    def idle_expired(request):
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY)
        if last is not None and now - last > settings.ONTHAAL_STAFF_IDLE_MINUTES * 60:
            return True
        if last is None or now - last >= ACTIVITY_PRECISION_SECONDS:
            request.session[LAST_ACTIVITY] = now
        return False

    @staticmethod
    def expired_response(request):
        # The message middleware comes after this one: keep the message ourselves.
        response = redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        storage = default_storage(request)
        storage.add(messages.INFO, _(
            "U was %(minutes)s minuten niet actief en bent afgemeld. Meld u opnieuw aan."
        ) % {"minutes": settings.ONTHAAL_STAFF_IDLE_MINUTES})
        storage.update(response)
        return response
