"""The backup round trip of docs/operations.md: pg_dump, pg_restore into a fresh database,
and every case, request, page and practice fiche is there again."""

import os
import shutil
import subprocess
import uuid

import pytest
from django.conf import settings
from django.db import connection

from appointments.models import AppointmentRequest
from practices.models import PracticePage, Submission

pytestmark = pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="pg_dump and pg_restore (postgresql-client) are not installed",
)


def client_environment(database):
    """Connection options for the PostgreSQL client programs, password in the environment."""
    env = {"PGHOST": database["HOST"] or "localhost", "PGPORT": str(database["PORT"] or 5432),
           "PGUSER": database["USER"]}
    if database["PASSWORD"]:
        env["PGPASSWORD"] = database["PASSWORD"]
    return env


def run(command, env):
    subprocess.run(command, env={**os.environ, **env}, check=True, capture_output=True,
                   timeout=120)


def snapshot(cursor):
    """What must survive a restore, read with plain SQL so both databases answer alike."""
    requests = AppointmentRequest._meta.db_table
    fiches = PracticePage._meta.db_table
    submissions = Submission._meta.db_table
    queries = {
        "requests": f'SELECT reference, status, municipality_id FROM "{requests}" ORDER BY id',  # noqa: S608
        "pages": "SELECT id, title, url_path, live FROM wagtailcore_page ORDER BY id",
        "fiches": f'SELECT p.id, p.title FROM "{fiches}" f JOIN wagtailcore_page p '  # noqa: S608
                  "ON p.id = f.page_ptr_id ORDER BY p.id",
        "submissions": f'SELECT id, kind, status FROM "{submissions}" ORDER BY id',  # noqa: S608
    }
    result = {}
    for name, sql in queries.items():
        cursor.execute(sql)
        result[name] = cursor.fetchall()
    return result


@pytest.mark.django_db
def test_a_dump_restores_every_case_request_page_and_fiche(demo, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the backup procedure is PostgreSQL's")
    import psycopg

    database = settings.DATABASES["default"]
    env = client_environment(database)
    dump = tmp_path / "onthaal.dump"
    restored = f"onthaal_restore_{uuid.uuid4().hex[:8]}"
    # The demo is committed; the test's own transaction adds nothing to the dump.
    run(["pg_dump", "--format=custom", "--file", str(dump), database["NAME"]], env)
    assert dump.stat().st_size > 0

    admin = psycopg.connect(dbname="postgres", host=env["PGHOST"], port=env["PGPORT"],
                            user=env["PGUSER"], password=database["PASSWORD"] or None,
                            autocommit=True)
    try:
        admin.execute(f'CREATE DATABASE "{restored}"')
        run(["pg_restore", "--no-owner", "--jobs=4", "--dbname", restored, str(dump)], env)
        with psycopg.connect(dbname=restored, host=env["PGHOST"], port=env["PGPORT"],
                             user=env["PGUSER"], password=database["PASSWORD"] or None) as copy:
            again = snapshot(copy.cursor())
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
        admin.close()

    with connection.cursor() as cursor:
        original = snapshot(cursor)
    assert original["requests"] and original["pages"] and original["fiches"]
    assert again == original
