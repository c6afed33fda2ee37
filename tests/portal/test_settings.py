"""Production settings: safe defaults, every secret from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# Left out of the child's environment: secrets under test, and the browser tests' switch.
NOT_INHERITED = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_check_deploy_has_no_warning_under_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-real-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="onthaal.gemeente.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    # What an application server does: load the WSGI application.
    environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ALLOWED_HOSTS="onthaal.gemeente.example",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_production_refuses_demo_data():
    result = run_manage(
        "load_demo_data",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-real-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="onthaal.gemeente.example",
    )
    assert result.returncode != 0
    assert "refused" in result.stderr


def test_wsgi_and_asgi_default_to_production_settings():
    for name in ("wsgi.py", "asgi.py"):
        source = (ROOT / "portal" / name).read_text()
        assert '"portal.settings.production"' in source
