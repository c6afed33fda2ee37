"""Shared by the benchmarks: a demo database and gunicorn under production settings."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DATABASE = "onthaal_benchmark"
HOST = "heidebeek.localhost"


def production_env(**extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "benchmark-only-secret-" + "x" * 40,
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
        "STATIC_ROOT": tempfile.mkdtemp(prefix="onthaal-benchmark-static-"),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def collect_static(env):
    manage("collectstatic", "--noinput", "-v0", env=env)


def prepare_database(env):
    """A fresh database with the demo in it."""
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE],
                   check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    dev = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    manage("migrate", "--noinput", "-v0", env=dev)
    manage("load_demo_data", env=dev)


def start_gunicorn(env, port, *, workers=2, threads=1):
    server = subprocess.Popen(  # noqa: S603
        [str(Path(PYTHON).parent / "gunicorn"), "portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def percentiles(milliseconds):
    """p50, p95 and p99 of the latencies; zeros when there are none (every request failed)."""
    ordered = sorted(milliseconds)
    if not ordered:
        return {"p50": 0, "p95": 0, "p99": 0}

    def at(p):
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]

    return {"p50": at(50), "p95": at(95), "p99": at(99)}
