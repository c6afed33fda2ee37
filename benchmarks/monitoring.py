"""The monitoring page over five years of a cluster of 20 municipalities.

    .venv/bin/python benchmarks/monitoring.py [--cases 1000000] [--residents 1000000]
                                              [--runs 5] [--export-runs 3] [--year YYYY]
                                              [--reuse] [--explain]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres). Makes the database `onthaalbench`
from the migrations (--database to name another) and fills it with set-based SQL: cases
with their conversations, needs, referrals and timeline events, and the new-resident list,
spread over the last five years and 20 municipalities, the first the largest. Then it
times the monitoring page for the largest municipality and for the whole cluster, and the
exports (CSV, XLSX, PDF, policy signals) for the whole cluster, for the last full year,
signed in as a superuser, in this process with Django's test client. The page's SQL is
counted on the warm-up request, with its slowest queries.

--reuse keeps a database filled by an earlier run (it is migrated, not filled again).
--explain prints EXPLAIN ANALYZE of the slowest query of each page.
"""

# The SQL below is built from this file's own constants, never from outside input.
# ruff: noqa: S608

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import PYTHON, ROOT  # noqa: E402

MUNICIPALITIES = 20
PAGE_TARGET_SECONDS = 1.0
FILLED_TABLES = [
    "appointments_appointmentrequest", "appointments_requestevent", "backoffice_conversation",
    "backoffice_conversation_needs", "backoffice_referral", "backoffice_newresident",
]
# A few partners in every municipality, one of each kind the referrals go to, and how
# likely a conversation leads to a referral of that kind (Dutch classes first).
PARTNER_KINDS = {
    "dutch_classes": 0.45, "dutch_practice": 0.25, "inburgering": 0.15, "work": 0.12,
    "welfare": 0.08, "childcare": 0.06, "housing": 0.05, "leisure": 0.04,
}


def pick(random_column, weighted_values):
    """A CASE expression choosing among SQL literals with the given weights (summing to 1)."""
    branches, threshold = [], 0.0
    items = list(weighted_values.items())
    for value, weight in items[:-1]:
        threshold += weight
        branches.append(f"WHEN {random_column} < {threshold:.4f} THEN {value}")
    return f"CASE {' '.join(branches)} ELSE {items[-1][0]} END"


CHANNELS = {"'online'": 0.30, "'desk'": 0.30, "'letter'": 0.15, "'phone'": 0.15,
            "'partner'": 0.10}
REACHED_STATUSES = {"'held'": 0.35, "'closed'": 0.45, "'scheduled'": 0.05, "'contacted'": 0.07,
                    "'no_show'": 0.04, "'cancelled'": 0.04}
UNREACHED_STATUSES = {"'closed'": 0.55, "'cancelled'": 0.30, "'no_show'": 0.15}
CONTACT_LANGUAGES = {"'nl'": 0.25, "'ar'": 0.15, "'en'": 0.12, "'fr'": 0.10, "'uk'": 0.08,
                     "'tr'": 0.05, "'ro'": 0.05, "'pl'": 0.05, "'ru'": 0.04, "'ps'": 0.03,
                     "'ti'": 0.03, "'es'": 0.03, "'fa'": 0.02}
CASE_NATIONALITIES = {"'BE'": 0.12, "'MA'": 0.10, "'NL'": 0.08, "'RO'": 0.08, "'UA'": 0.08,
                      "'SY'": 0.07, "'AF'": 0.06, "'TR'": 0.06, "'PL'": 0.06, "'ER'": 0.04,
                      "'IN'": 0.04, "'BR'": 0.03, "'ES'": 0.03, "'BG'": 0.03, "'CD'": 0.03,
                      "''": 0.09}
RESIDENT_NATIONALITIES = {"'BE'": 0.45, "'NL'": 0.08, "'MA'": 0.05, "'RO'": 0.05, "'UA'": 0.04,
                          "'PL'": 0.04, "'SY'": 0.03, "'TR'": 0.03, "'FR'": 0.03, "'IN'": 0.03,
                          "'AF'": 0.02, "'ES'": 0.02, "'IT'": 0.02, "'BG'": 0.02, "'ER'": 0.02,
                          "'BR'": 0.02, "''": 0.05}
SEXES = {"'F'": 0.49, "'M'": 0.47, "'X'": 0.01, "''": 0.03}
TOPICS = {"'[\"dutch\"]'": 0.30, "'[\"dutch\", \"work\"]'": 0.15, "'[\"housing\"]'": 0.10,
          "'[\"childcare\", \"education\"]'": 0.10, "'[\"administration\"]'": 0.15,
          "'[\"health\"]'": 0.05, "'[]'": 0.15}
FOLLOW_UPS = {"'none'": 0.55, "'conversation'": 0.35, "'trajectory'": 0.10}
# Notes staff write about needs, some with details the signal export must leave out.
NEEDS_TEXTS = {
    "'Zoekt een avondcursus Nederlands, overdag werkt zij.'": 0.3,
    "'Wacht al lang op een sociale woning; bel 0470 12 34 56 voor de opvolging.'": 0.2,
    "'Kinderen vinden geen plaats in de kinderopvang in de buurt.'": 0.2,
    "'Diploma uit het buitenland: weet niet waar het te laten erkennen.'": 0.15,
    "'Geen vervoer naar de les in de stad, woont aan de Dorpstraat 12.'": 0.15,
}
# Age at registration: children, adults, older people.
AGES = {"(random() * 17)::int": 0.2, "18 + (random() * 32)::int": 0.65,
        "51 + (random() * 35)::int": 0.15}
OUTREACH = {"'new'": 0.30, "'invited'": 0.30, "'called'": 0.12, "'reached'": 0.18,
            "'not_interested'": 0.10}


# Database -----------------------------------------------------------------------------------

def database_env(database):
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}"}


def filled_before(database):
    """Whether the database exists and already holds cases."""
    answer = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-Atc",
         "SELECT count(*) FROM (SELECT 1 FROM appointments_appointmentrequest LIMIT 1) AS one"],
        capture_output=True, text=True, check=False,
    )
    return answer.returncode == 0 and answer.stdout.strip() == "1"


def migrate(database, *, fresh):
    if fresh:
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database],
                       check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"],  # noqa: S603
                   cwd=ROOT, env=database_env(database), check=True)


def django_setup(database):
    # Production-like: no debug bookkeeping; the test client's host is allowed.
    os.environ.update(database_env(database))
    os.environ.update({"DEBUG": "false", "ALLOWED_HOSTS": "testserver"})
    os.environ.pop("REDIS_URL", None)  # this process's own cache, nobody else's
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# Fill -----------------------------------------------------------------------------------------

def add_municipalities_and_partners():
    from wagtail.models import Locale

    from home.models import Partner
    from portal.models import Municipality

    municipalities = Municipality.objects.bulk_create([
        Municipality(name=f"Gemeente {n:02d}", slug=f"gemeente-{n:02d}", nis_code=f"{90000 + n}",
                     email=f"onthaal@gemeente{n:02d}.example", phone="011 00 00 00",
                     street_address="Marktplein 1", postal_code=f"{3900 + n}",
                     city=f"Gemeente {n:02d}")
        for n in range(1, MUNICIPALITIES + 1)
    ])
    dutch = Locale.objects.get(language_code="nl")
    Partner.objects.bulk_create([
        Partner(municipality=municipality, locale=dutch, translation_key=uuid.uuid4(),
                name=f"{kind} {municipality.name}", kind=kind,
                description="Een partner van het onthaal.")
        for municipality in municipalities for kind in PARTNER_KINDS
    ])


def cases_sql(count):
    """Cases over the last five years, in the order they came in: more in recent years and
    in the municipalities listed first (the first has about 15%, the last about 3%).

    About 60% are reached: at the desk at once, otherwise a few days after the request.
    Cases closed more than two years ago are anonymised, as the retention period does.
    """
    return f"""
    INSERT INTO appointments_appointmentrequest (
        reference, status, channel, language, name, phone, email, postal_code, address,
        arrival_date, contact_language, needs_interpreter, contact_methods, preferred_moments,
        topics, question, extra_information, dutch_difficult, works, has_children,
        filled_in_by, partner_organisation, consent_given_at, consent_text, access_key,
        created_at, updated_at, closed_at, reached_at, anonymised_at, municipality_id,
        birth_year, referral_source_id, nationality, sex)
    SELECT
        'BM-' || lpad(g::text, 8, '0'), status, channel,
        CASE WHEN contact_language IN ('nl', 'fr', 'en', 'ar', 'tr', 'ro', 'pl', 'uk', 'ru',
                                       'es', 'fa') THEN contact_language ELSE 'nl' END,
        CASE WHEN anonymised_at IS NULL THEN 'Persoon ' || g ELSE '' END,
        CASE WHEN anonymised_at IS NULL THEN '+3247' || lpad((g % 10000000)::text, 7, '0')
             ELSE '' END,
        '', '', '',
        CASE WHEN r_arrival < 0.7 THEN created_at::date - (r_arrival * 120)::int END,
        contact_language, contact_language <> 'nl' AND r_flags < 0.3,
        '["phone"]'::jsonb, '[]'::jsonb, topics::jsonb, '', '',
        CASE WHEN r_flags < 0.7 THEN r_bool1 < 0.6 END,
        CASE WHEN r_flags < 0.7 THEN r_bool2 < 0.45 END,
        CASE WHEN r_flags < 0.7 THEN r_bool3 < 0.5 END,
        CASE WHEN channel = 'partner' THEN 'partner' ELSE 'self' END, '',
        created_at, 'Toestemming gegeven bij de aanvraag.', '',
        created_at, coalesce(closed_at, reached_at, created_at), closed_at, reached_at,
        anonymised_at, municipality_id,
        CASE WHEN r_birth < 0.9 THEN extract(year FROM created_at)::int - 18
                                     - (power(r_birth / 0.9, 1.5) * 50)::int END,
        CASE WHEN channel = 'partner' OR r_source < 0.25
             THEN sources[1 + floor(r_source * array_length(sources, 1))::int] END,
        nationality, sex
    FROM (
        SELECT *, CASE WHEN closed_at < now() - interval '24 months'
                       THEN closed_at + interval '24 months' END AS anonymised_at
        FROM (
            SELECT *, CASE WHEN status IN ('closed', 'cancelled', 'no_show')
                           THEN least(coalesce(reached_at, created_at)
                                      + (2 + r_close * 58) * interval '1 day', now())
                      END AS closed_at
            FROM (
                SELECT *,
                    CASE WHEN NOT reached AND created_at > now() - interval '30 days'
                              AND r_status < 0.6 THEN 'new'
                         WHEN reached THEN {pick("r_status", REACHED_STATUSES)}
                         ELSE {pick("r_status", UNREACHED_STATUSES)} END AS status,
                    CASE WHEN NOT reached THEN NULL
                         WHEN channel = 'desk' THEN created_at
                         ELSE least(created_at + (0.5 + power(r_delay, 2) * 10)
                                    * interval '1 day', now()) END AS reached_at
                FROM (
                    SELECT *,
                        {pick("r_channel", CHANNELS)} AS channel,
                        {pick("r_language", CONTACT_LANGUAGES)} AS contact_language,
                        {pick("r_nationality", CASE_NATIONALITIES)} AS nationality,
                        {pick("r_sex", SEXES)} AS sex,
                        {pick("r_topics", TOPICS)} AS topics,
                        r_reached < CASE WHEN {pick("r_channel", CHANNELS)} = 'desk'
                                         THEN 0.95 ELSE 0.45 END AS reached
                    FROM (
                        SELECT g,
                            municipalities[1 + floor({MUNICIPALITIES}
                                                     * power(random(), 1.6))::int]
                                AS municipality_id,
                            now() - interval '5 years'
                                + power(random(), 0.85) * interval '5 years' AS created_at,
                            random() AS r_channel, random() AS r_language,
                            random() AS r_nationality, random() AS r_sex, random() AS r_topics,
                            random() AS r_reached, random() AS r_status, random() AS r_delay,
                            random() AS r_close, random() AS r_arrival, random() AS r_flags,
                            random() AS r_bool1, random() AS r_bool2, random() AS r_bool3,
                            random() AS r_birth, random() AS r_source
                        FROM generate_series(1, {int(count)}) AS g,
                            (SELECT array_agg(id ORDER BY id) AS municipalities
                             FROM portal_municipality) AS m
                    ) AS drawn
                ) AS with_reach
            ) AS with_status
        ) AS with_closing
    ) AS with_retention,
    (SELECT array_agg(id ORDER BY id) AS sources FROM appointments_referralsource) AS s
    ORDER BY created_at
    """


def conversations_sql():
    """A conversation for most reached cases that were held or closed (the same day at the
    desk), and a follow-up conversation for part of the follow-ups that came due."""
    return f"""
    WITH first AS (
        SELECT held_on, 30 + (r_duration * 60)::int AS duration_minutes,
            contact_language AS language,
            contact_language <> 'nl' AND r_interpreter < 0.4 AS interpreter_used,
            topics::jsonb AS themes, needs_text, follow_up,
            CASE WHEN follow_up <> 'none' THEN held_on + 182 END AS follow_up_on,
            CASE WHEN follow_up <> 'none' AND held_on + 182 < current_date AND r_done < 0.75
                 THEN (held_on + 182 + (r_done * 20)::int)::timestamptz END
                AS follow_up_done_at,
            r_follow_up_held, id AS request_id, municipality_id
        FROM (
            SELECT *, {pick("r_follow_up", FOLLOW_UPS)} AS follow_up,
                CASE WHEN r_noted < 0.1 THEN {pick("r_note", NEEDS_TEXTS)} ELSE '' END
                    AS needs_text
            FROM (
                SELECT id, municipality_id, contact_language, topics,
                    least(reached_at::date + CASE WHEN channel = 'desk' THEN 0
                                                  ELSE (random() * 14)::int END,
                          current_date) AS held_on,
                    random() AS r_follow_up, random() AS r_noted, random() AS r_note,
                    random() AS r_duration, random() AS r_interpreter, random() AS r_done,
                    random() AS r_follow_up_held
                FROM appointments_appointmentrequest
                WHERE reached_at IS NOT NULL AND status IN ('held', 'closed')
            ) AS drawn
        ) AS held
    )
    INSERT INTO backoffice_conversation (
        held_on, duration_minutes, is_follow_up, language, interpreter_used, themes,
        needs_text, follow_up, follow_up_on, follow_up_done_at, created_at, by_id, request_id,
        municipality_id)
    SELECT held_on, duration_minutes, is_follow_up, language, interpreter_used, themes,
        needs_text, follow_up, follow_up_on, follow_up_done_at,
        held_on::timestamptz + interval '14 hours', NULL, request_id, municipality_id
    FROM (
        SELECT held_on, duration_minutes, false AS is_follow_up, language, interpreter_used,
            themes, needs_text, follow_up, follow_up_on, follow_up_done_at, request_id,
            municipality_id
        FROM first
        UNION ALL
        SELECT least(follow_up_on + (r_follow_up_held * 20)::int, current_date), 30, true,
            language, interpreter_used, themes, '', 'none', NULL, NULL, request_id,
            municipality_id
        FROM first
        WHERE follow_up <> 'none' AND follow_up_on <= current_date AND r_follow_up_held < 0.6
    ) AS conversations
    ORDER BY held_on
    """


def needs_sql():
    """Needs heard per conversation: Dutch classes and practice most, the others now and then."""
    return """
    INSERT INTO backoffice_conversation_needs (conversation_id, needcategory_id)
    SELECT conversation_id, need_id
    FROM (
        -- Drawn per pair: a condition on random() alone would be drawn once per need.
        SELECT conversation.id AS conversation_id, need.id AS need_id, need.sort_order,
            random() AS r_heard
        FROM backoffice_conversation AS conversation
        CROSS JOIN backoffice_needcategory AS need
    ) AS pairs
    WHERE r_heard < CASE sort_order WHEN 0 THEN 0.55 WHEN 1 THEN 0.35 ELSE 0.08 END
    ORDER BY conversation_id
    """


def referrals_sql():
    kinds = ", ".join(f"('{kind}', {chance})" for kind, chance in PARTNER_KINDS.items())
    return f"""
    INSERT INTO backoffice_referral (purpose, status, updated_at, conversation_id, partner_id)
    SELECT 'Aanmelding en eerste afspraak',
        {pick("r_status", {"'proposed'": 0.1, "'made'": 0.3, "'confirmed'": 0.3,
                           "'feedback'": 0.3})},
        held_on::timestamptz + interval '3 days', conversation_id, partner_id
    FROM (
        SELECT conversation.id AS conversation_id, conversation.held_on,
            partner.id AS partner_id, kind.chance, random() AS r_referred, random() AS r_status
        FROM backoffice_conversation AS conversation
        JOIN appointments_appointmentrequest AS request ON request.id = conversation.request_id
        CROSS JOIN (VALUES {kinds}) AS kind (code, chance)
        JOIN home_partner AS partner
            ON partner.municipality_id = request.municipality_id AND partner.kind = kind.code
    ) AS made
    WHERE r_referred < chance
    ORDER BY conversation_id
    """


STATUS_LABELS = {"'contacted'": "'Contact gehad'", "'scheduled'": "'Afspraak gepland'",
                 "'held'": "'Gesprek gehouden'", "'closed'": "'Afgesloten'",
                 "'cancelled'": "'Geannuleerd'", "'no_show'": "'Niet opgedaagd'"}


def events_sql():
    """The timeline: a 'received' line per case, the change to its last status, and an
    earlier missed appointment for some cases that were held in the end."""
    labels = " ".join(f"WHEN {status} THEN 'Nieuw → ' || {label}"
                      for status, label in STATUS_LABELS.items())
    return f"""
    INSERT INTO appointments_requestevent (at, kind, note, actor_id, request_id, status)
    SELECT at, kind, note, NULL, request_id, status
    FROM (
        SELECT created_at AS at, 'created' AS kind, '' AS note, id AS request_id,
            '' AS status
        FROM appointments_appointmentrequest
        UNION ALL
        SELECT CASE WHEN status = 'no_show'
                    THEN least(coalesce(reached_at, created_at)
                               + (3 + random() * 7) * interval '1 day', now())
                    ELSE coalesce(closed_at, reached_at, created_at) END,
            CASE WHEN status = 'cancelled' AND random() < 0.4 THEN 'cancelled'
                 ELSE 'status_changed' END,
            CASE status {labels} END, id, status
        FROM appointments_appointmentrequest
        WHERE status <> 'new'
        UNION ALL
        SELECT reached_at + interval '3 days', 'status_changed',
            'Afspraak gepland → Niet opgedaagd', id, 'no_show'
        FROM appointments_appointmentrequest
        WHERE status IN ('held', 'closed') AND reached_at IS NOT NULL AND random() < 0.04
    ) AS timeline
    ORDER BY at
    """


def residents_sql(count):
    """The new-resident lists: the people invited by letter, whose case is linked, and
    everyone else on the monthly lists, up to `count`, in the order they were listed.
    Personal fields are kept for the last twelve months only, as the retention period does."""
    kept = "registered_on >= (now() - interval '12 months')::date"
    return f"""
    INSERT INTO backoffice_newresident (
        register_hash, match_key, household_key, last_name, first_name, birth_date, street,
        house_number, box, postal_code, town, phone, email, birth_year, sex, nationality,
        origin, registered_on, outreach, outreach_changed_at, imported_at, anonymised_at,
        case_id, invitation_id, municipality_id, source_import_id)
    SELECT
        CASE WHEN {kept} THEN md5('register' || number) ELSE '' END,
        CASE WHEN {kept} THEN md5('match' || number) ELSE '' END,
        CASE WHEN {kept} THEN md5('household' || (number / 3)) ELSE '' END,
        CASE WHEN {kept} THEN 'Inwoner' ELSE '' END,
        CASE WHEN {kept} THEN 'Nr ' || number ELSE '' END,
        CASE WHEN {kept} THEN make_date(birth_year, 1 + (r_day * 11)::int,
                                        1 + (r_day * 27)::int) END,
        CASE WHEN {kept} THEN 'Dorpstraat' ELSE '' END,
        CASE WHEN {kept} THEN (1 + number % 150)::text ELSE '' END,
        '', CASE WHEN {kept} THEN '3999' ELSE '' END, '', '', '',
        birth_year, sex, nationality,
        CASE WHEN nationality = 'BE' AND r_origin < 0.7 THEN 'belgian' ELSE 'foreign' END,
        registered_on, outreach,
        CASE WHEN outreach <> 'new' THEN least(registered_on + 30 + (r_day * 30)::int,
                                               current_date)::timestamptz END,
        least(registered_on + 20, current_date)::timestamptz,
        CASE WHEN NOT {kept} THEN (registered_on + interval '12 months')::timestamptz END,
        case_id, NULL, municipality_id, NULL
    FROM (
        SELECT * FROM (
            SELECT id AS number, id AS case_id, municipality_id, sex, nationality,
                coalesce(birth_year, 1990)::int AS birth_year,
                created_at::date - 5 - (random() * 40)::int AS registered_on,
                CASE WHEN reached_at IS NOT NULL THEN 'reached' ELSE 'invited' END AS outreach,
                random() AS r_day, random() AS r_origin
            FROM appointments_appointmentrequest
            WHERE channel = 'letter'
            ORDER BY id
            LIMIT {int(count)}
        ) AS invited
        UNION ALL
        SELECT * FROM (
            SELECT 1000000000 + g AS number, NULL::bigint AS case_id, municipality_id,
                {pick("r_sex", SEXES)} AS sex,
                {pick("r_nationality", RESIDENT_NATIONALITIES)} AS nationality,
                extract(year FROM registered_on)::int - {pick("r_age", AGES)} AS birth_year,
                registered_on, {pick("r_outreach", OUTREACH)} AS outreach, r_day, r_origin
            FROM (
                SELECT g,
                    municipalities[1 + floor({MUNICIPALITIES} * power(random(), 1.6))::int]
                        AS municipality_id,
                    (now() - interval '5 years')::date
                        + (random() * ((now() - interval '1 month')::date
                                       - (now() - interval '5 years')::date))::int
                        AS registered_on,
                    random() AS r_age, random() AS r_sex, random() AS r_nationality,
                    random() AS r_outreach, random() AS r_day, random() AS r_origin
                FROM generate_series(1, greatest({int(count)} - (
                        SELECT count(*) FROM appointments_appointmentrequest
                        WHERE channel = 'letter'), 0)) AS g,
                    (SELECT array_agg(id ORDER BY id) AS municipalities
                     FROM portal_municipality) AS m
            ) AS drawn
        ) AS listed
    ) AS residents
    ORDER BY registered_on
    """


def secondary_indexes(cursor):
    """The filled tables' indexes that back no constraint: built once after the fill."""
    cursor.execute("""
        SELECT index.indexrelid::regclass::text, pg_get_indexdef(index.indexrelid)
        FROM pg_index AS index
        WHERE index.indrelid = ANY(%s::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = index.indexrelid)
    """, [FILLED_TABLES])
    return cursor.fetchall()


def fill(cases, residents):
    from django.contrib.auth import get_user_model
    from django.db import connection

    add_municipalities_and_partners()
    get_user_model().objects.create_superuser("monitoring-benchmark", None, None)
    steps = [
        ("cases", [cases_sql(cases)]),
        ("conversations", [conversations_sql()]),
        ("needs", [needs_sql()]),
        ("referrals", [referrals_sql()]),
        ("timeline events", [events_sql()]),
        ("new residents", [residents_sql(residents)]),
    ]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        # Foreign keys are not checked row by row while filling: every id used comes from
        # rows inserted just before. The constraints stay and hold for everything after.
        cursor.execute("SET session_replication_role = replica")
        indexes = secondary_indexes(cursor)
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
        for label, statements in steps:
            step_started = time.perf_counter()
            for statement in statements:
                cursor.execute(statement)
            print(f"  {label}: {time.perf_counter() - step_started:.1f} s")
        step_started = time.perf_counter()
        for _name, definition in indexes:
            cursor.execute(definition)
        print(f"  {len(indexes)} indexes: {time.perf_counter() - step_started:.1f} s")
        cursor.execute("SET session_replication_role = DEFAULT")
        step_started = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE)")  # every table, as autovacuum would in time
        print(f"  vacuum and analyze: {time.perf_counter() - step_started:.1f} s")
    return time.perf_counter() - started


def print_table_sizes():
    from django.db import connection

    print("tables:")
    with connection.cursor() as cursor:
        for table in FILLED_TABLES:
            cursor.execute(f"""
                SELECT count(*), pg_table_size('{table}'), pg_indexes_size('{table}')
                FROM {table}""")
            rows, data, indexes = cursor.fetchone()
            print(f"  {table:34} {rows:>10,} rows  {data / 2**20:7.0f} MB data  "
                  f"{indexes / 2**20:6.0f} MB indexes")
        cursor.execute("SELECT pg_database_size(current_database())")
        print(f"  database total {cursor.fetchone()[0] / 2**30:.2f} GB")


# Timing ---------------------------------------------------------------------------------------

def fetch(client, url, params):
    response = client.get(url, params)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body)


def timed(label, client, url, params, runs, *, target=None, explain=False):
    """Best and median of `runs` requests after one warm-up; queries counted on the warm-up."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        size = fetch(client, url, params)
    queries = captured.captured_queries  # now: each request empties the connection's log
    seconds = []
    for _ in range(runs):
        cache.clear()  # figures, never a stored page, are what is measured
        started = time.perf_counter()
        fetch(client, url, params)
        seconds.append(time.perf_counter() - started)
    best, median = min(seconds), statistics.median(seconds)
    in_sql = sum(float(query["time"]) for query in queries)
    print(f"{label}: best {best:.2f} s, median {median:.2f} s, "
          f"{len(queries)} queries ({in_sql:.2f} s of SQL on the warm-up), "
          f"{size / 1024:.0f} KB")
    if target is not None:
        verdict = "ok" if median < target else "TOO SLOW"
        print(f"  target: under {target:g} s, figures computed for this request: {verdict}")
    shared = []
    for _ in range(runs):  # the figures as another visit within the cache time finds them
        started = time.perf_counter()
        fetch(client, url, params)
        shared.append(time.perf_counter() - started)
    print(f"  figures computed earlier (ONTHAAL_MONITORING_CACHE_SECONDS): best "
          f"{min(shared):.3f} s, median {statistics.median(shared):.3f} s")
    slowest = sorted(queries, key=lambda query: -float(query["time"]))[:3]
    for query in slowest:
        print(f"  slowest query {float(query['time']) * 1000:6.0f} ms: "
              f"{' '.join(query['sql'].split())[:150]}")
    if explain and slowest:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest[0]["sql"])
            print("\n".join("    " + line for (line,) in cursor.fetchall()))
    return median


def time_pages(year, runs, export_runs, explain):
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from portal.models import Municipality

    try:
        page = reverse("backoffice_monitoring")
        exports = {f"export {fmt}": reverse("backoffice_monitoring_export",
                                            kwargs={"format": fmt})
                   for fmt in ["csv", "xlsx", "pdf"]}
        exports["policy signals csv"] = reverse("backoffice_monitoring_signals",
                                                kwargs={"format": "csv"})
    except NoReverseMatch:
        raise SystemExit("The monitoring page is not there yet.") from None
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="monitoring-benchmark"))
    # The first is the largest (see cases_sql): a city in the cluster.
    largest = Municipality.objects.order_by("pk").first()
    scopes = [(f"one municipality ({largest.name}), {year}", largest.pk),
              (f"whole cluster ({Municipality.objects.count()} municipalities), {year}", "")]
    for scope, municipality in scopes:
        params = {"kind": "year", "year": year, "municipality": municipality}
        timed(f"page, {scope}", client, page, params, runs,
              target=PAGE_TARGET_SECONDS, explain=explain)
    scope, municipality = scopes[-1]
    for what, url in exports.items():
        params = {"kind": "year", "year": year, "municipality": municipality}
        timed(f"{what}, {scope}", client, url, params, export_runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--residents", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="timed requests per page")
    parser.add_argument("--export-runs", type=int, default=3, help="timed requests per export")
    parser.add_argument("--year", type=int, help="the year timed; the last full year if not given")
    parser.add_argument("--database", default="onthaalbench")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--explain", action="store_true")
    options = parser.parse_args()

    reuse = options.reuse and filled_before(options.database)
    started = time.perf_counter()
    migrate(options.database, fresh=not reuse)
    print(f"{'migrate' if reuse else 'fresh database and migrate'}: "
          f"{time.perf_counter() - started:.0f} s")
    django_setup(options.database)
    if reuse:
        print(f"reusing the filled database {options.database}")
    else:
        print(f"fill: {options.cases:,} cases, {options.residents:,} new residents, "
              f"{MUNICIPALITIES} municipalities, five years")
        seconds = fill(options.cases, options.residents)
        print(f"fill time: {seconds:.0f} s (target: a few minutes)")
    print_table_sizes()

    from django.utils import timezone

    year = options.year or timezone.localdate().year - 1
    time_pages(year, options.runs, options.export_runs, options.explain)


if __name__ == "__main__":
    main()
