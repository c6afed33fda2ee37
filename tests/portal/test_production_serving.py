"""gunicorn with WhiteNoise serves the portal and its static files under production settings."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, host, **headers):
    request = urllib.request.Request(url, headers={"Host": host, **headers})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


@pytest.fixture
def production_env(tmp_path):
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL: gunicorn runs in its own process")
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **environment,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "production-like-secret-for-this-test-" + "y" * 30,
        "ALLOWED_HOSTS": "heidebeek.localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": url,
        "STATIC_ROOT": str(tmp_path / "static"),
    }


# The demo loaded at the start of the run is committed, so gunicorn's processes see it.
@pytest.mark.django_db
def test_gunicorn_serves_pages_and_compressed_static_files(production_env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=production_env, check=True, timeout=180,
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT, env=production_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                status, _headers, _body = fetch(f"{base}/healthz", "127.0.0.1")
                break
            except OSError:
                time.sleep(0.1)
        assert status == 200

        # Behind the load balancer, which terminates HTTPS and says so.
        status, headers, body = fetch(
            f"{base}/nl/", "heidebeek.localhost", **{"X-Forwarded-Proto": "https"}
        )
        assert status == 200
        html = body.decode()
        assert "Gemeente Heidebeek" in html
        assert headers["X-Frame-Options"] == "DENY"
        assert "max-age=31536000" in headers["Strict-Transport-Security"]

        # The stylesheet has a hashed name and is served compressed with a long cache life.
        start = html.index("/static/bootstrap/css/bootstrap.min.")
        css_path = html[start: html.index('"', start)]
        assert css_path != "/static/bootstrap/css/bootstrap.min.css"
        status, headers, body = fetch(
            base + css_path, "heidebeek.localhost", **{"Accept-Encoding": "gzip"}
        )
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in headers["Cache-Control"]
        assert len(body) < 60_000

        # First load of a life-domain page in Arabic: HTML plus stylesheets under 150 kB.
        status, _headers, body = fetch(f"{base}/ar/leven/werk/", "heidebeek.localhost",
                                       **{"X-Forwarded-Proto": "https"})
        assert status == 200
        html = body.decode()
        assert "<script" not in html
        weight = len(body)
        for css in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
            _status, _headers, css_body = fetch(
                base + css, "heidebeek.localhost", **{"Accept-Encoding": "gzip"}
            )
            weight += len(css_body)
        assert weight < 150_000
    finally:
        server.terminate()
        server.wait(timeout=10)
