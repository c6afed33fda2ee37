"""Serve the demo portal with gunicorn and measure throughput and latency, cold and warm.

    .venv/bin/python benchmarks/portal_serving.py [--requests 400] [--concurrency 4]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis on 127.0.0.1:6379. It makes
a database `onthaal_benchmark`, loads the demo into it, and starts gunicorn twice under
production settings: once with the page cache off (every request renders: "cold") and
once with it on (after one request per page: "warm"). It prints requests per second and
latency percentiles per page.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DATABASE = "onthaal_benchmark"
PAGES = {
    "home (nl)": "/nl/",
    "home (ar)": "/ar/",
    "life domain (nl)": "/nl/leven/werk/",
    "life domain (ar)": "/ar/leven/werk/",
}
HOST = "heidebeek.localhost"


def run(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare(env):
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE],
                   check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    dev = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    run("migrate", "--noinput", "-v0", env=dev)
    run("load_demo_data", env={**dev, "LOG_LEVEL": "WARNING"})
    run("collectstatic", "--noinput", "-v0", env=env)


def fetch(url):
    request = urllib.request.Request(  # noqa: S310
        url, headers={"Host": HOST, "X-Forwarded-Proto": "https"}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        response.read()
        cache = response.headers.get("X-Portal-Cache", "-")
    return time.perf_counter() - started, cache


def measure(base, path, requests, concurrency):
    url = base + path
    fetch(url)  # one request so that a warm server has the page cached
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda _n: fetch(url), range(requests)))
    elapsed = time.perf_counter() - started
    latencies = sorted(seconds * 1000 for seconds, _cache in results)
    hits = sum(1 for _seconds, cache in results if cache == "hit")

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))]

    return {
        "rps": requests / elapsed,
        "p50": statistics.median(latencies),
        "p95": percentile(95),
        "p99": percentile(99),
        "hits": hits,
    }


def serve(env, port, cache_seconds, workers):
    server = subprocess.Popen(  # noqa: S603
        [str(Path(PYTHON).parent / "gunicorn"), "portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env={**env, "PORTAL_PAGE_CACHE_SECONDS": str(cache_seconds)},
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-prepare", action="store_true")
    options = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "benchmark-only-secret-" + "x" * 40,
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
        "STATIC_ROOT": tempfile.mkdtemp(prefix="onthaal-benchmark-static-"),
        "LOG_LEVEL": "WARNING",
    }
    if not options.skip_prepare:
        prepare(env)

    print(f"{options.requests} requests per page, {options.concurrency} concurrent clients, "
          f"gunicorn with {options.workers} workers, {os.cpu_count()} CPU cores")
    print(f"{'page':<18} {'cache':<5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'hits':>6}")
    for label, cache_seconds, port in (("cold", 0, 8771), ("warm", 600, 8772)):
        server = serve(env, port, cache_seconds, options.workers)
        try:
            for page, path in PAGES.items():
                figures = measure(f"http://127.0.0.1:{port}", path, options.requests,
                                  options.concurrency)
                print(f"{page:<18} {label:<5} {figures['rps']:>8.0f} {figures['p50']:>8.1f} "
                      f"{figures['p95']:>8.1f} {figures['p99']:>8.1f} {figures['hits']:>6}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
