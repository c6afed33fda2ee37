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
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import (  # noqa: E402
    HOST,
    collect_static,
    percentiles,
    prepare_database,
    production_env,
    start_gunicorn,
)

PAGES = {
    "home (nl)": "/nl/",
    "home (ar)": "/ar/",
    "life domain (nl)": "/nl/leven/werk/",
    "life domain (ar)": "/ar/leven/werk/",
}


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
    latencies = [seconds * 1000 for seconds, _cache in results]
    hits = sum(1 for _seconds, cache in results if cache == "hit")
    return {"rps": requests / elapsed, **percentiles(latencies),
            "p50": statistics.median(latencies), "hits": hits}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-prepare", action="store_true")
    options = parser.parse_args()

    env = production_env()
    if not options.skip_prepare:
        prepare_database(env)
    collect_static(env)

    print(f"{options.requests} requests per page, {options.concurrency} concurrent clients, "
          f"gunicorn with {options.workers} workers, {os.cpu_count()} CPU cores")
    print(f"{'page':<18} {'cache':<5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'hits':>6}")
    for label, cache_seconds, port in (("cold", 0, 8771), ("warm", 600, 8772)):
        server = start_gunicorn({**env, "PORTAL_PAGE_CACHE_SECONDS": str(cache_seconds)}, port,
                                workers=options.workers)
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
