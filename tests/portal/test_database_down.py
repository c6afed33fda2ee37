"""With the database down or read-only: cached pages still, a clear 503 otherwise.

These tests stop the database for real. The site is asked from a thread of its own, with
its own connection on the committed demo (as the browser tests' server is), and that
connection is pointed at a closed port or switched to read-only.
"""

import logging
import socket
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client, RequestFactory

from appointments.models import AppointmentRequest
from portal.failure import database_unavailable, unavailable_response
from tests.appointments.conftest import valid_data

HOST = "heidebeek.localhost"


@pytest.fixture
def live_db(db):
    """The committed demo; `apart` runs the site's side of each test."""


def apart(work):
    """Run work() in a thread of its own: its connection is its own, outside the test's
    transaction, and is closed afterwards."""

    def run():
        try:
            return work()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


@pytest.fixture
def web():
    return Client(HTTP_HOST=HOST)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_down():
    """PostgreSQL stops answering: every new connection is refused."""
    connection = connections["default"]
    connection.close()
    saved = connection.settings_dict
    # A copy: the other threads' connections keep the real address.
    connection.settings_dict = {**saved, "HOST": "127.0.0.1", "PORT": str(closed_port())}
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict = saved


@contextmanager
def database_read_only():
    """The database accepts reads only, like a standby or a maintenance window."""
    connection = connections["default"]
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    try:
        yield
    finally:
        # A new session starts read-write again.
        connection.close()


def request_count(**filters):
    return AppointmentRequest.objects.filter(**filters).count()


def test_a_cached_page_is_still_served(live_db, web):
    def visit():
        warm = web.get("/nl/leven/")
        with database_down():
            return warm, web.get("/nl/leven/")

    warm, response = apart(visit)
    assert warm["X-Portal-Cache"] == "miss"
    assert response.status_code == 200
    assert response["X-Portal-Cache"] == "hit"


def test_a_cached_page_is_still_served_to_a_reader_with_a_session(live_db):
    """A session cookie makes the middleware ask the database who the reader is."""
    reader = Client(HTTP_HOST=HOST, raise_request_exception=False)

    def visit():
        Client(HTTP_HOST=HOST).get("/nl/leven/")
        reader.cookies["sessionid"] = "x" * 32
        with database_down():
            return reader.get("/nl/leven/")

    response = apart(visit)
    assert response.status_code == 200
    assert response["X-Portal-Cache"] == "hit"


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("fr", "ltr"),
                                                      ("ar", "rtl")])
def test_an_uncached_page_says_try_again_later_in_the_readers_language(
    live_db, web, language, direction, caplog
):
    def visit():
        with database_down():
            return web.get(f"/{language}/partners/")

    with caplog.at_level(logging.WARNING, logger="portal.failure"):
        response = apart(visit)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-cache" in response["Cache-Control"]
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f'href="/{language}/"' in html
    assert "<script" not in html and "style=" not in html
    warnings = [r.getMessage() for r in caplog.records if r.name == "portal.failure"]
    assert len(warnings) == 1
    assert "OperationalError" in warnings[0] and "/partners/" not in warnings[0]


def test_the_request_form_answers_503_and_keeps_nothing(live_db, web):
    def send():
        data = valid_data(web)
        before = request_count()
        with database_down():
            response = web.post("/nl/onthaalgesprek/", data)
        return data, before, response

    data, before, response = apart(send)
    assert response.status_code == 503
    assert apart(request_count) == before
    assert apart(lambda: request_count(submission_key=data["submission_key"])) == 0


def test_healthz_and_the_admin_login_answer_503(live_db, web):
    def visit():
        with database_down():
            return (
                web.get("/healthz"),
                web.post("/admin/login/", {"username": "beheerder", "password": "onthaal-demo"}),
            )

    health, login = apart(visit)
    assert health.status_code == 503
    assert health.json()["status"] == "unavailable"
    assert login.status_code == 503
    assert 'lang="nl"' in login.content.decode()


def test_a_read_only_database_refuses_the_form_but_serves_pages(live_db, web):
    def visit():
        data = valid_data(web)
        before = request_count()
        try:
            with database_read_only():
                page = web.get("/fr/partners/")
                posted = web.post("/nl/onthaalgesprek/", data)
                form = web.get("/nl/onthaalgesprek/")
        finally:
            # Should the form ever be saved, the shared demo must not keep it.
            AppointmentRequest.objects.filter(submission_key=data["submission_key"]).delete()
        return before, page, posted, form, request_count()

    before, page, posted, form, after = apart(visit)
    assert page.status_code == 200
    assert form.status_code == 200
    assert posted.status_code == 503
    assert "Retry-After" in posted
    assert after == before


def test_the_page_renders_without_the_database(django_db_blocker):
    """Any query here would raise: the database is blocked for this test."""
    with django_db_blocker.block():
        response = unavailable_response(RequestFactory().get("/tr/leven/werk/"))
    assert response.status_code == 503
    assert '<html lang="tr" dir="ltr">' in response.content.decode()


def test_the_admin_and_unknown_addresses_get_the_dutch_page(django_db_blocker):
    with django_db_blocker.block():
        response = unavailable_response(RequestFactory().post("/admin/login/"))
    assert '<html lang="nl"' in response.content.decode()


def test_other_database_errors_are_not_unavailability():
    from django.db import IntegrityError, OperationalError

    assert database_unavailable(OperationalError("connection refused"))
    assert not database_unavailable(IntegrityError("duplicate key"))
    assert not database_unavailable(ValueError("no"))
