"""Browser hardening: the Content Security Policy on every page type, the other security
headers, and the cookie flags and deploy check under production settings."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from appointments.services import link_token, submit_request
from portal.models import User
from practices.models import PracticePage

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


@pytest.fixture
def web(demo):
    return Client(HTTP_HOST="heidebeek.localhost")


@pytest.fixture
def public_urls(demo):
    request, _created = submit_request(
        municipality=demo["heidebeek"], language="nl", submission_key=uuid.uuid4(),
        fields={"name": "Test Persoon", "email": "test@example.org", "contact_language": "nl"},
    )
    with translation.override("nl"):
        status = reverse("appointments:status", kwargs={"token": link_token(request)})
    fiche = PracticePage.objects.live().order_by("pk").first().get_url_parts()[2]
    return {
        "portal home": "/nl/",
        "life-domain page": "/nl/leven/werk/",
        "partner directory": "/nl/partners/",
        "search": "/nl/zoeken/?q=werk",
        "request form": "/nl/onthaalgesprek/",
        "request status": status,
        "practice listing": "/nl/praktijken/",
        "practice fiche": fiche,
        "practice submission form": "/nl/praktijken/fiche-indienen/",
        "we do this too form": f"{fiche}wij-ook/",
        "change proposal form": f"{fiche}wijziging/",
        "Arabic portal home": "/ar/",
    }


STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}


def test_every_public_page_type_has_the_strict_policy(web, public_urls):
    for name, url in public_urls.items():
        response = web.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        assert directives(response) == STRICT, name
        assert "unsafe" not in response["Content-Security-Policy"], name
        html = response.content.decode()
        # Nothing inline that the policy would block.
        assert "<script" not in html, name
        assert " style=" not in html and "<style" not in html, name


def test_the_policy_is_also_sent_with_a_page_from_the_cache(web):
    web.get("/nl/leven/werk/")
    response = web.get("/nl/leven/werk/")
    assert response["X-Portal-Cache"] == "hit"
    assert directives(response) == STRICT


def test_error_pages_have_the_strict_policy(web):
    response = web.get("/fr/bestaat-niet/")
    assert response.status_code == 404
    assert directives(response) == STRICT


def test_admin_login_and_dashboard_have_the_admin_policy(web, demo):
    login = web.get("/admin/login/")
    assert login.status_code == 200
    admin = User.objects.get(username="beheerder")
    web.force_login(admin)
    dashboard = web.get("/admin/")
    assert dashboard.status_code == 200
    for response in (login, dashboard):
        policy = directives(response)
        # Wagtail's own inline scripts and style attributes: see the settings.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        # Everything else stays as strict as on the public pages.
        assert policy["default-src"] == ["'self'"]
        assert policy["connect-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "nonce" not in response["Content-Security-Policy"]


def test_security_headers(web):
    response = web.get("/nl/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_cookies_are_httponly_and_samesite(web):
    web.get("/nl/onthaalgesprek/")
    cookie = web.cookies["csrftoken"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


# Run under production settings in a child process, as an application server would load them.
PRODUCTION_PROBE = """
import io, json
import django
from django.conf import settings
from django.core.management import call_command
django.setup()
out = io.StringIO()
call_command("check", deploy=True, fail_level="WARNING", stdout=out, stderr=out)
names = [n for n in dir(settings) if n.startswith(("SESSION_COOKIE_", "CSRF_COOKIE_",
         "LANGUAGE_COOKIE_", "SECURE_")) or n == "X_FRAME_OPTIONS"]
print(json.dumps({"check": out.getvalue(), **{n: getattr(settings, n) for n in names}},
                 default=str))
"""


def test_production_settings_pass_the_deploy_check_with_secure_cookies():
    environment = {
        k: v for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=uuid.uuid4().hex + uuid.uuid4().hex,
        ALLOWED_HOSTS="example.org",
    )
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert "no issues" in values["check"]
    assert "WARNING" not in values["check"]
    for name in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{name}_COOKIE_SECURE"] is True, name
        assert values[f"{name}_COOKIE_HTTPONLY"] is True, name
        assert values[f"{name}_COOKIE_SAMESITE"] == "Lax", name
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"
