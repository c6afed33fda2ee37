"""The practice database's listing page with 5,000 published fiches.

    .venv/bin/python benchmarks/practices.py [--fiches 5000] [--runs 7] [--reuse]
                                             [--database-url postgres://...] [--explain]

Needs PostgreSQL (user postgres on 127.0.0.1:5432 unless --database-url or
PRACTICES_BENCH_DATABASE_URL says otherwise). Makes the database `onthaalbench2` from the
migrations and fills it: one fiche is made the ordinary way (a Wagtail page, published), the
others are copies of its page row written with COPY, each with its own title, texts, category,
policy domains, target groups and municipalities. Every fiche is then indexed for search by
practices.search.index_practice, as publishing does.

It times the listing view in this process with Django's test client, page cache off: a
search with two facets (the target: under 200 ms), one facet alone, and no filter, plus
the feed, JSON and CSV of the search. Best and median of --runs requests after a warm-up;
the queries are counted on the warm-up.

--reuse keeps a database filled by an earlier run (it is migrated, not filled again).
--explain prints EXPLAIN ANALYZE of the slowest query of the filtered search.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/onthaalbench2"
TARGET_MS = 200
SEED = 20250301

CATEGORIES = [
    ("onthaalbeleid", "Onthaalbeleid"),
    ("instroom-en-cijfers", "Instroom en cijfers"),
    ("nederlands-oefenen", "Nederlands oefenen"),
    ("doorverwijzing", "Doorverwijzing en opvolging"),
    ("meedoen", "Meedoen en vrije tijd"),
    ("intergemeentelijk", "Intergemeentelijke samenwerking"),
]
DOMAINS = [
    ("burgerzaken", "Burgerzaken", 0.30), ("onderwijs", "Onderwijs", 0.20),
    ("taal", "Taal", 0.45), ("vrije-tijd", "Vrije tijd", 0.20), ("wonen", "Wonen", 0.15),
    ("werk", "Werk", 0.25), ("welzijn", "Welzijn", 0.25), ("gezondheid", "Gezondheid", 0.10),
    ("integratie", "Integratie", 0.35),
]
GROUPS = [
    ("nieuwe-inwoners", "Nieuwe inwoners", 0.5), ("gezinnen", "Gezinnen met kinderen", 0.3),
    ("uit-brussel", "Nieuwkomers uit Brussel", 0.1), ("werkzoekenden", "Werkzoekenden", 0.2),
    ("loketpersoneel", "Loketpersoneel en partners", 0.15),
    ("bestuur", "Beleidsmakers", 0.1),
]
# Municipalities per province (a realistic spread: more in the provinces around Brussels).
PLACES = {
    "antwerpen": ["Antwerpen", "Mechelen", "Turnhout", "Herentals", "Geel", "Mol", "Lier",
                  "Boom", "Kasterlee", "Olen", "Grobbendonk", "Vorselaar", "Lille",
                  "Herenthout", "Heist-op-den-Berg", "Willebroek", "Brasschaat", "Schoten"],
    "limburg": ["Hasselt", "Genk", "Sint-Truiden", "Tongeren", "Beringen", "Lommel",
                "Maasmechelen", "Houthalen-Helchteren", "Bilzen", "Tessenderlo"],
    "oost-vlaanderen": ["Gent", "Aalst", "Ninove", "Maldegem", "Eeklo", "Lokeren",
                        "Sint-Niklaas", "Dendermonde", "Oudenaarde", "Ronse", "Geraardsbergen",
                        "Wetteren", "Zele"],
    "vlaams-brabant": ["Leuven", "Vilvoorde", "Dilbeek", "Halle", "Beersel", "Affligem",
                       "Liedekerke", "Ternat", "Machelen", "Sint-Pieters-Leeuw", "Zaventem",
                       "Asse", "Grimbergen", "Tienen", "Aarschot", "Diest", "Overijse",
                       "Drogenbos", "Kraainem", "Wemmel"],
    "west-vlaanderen": ["Brugge", "Kortrijk", "Oostende", "Roeselare", "Ieper", "Waregem",
                        "Menen", "Torhout", "Izegem", "Poperinge"],
    "brussel": ["Brussel", "Anderlecht", "Schaarbeek"],
}
PROVINCE_WEIGHTS = {"vlaams-brabant": 0.32, "antwerpen": 0.24, "oost-vlaanderen": 0.2,
                    "limburg": 0.1, "west-vlaanderen": 0.1, "brussel": 0.04}
THEMES = [
    "Onthaalgesprekken", "Welkomstmoment", "Instroommeting", "Taalcafé", "Buddywerking",
    "Welkomstpakket", "Oefenkansen Nederlands", "Infosessie voor nieuwe inwoners",
    "Permanentie aan het loket", "Huisbezoeken", "Brugfiguren in de school",
    "Wegwijs in de gemeente", "Vrijetijdspas", "Praatgroep voor ouders", "Taalstage",
    "Jobcoaching", "Woonbegeleiding", "Welkomstbrief in klare taal", "Stadswandeling",
    "Signaalregistratie", "Ketenoverleg", "Tolken op afroep", "Digitaal onthaalloket",
    "Meertalige folder", "Vrijwilligers als gastgezin",
]
QUALIFIERS = [
    "voor nieuwkomers", "met tolken", "aan huis", "in klare taal", "voor gezinnen",
    "op de markt", "in de bibliotheek", "met partners", "voor anderstaligen",
    "na verhuis uit Brussel", "in kleine groepen", "met de OCMW-dienst", "op zaterdag",
    "als eerste stap", "samen met de buurtwerking", "voor jongeren",
]
SENTENCES = [
    "Elke maand krijgt de dienst een lijst van nieuwe inwoners uit het Rijksregister.",
    "Een toeleider belt iedereen op en nodigt uit voor een onthaalgesprek.",
    "Het gesprek is gratis en vrijwillig en vindt plaats in een taal die de persoon begrijpt.",
    "Aan het loket van burgerzaken wijzen medewerkers nieuwe inwoners de weg.",
    "De onthaalmedewerker spreekt Arabisch, Engels en Frans.",
    "Wie Nederlands leert, krijgt tips om ook buiten de les te oefenen.",
    "Vrijwilligers van de bibliotheek praten elke week met cursisten.",
    "Ouders leren de school, de kinderopvang en de sportclubs kennen.",
    "Na zes maanden volgt een tweede gesprek om te zien wat er veranderd is.",
    "Vragen over werk gaan naar de VDAB, vragen over inburgering naar het Agentschap.",
    "De gemeente telde dubbel zoveel gesprekken als het jaar voordien.",
    "Het welkomstpakket bevat een kaart, een vrijetijdspas en praktische adressen.",
    "Partners melden zelf mensen aan via een eenvoudig formulier.",
    "Een brief in klare taal en in vijf talen nodigt uit voor het welkomstmoment.",
    "De gemeenten van de regio delen één brugfiguur en één aanpak.",
    "Signalen uit de gesprekken worden verzameld en naar het college gebracht.",
    "Gezinnen met kinderen krijgen een huisbezoek van het Huis van het Kind.",
    "De stadswandeling toont het gemeentehuis, de bibliotheek en het sociaal huis.",
    "Een tolk is er via de telefoon binnen het kwartier.",
    "Wie uit Brussel verhuist, kent vaak de Vlaamse diensten nog niet.",
    "De woonbegeleider helpt bij het huurcontract en de waarborg.",
    "Elke deelnemer krijgt een vaste contactpersoon.",
]
PARTNERS = ["Agentschap Integratie en Inburgering", "Huis van het Nederlands", "VDAB",
            "OCMW", "Huis van het Kind", "bibliotheek", "CAW", "woonloket", "PIN vzw",
            "sportdienst", "scholen"]


def database_settings(url):
    parts = urlsplit(url)
    return {"host": parts.hostname or "127.0.0.1", "port": str(parts.port or 5432),
            "user": parts.username or "postgres", "name": parts.path.lstrip("/")}


def psql_args(db):
    return ["-h", db["host"], "-p", db["port"], "-U", db["user"]]


def filled_before(db):
    answer = subprocess.run(
        ["psql", *psql_args(db), "-d", db["name"], "-Atc",
         "SELECT count(*) > 100 FROM practices_practicepage"],
        capture_output=True, text=True, check=False,
    )
    return answer.returncode == 0 and answer.stdout.strip() == "t"


def environment(url):
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DATABASE_URL": url}


def migrate(url, db, *, fresh):
    if fresh:
        subprocess.run(["dropdb", *psql_args(db), "--if-exists", db["name"]], check=True)
        subprocess.run(["createdb", *psql_args(db), db["name"]], check=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
                   cwd=ROOT, env=environment(url), check=True)


def django_setup(url):
    # Production-like: no debug bookkeeping, no page cache, this process's own cache.
    os.environ.update(environment(url))
    os.environ.update({"DEBUG": "false", "ALLOWED_HOSTS": "testserver",
                       "PORTAL_PAGE_CACHE_SECONDS": "0", "LOG_LEVEL": "WARNING"})
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# Fill -------------------------------------------------------------------------------------------

def base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(width):
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out


def paragraph(rng, count):
    return " ".join(rng.sample(SENTENCES, count))


def terms():
    from practices.models import Category, PolicyDomain, TargetGroup

    made = {}
    for model, rows in [(Category, [(slug, name, 1) for slug, name in CATEGORIES]),
                        (PolicyDomain, DOMAINS), (TargetGroup, GROUPS)]:
        made[model] = [(model.objects.get_or_create(slug=slug, defaults={"name": name})[0],
                        weight) for slug, name, weight in rows]
    return made


def template_fiche(categories):
    from practices.models import PracticeIndexPage, PracticePage

    index = PracticeIndexPage.objects.get()
    page = PracticePage(title="Sjabloon", slug="sjabloon", intro="Sjabloon.",
                        description="Sjabloon.", category=categories[0][0])
    index.add_child(instance=page)
    page.save_revision().publish()
    return index, page


def copy_rows(cursor, table, columns, rows):
    with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def fill(count):
    """`count` live fiches under the index, with their terms, places and search entries."""
    from django.db import connection, transaction
    from django.utils import timezone

    from practices.models import Category, PolicyDomain, PracticePage, TargetGroup
    from practices.search import index_practice

    rng = random.Random(SEED)
    made = terms()
    index, template = template_fiche(made[Category])
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT * FROM wagtailcore_page WHERE id = %s", [template.pk])
        names = [column.name for column in cursor.description]
        model_row = dict(zip(names, cursor.fetchone(), strict=True))
        page_columns = [name for name in names if name != "id"]
        pages = []
        for number in range(2, count + 1):
            title = f"{rng.choice(THEMES)} {rng.choice(QUALIFIERS)}"
            if rng.random() < 0.4:
                title += f" in {rng.choice(rng.choice(list(PLACES.values())))}"
            slug = f"praktijk-{number}"
            first = now - timedelta(days=rng.random() * 6 * 365)
            last = first + timedelta(days=rng.random() * (now - first).days)
            pages.append({**model_row, "path": index.path + base36(number),
                          "depth": index.depth + 1, "numchild": 0, "title": title,
                          "draft_title": title, "slug": slug,
                          "url_path": f"{index.url_path}{slug}/",
                          "translation_key": uuid.UUID(int=rng.getrandbits(128)),
                          "first_published_at": first, "last_published_at": last,
                          "latest_revision_created_at": last, "live_revision_id": None,
                          "latest_revision_id": None, "live": True,
                          "has_unpublished_changes": False})
        copy_rows(cursor, "wagtailcore_page", page_columns,
                  ([page[name] for name in page_columns] for page in pages))
        cursor.execute(
            "UPDATE wagtailcore_page SET numchild = %s WHERE id = %s", [count, index.pk])
        cursor.execute("UPDATE wagtailcore_page SET title = %s, draft_title = %s WHERE id = %s",
                       ["Onthaalgesprekken aan huis", "Onthaalgesprekken aan huis", template.pk])
        cursor.execute(
            "SELECT path, id FROM wagtailcore_page WHERE path LIKE %s AND id <> %s",
            [index.path + "%", template.pk])
        ids = [page_id for _path, page_id in sorted(cursor.fetchall())]
        print(f"  pages: {time.perf_counter() - started:.1f} s")

        step = time.perf_counter()
        rows, domains, groups, places = [], [], [], []
        provinces, weights = zip(*PROVINCE_WEIGHTS.items(), strict=True)
        for page_id in [template.pk, *ids]:
            category = rng.choice(made[Category])[0]
            rows.append([
                page_id, paragraph(rng, 2)[:400], None, category.pk, paragraph(rng, 2),
                paragraph(rng, rng.randint(3, 6)), paragraph(rng, 2), paragraph(rng, 1),
                paragraph(rng, 2), rng.randint(2008, 2025) if rng.random() < 0.8 else None,
                (now - timedelta(days=rng.randint(0, 900))).date()
                if rng.random() < 0.6 else None,
            ])
            chosen = [term for term, weight in made[PolicyDomain] if rng.random() < weight]
            domains += [(page_id, term.pk) for term in chosen or [made[PolicyDomain][2][0]]]
            groups += [(page_id, term.pk) for term, weight in made[TargetGroup]
                       if rng.random() < weight]
            for position in range(rng.choice([1, 1, 1, 2, 2, 3, 5])):
                province = rng.choices(provinces, weights)[0]
                places.append((
                    position, page_id, rng.choice(PLACES[province]), province,
                    paragraph(rng, 1), ", ".join(rng.sample(PARTNERS, rng.randint(0, 3))),
                    "https://www.example.org/", "onthaal@gemeente.example",
                ))
        cursor.execute("DELETE FROM practices_practicepage WHERE page_ptr_id = %s", [template.pk])
        copy_rows(cursor, "practices_practicepage",
                  ["page_ptr_id", "intro", "image_id", "category_id", "goals", "description",
                   "success_factors", "challenges", "results", "start_year", "last_reviewed"],
                  rows)
        copy_rows(cursor, "practices_practicepage_policy_domains",
                  ["practicepage_id", "policydomain_id"], domains)
        copy_rows(cursor, "practices_practicepage_target_groups",
                  ["practicepage_id", "targetgroup_id"], groups)
        copy_rows(cursor, "practices_appliedin",
                  ["sort_order", "page_id", "municipality_name", "province", "description",
                   "partners", "website", "contact_email"], places)
        print(f"  texts, terms and {len(places):,} places: {time.perf_counter() - step:.1f} s")

        step = time.perf_counter()
        live = (PracticePage.objects.live().select_related("category")
                .prefetch_related("policy_domains", "target_groups", "applied_in"))
        for page in live.iterator(chunk_size=500):
            index_practice(page)
        print(f"  search entries: {time.perf_counter() - step:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


# Timing -----------------------------------------------------------------------------------------

def urls_index():
    from django.urls import reverse
    from django.utils import translation

    with translation.override("nl"):
        return reverse("practices:index")


def matching_count(params):
    from django.http import QueryDict

    from practices.listing import Search, parse

    query = QueryDict(mutable=True)
    for name, value in params.items():
        query[name] = value
    return len(Search(parse(query)).ids())


def timed(label, client, url, params, runs, *, target=None, explain=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    queries = captured.captured_queries
    found = matching_count(params) if url == urls_index() else None
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
    best, median = min(times), statistics.median(times)
    in_sql = sum(float(query["time"]) for query in queries) * 1000
    print(f"{label}: best {best:.0f} ms, median {median:.0f} ms, {len(queries)} queries "
          f"({in_sql:.0f} ms of SQL on the warm-up)"
          + (f", {found:,} fiches found" if found is not None else ""))
    if target is not None:
        print(f"  target: under {target} ms: {'ok' if median < target else 'TOO SLOW'}")
    slowest = sorted(queries, key=lambda query: -float(query["time"]))[:2]
    for query in slowest:
        print(f"  slowest query {float(query['time']) * 1000:5.0f} ms: "
              f"{' '.join(query['sql'].split())[:140]}")
    if explain and slowest:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest[0]["sql"])
            print("\n".join("    " + line for (line,) in cursor.fetchall()))
    return median


def time_pages(runs, explain):
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    with translation.override("nl"):
        urls = {name: reverse(f"practices:{name}") for name in ["index", "rss", "api_list", "csv"]}
    client = Client()
    search = {"q": "onthaal", "beleidsdomein": "taal", "provincie": "vlaams-brabant"}
    timed("filtered search (q=onthaal, beleidsdomein=taal, provincie=vlaams-brabant)",
          client, urls["index"], search, runs, target=TARGET_MS, explain=explain)
    timed("facet only (beleidsdomein=werk)", client, urls["index"],
          {"beleidsdomein": "werk"}, runs)
    timed("no filter", client, urls["index"], {}, runs)
    timed("compound prefix (q=onthaalgesp)", client, urls["index"], {"q": "onthaalgesp"}, runs)
    timed("RSS of the filtered search", client, urls["rss"], search, runs)
    timed("JSON of the filtered search", client, urls["api_list"], search, runs)
    timed("CSV of the filtered search (all matches)", client, urls["csv"], search, runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fiches", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7, help="timed requests per page")
    parser.add_argument("--database-url",
                        default=os.environ.get("PRACTICES_BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--explain", action="store_true")
    options = parser.parse_args()

    db = database_settings(options.database_url)
    reuse = options.reuse and filled_before(db)
    started = time.perf_counter()
    migrate(options.database_url, db, fresh=not reuse)
    print(f"{'migrate' if reuse else 'fresh database and migrate'} ({db['name']}): "
          f"{time.perf_counter() - started:.0f} s")
    django_setup(options.database_url)
    if reuse:
        print(f"reusing the filled database {db['name']}")
    else:
        print(f"fill: {options.fiches:,} published fiches")
        print(f"fill time: {fill(options.fiches):.0f} s")
    from practices.models import AppliedIn, PracticePage

    print(f"{PracticePage.objects.live().count():,} live fiches, "
          f"{AppliedIn.objects.count():,} places")
    time_pages(options.runs, options.explain)


if __name__ == "__main__":
    main()
