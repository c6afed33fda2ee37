"""Load test of the online request form: many people send it at once; nothing may be lost.

    .venv/bin/python benchmarks/request_load.py [--requests 2000] [--clients 50]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis on 127.0.0.1:6379. Makes
the database `onthaal_benchmark` with the demo, starts gunicorn under production
settings (rate limit raised, since every client comes from 127.0.0.1), and lets each
client show the form and send it, like a browser would. Then it counts the stored rows
and checks that every 302 answer has its request and that no answer was a 5xx.
"""

import argparse
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import (  # noqa: E402
    DATABASE,
    HOST,
    collect_static,
    percentiles,
    prepare_database,
    production_env,
    start_gunicorn,
)

RUN = uuid.uuid4().hex[:8]
# The "status" of a request that could not be sent: the form came without a CSRF cookie.
NO_CSRF_COOKIE = 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def call(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers={  # noqa: S310
        "Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})})
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def send_one(base, number):
    """Show the form, then send it; returns (status, seconds for the POST)."""
    status, headers, html = call(f"{base}/nl/onthaalgesprek/")
    if status != 200:
        return status, 0.0
    cookies = "\n".join(headers.get_all("Set-Cookie") or [])
    cookie = re.search(r"csrftoken=([^;]+)", cookies)
    if cookie is None:
        return NO_CSRF_COOKIE, 0.0
    hidden = dict(re.findall(r'name="(csrfmiddlewaretoken|started|submission_key)" '
                             r'value="([^"]+)"', html))
    fields = {
        **hidden, "name": f"Belasting {RUN} {number}", "phone": f"+3247{number:07d}",
        "contact_language": "nl", "filled_in_by": "self", "consent": "on",
        "topics": "work",
    }
    started = time.perf_counter()
    status, _headers, _body = call(
        f"{base}/nl/onthaalgesprek/", urllib.parse.urlencode(fields).encode(),
        {"Cookie": f"csrftoken={cookie.group(1)}", "Referer": f"https://{HOST}/nl/onthaalgesprek/",
         "Content-Type": "application/x-www-form-urlencoded"},
    )
    return status, time.perf_counter() - started


def stored_rows():
    # RUN is our own hex string, so the query holds no outside input.
    query = "SELECT count(*) FROM appointments_appointmentrequest WHERE name LIKE '{}'".format(  # noqa: S608, E501
        f"Belasting {RUN} %"
    )
    output = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DATABASE, "-tAc", query],
        check=True, capture_output=True, text=True,
    )
    return int(output.stdout.strip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--skip-prepare", action="store_true")
    options = parser.parse_args()

    env = production_env(ONTHAAL_REQUEST_RATE="1000000/m", ONTHAAL_FORM_MIN_SECONDS="0")
    if not options.skip_prepare:
        prepare_database(env)
    collect_static(env)
    port = 8773
    server = start_gunicorn(env, port, workers=options.workers, threads=options.threads)
    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(options.clients) as pool:
            results = list(pool.map(lambda n: send_one(f"http://127.0.0.1:{port}", n),
                                    range(options.requests)))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    statuses = {}
    for status, _seconds in results:
        statuses[status] = statuses.get(status, 0) + 1
    accepted = statuses.get(302, 0)
    rows = stored_rows()
    figures = percentiles([seconds * 1000 for status, seconds in results if status == 302])
    print(f"{options.requests} requests from {options.clients} concurrent clients, gunicorn "
          f"{options.workers} workers x {options.threads} threads")
    print(f"answers: {dict(sorted(statuses.items()))}")
    print(f"throughput: {options.requests / elapsed:.1f} requests/s (form shown and sent), "
          f"{elapsed:.1f} s in total")
    print(f"POST latency ms: p50 {figures['p50']:.0f}, p95 {figures['p95']:.0f}, "
          f"p99 {figures['p99']:.0f}")
    print(f"stored rows: {rows}; accepted answers: {accepted}")
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    ok = rows == accepted == options.requests and server_errors == 0
    print("RESULT:", "none lost, no 5xx" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
