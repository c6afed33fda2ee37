"""The back office with 100,000 cases: inbox and case page latency under gunicorn.

    .venv/bin/python benchmarks/backoffice_scale.py [--cases 100000] [--repeat 20]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis. Makes the database
`onthaal_benchmark` with the demo, adds invented cases to Heidebeek until it holds the
asked number, and times the pages a toeleider opens most, signed in, one request at a
time, as served by gunicorn under production settings.
"""

import argparse
import os
import random
import statistics
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import (  # noqa: E402
    DATABASE,
    HOST,
    ROOT,
    collect_static,
    percentiles,
    prepare_database,
    production_env,
    start_gunicorn,
)


def django_setup(env):
    # The same secret as the server's, so that the session made here is valid there.
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": env["DATABASE_URL"],
        "SECRET_KEY": env["SECRET_KEY"],
    })
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def add_cases(total):
    """Bulk-insert invented cases until Heidebeek has `total` of them."""
    from django.utils import timezone

    from appointments.models import AppointmentRequest
    from portal.models import Municipality

    heidebeek = Municipality.objects.get(slug="heidebeek")
    have = AppointmentRequest.objects.filter(municipality=heidebeek).count()
    rng = random.Random(7)  # noqa: S311 - invented data
    statuses = ["new", "contacted", "scheduled", "held", "closed", "cancelled", "no_show"]
    now = timezone.now()
    batch = []
    for number in range(have, total):
        batch.append(AppointmentRequest(
            municipality=heidebeek, reference=f"BEN-{number:07d}",
            status=rng.choice(statuses), channel=rng.choice(["desk", "letter", "online"]),
            name=f"Bench Persoon {number}", phone=f"+3247{number:07d}",
            contact_language=rng.choice(["ar", "uk", "ro", "fr"]),
            created_at=now - timedelta(minutes=number), consent_text="benchmark",
        ))
        if len(batch) == 5000:
            AppointmentRequest.objects.bulk_create(batch)
            batch = []
    AppointmentRequest.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return AppointmentRequest.objects.filter(municipality=heidebeek).count()


def session_cookie(username):
    """A signed-in session for the user, made directly in the session store."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def timed(url, cookie):
    request = urllib.request.Request(url, headers={  # noqa: S310
        "Host": HOST, "X-Forwarded-Proto": "https", "Cookie": cookie})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        response.read()
        # A redirect to the login page would measure the wrong page.
        status = response.status if response.geturl() == url else "redirected"
    return status, (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--skip-prepare", action="store_true")
    options = parser.parse_args()

    env = production_env()
    if not options.skip_prepare:
        prepare_database(env)
    collect_static(env)
    django_setup(env)
    started = time.perf_counter()
    count = add_cases(options.cases)
    print(f"Heidebeek holds {count} cases (inserting took {time.perf_counter() - started:.0f} s)")

    from appointments.models import AppointmentRequest

    case = AppointmentRequest.objects.filter(municipality__slug="heidebeek").order_by("pk").last()
    cookie = session_cookie("toeleider.heidebeek")
    port = 8774
    server = start_gunicorn(env, port, workers=2)
    base = f"http://127.0.0.1:{port}"
    pages = {
        "inbox, first page": "/admin/appointment_requests/",
        "inbox, page 40": "/admin/appointment_requests/?p=40",
        "inbox, status filter": "/admin/appointment_requests/?status=new",
        "inbox, search by name": "/admin/appointment_requests/?q=Persoon+4242",
        "inbox, search by phone": "/admin/appointment_requests/?q=0470+004242",
        "case page": f"/admin/cases/{case.pk}/",
    }
    try:
        print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  "
              f"({options.repeat} requests)")
        worst = 0.0
        for label, path in pages.items():
            for _n in range(4):  # warm every gunicorn worker, not just one
                timed(base + path, cookie)
            results = [timed(base + path, cookie) for _n in range(options.repeat)]
            assert all(status == 200 for status, _ms in results), results[:3]
            latencies = [ms for _status, ms in results]
            figures = percentiles(latencies)
            worst = max(worst, figures["p95"])
            print(f"{label:<24} {statistics.median(latencies):>8.0f} {figures['p95']:>8.0f} "
                  f"{max(latencies):>8.0f}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    verdict = "every page under 300 ms (p95)" if worst < 300 else f"p95 up to {worst:.0f} ms"
    print("RESULT:", verdict)
    print(f"database: {DATABASE}")


if __name__ == "__main__":
    main()
