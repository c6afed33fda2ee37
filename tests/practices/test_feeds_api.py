"""Feeds, JSON and CSV of the practice database: the listing's filters, and nothing private."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
import time_machine

from tests.practices.test_listing import (
    START,
    make_fiche,
    make_fiches_over_time,
    path_of,
    place,
)

pytestmark = pytest.mark.django_db

BASE = "/nl/praktijken/"
ATOM = "{http://www.w3.org/2005/Atom}"
EMAIL = "onthaal@kortrijk.example"


@pytest.fixture(autouse=True)
def fresh_pages(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def fiches(db):
    """Three live fiches (published a day apart, the second updated last), a draft and an
    unpublished one; the demo's fiches out of sight."""
    from practices.models import PracticePage

    PracticePage.objects.update(live=False)
    first, second, third = make_fiches_over_time([
        ("Taalcafe", {"category": "Onthaalbeleid", "domains": ["Taal"],
                      "places": [place("Kortrijk", "west-vlaanderen", contact_email=EMAIL,
                                       partners="Huis van het Nederlands",
                                       website="https://kortrijk.example/taalcafe")]}),
        ("=HYPERLINK(\"http://kwaad.example\")", {
            "category": "Monitoring", "domains": ["Werk", "Taal"], "start_year": 2019,
            "intro": "+32 is geen formule", "last_reviewed": datetime.date(2025, 1, 31),
            "places": [place("Genk", "limburg"), place("Hasselt", "limburg")]}),
        ("Woonbegeleiding", {"category": "Onthaalbeleid", "domains": ["Wonen"],
                             "goals": "Een goede woning.", "related": []}),
    ])
    with time_machine.travel(START + datetime.timedelta(days=10), tick=False):
        second.save_revision().publish()
    draft = make_fiche("Geheime draft", domains=["Taal"], publish=False,
                       places=[place("Kortrijk", "west-vlaanderen", contact_email=EMAIL)])
    gone = make_fiche("Ingetrokken", domains=["Taal"])
    gone.unpublish()
    return {"first": first, "second": second, "third": third, "draft": draft, "gone": gone}


def xml(content):
    return ET.fromstring(content)  # noqa: S314 (the feed this very test asked for)


def get(client, path, params=None):
    response = client.get(BASE + path, params or {})
    assert response.status_code == 200, response.content[:500]
    return response


# Feeds ---------------------------------------------------------------------------------------

def test_rss_lists_new_and_updated_fiches_latest_first(client, fiches):
    response = get(client, "feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = xml(response.content).find("channel")
    assert channel.findtext("title") == "Praktijkfiches"
    items = channel.findall("item")
    # Ordered by the last publication: the second fiche was published again later.
    assert [item.findtext("title") for item in items] == [
        fiches["second"].title, "Woonbegeleiding", "Taalcafe"]
    taalcafe = items[-1]
    assert taalcafe.findtext("link") == f"http://testserver{path_of(fiches['first'])}"
    assert taalcafe.findtext("description") == "Kort over Taalcafe."
    assert parsedate_to_datetime(taalcafe.findtext("pubDate")) == START
    assert sorted(category.text for category in items[0].findall("category")) == [
        "Monitoring", "Taal", "Werk"]
    assert EMAIL not in response.content.decode()


def test_atom_has_published_and_updated_dates(client, fiches):
    root = xml(get(client, "feed/atom/").content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    second = entries[0]
    assert second.findtext(f"{ATOM}title") == fiches["second"].title
    published = datetime.datetime.fromisoformat(second.findtext(f"{ATOM}published"))
    updated = datetime.datetime.fromisoformat(second.findtext(f"{ATOM}updated"))
    assert published == START + datetime.timedelta(days=1)
    assert updated == START + datetime.timedelta(days=10)
    link = second.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{path_of(fiches['second'])}"


def test_a_feed_per_facet_names_its_filter(client, fiches):
    channel = xml(get(client, "feed/rss/", {"beleidsdomein": "taal"}).content)[0]
    assert [item.findtext("title") for item in channel.findall("item")] == [
        fiches["second"].title, "Taalcafe"]
    assert channel.findtext("title") == "Praktijkfiches: Beleidsdomein: Taal"
    assert channel.findtext("link") == "http://testserver/nl/praktijken/?beleidsdomein=taal"
    atom = xml(get(client, "feed/atom/", {"provincie": "limburg", "q": "hyperlink"}).content)
    assert [entry.findtext(f"{ATOM}title") for entry in atom.findall(f"{ATOM}entry")] == [
        fiches["second"].title]
    assert "Provincie: Limburg" in atom.findtext(f"{ATOM}title")


def test_a_feed_holds_at_most_thirty_fiches(client, fiches):
    for number in range(31):
        make_fiche(f"Fiche {number}")
    channel = xml(get(client, "feed/rss/").content)[0]
    assert len(channel.findall("item")) == 30


# JSON ----------------------------------------------------------------------------------------

def test_json_list_has_the_listing_filters_and_shape(client, fiches):
    data = get(client, "api/fiches/", {"beleidsdomein": "taal"}).json()
    assert data["count"] == 2 and data["page"] == 1 and data["pages"] == 1
    assert data["next"] is None and data["previous"] is None
    # Newest first: the second fiche was first published after the first.
    second, first = data["results"]
    assert second["id"] == fiches["second"].pk
    assert set(second) == {
        "id", "title", "url", "intro", "category", "policy_domains", "target_groups",
        "start_year", "last_reviewed", "first_published_at", "last_published_at",
        "applied_in", "related"}
    assert second["url"] == f"http://testserver{path_of(fiches['second'])}"
    assert second["category"] == {"slug": "monitoring", "name": "Monitoring"}
    assert sorted(domain["slug"] for domain in second["policy_domains"]) == ["taal", "werk"]
    assert second["start_year"] == 2019 and second["last_reviewed"] == "2025-01-31"
    assert second["first_published_at"].startswith("2025-03-02T09:00:00")
    assert second["last_published_at"].startswith("2025-03-11T09:00:00")
    assert [entry["municipality"] for entry in second["applied_in"]] == ["Genk", "Hasselt"]
    assert first["applied_in"] == [{
        "municipality": "Kortrijk",
        "province": {"slug": "west-vlaanderen", "name": "West-Vlaanderen"},
        "description": "", "partners": "Huis van het Nederlands",
        "website": "https://kortrijk.example/taalcafe",
    }]


def test_json_list_pages_keep_the_filters(client, fiches):
    for number in range(21):
        make_fiche(f"Taalfiche {number}", domains=["Taal"])
    data = get(client, "api/fiches/", {"beleidsdomein": "taal", "pagina": "2"}).json()
    assert data["count"] == 23 and data["page"] == 2 and data["pages"] == 2
    assert len(data["results"]) == 3
    assert data["previous"] == (
        "http://testserver/nl/praktijken/api/fiches/?beleidsdomein=taal&pagina=1")
    first = get(client, "api/fiches/", {"beleidsdomein": "taal", "pagina": "x"}).json()
    assert first["next"].endswith("?beleidsdomein=taal&pagina=2")


def test_json_detail_has_every_text_and_links_only_live_related_fiches(client, fiches):
    third = fiches["third"]
    third.related_practices.set([fiches["first"], fiches["draft"]])
    third.save_revision().publish()
    data = get(client, f"api/fiches/{third.pk}/").json()
    assert data["goals"] == "Een goede woning."
    assert {"description", "success_factors", "challenges", "results"} <= set(data)
    assert data["related"] == [fiches["first"].pk]


@pytest.mark.parametrize("which", ["draft", "gone"])
def test_json_detail_of_a_fiche_that_is_not_live_is_not_found(client, fiches, which):
    response = client.get(f"{BASE}api/fiches/{fiches[which].pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Deze fiche bestaat niet."}
    assert client.get(f"{BASE}api/fiches/999999999/").status_code == 404


# CSV -----------------------------------------------------------------------------------------

def csv_rows(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_csv_has_every_matching_fiche_with_formulas_made_harmless(client, fiches):
    for number in range(25):  # more than a page: the export is not paginated
        make_fiche(f"Extra {number}", domains=["Werk"])
    response = get(client, "export.csv", {"beleidsdomein": "taal", "sorteer": "nieuwste"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="praktijkfiches.csv"'
    header, *rows = csv_rows(response)
    assert header == [
        "Titel", "Adres", "Categorie", "Beleidsdomeinen", "Doelgroepen", "Gemeenten",
        "Provincies", "Gestart in", "Laatst nagekeken", "Eerst gepubliceerd",
        "Laatst gepubliceerd", "Korte inleiding"]
    assert len(rows) == 2
    second, first = rows
    assert second[0] == "'=HYPERLINK(\"http://kwaad.example\")"
    assert second[11] == "'+32 is geen formule"
    assert second[1] == f"http://testserver{path_of(fiches['second'])}"
    assert second[3] in ("Taal, Werk", "Werk, Taal")
    assert second[5:9] == ["Genk, Hasselt", "Limburg", "2019", "2025-01-31"]
    assert second[9].startswith("2025-03-02") and second[10].startswith("2025-03-11")
    assert first[0] == "Taalcafe"
    everything = csv_rows(get(client, "export.csv"))
    assert len(everything) == 1 + 3 + 25


# Nothing private, nothing unpublished -----------------------------------------------------------

@pytest.mark.parametrize(
    "path", ["", "feed/rss/", "feed/atom/", "api/fiches/", "export.csv", "PER_FICHE"])
def test_no_draft_and_no_contact_address_anywhere_public(client, fiches, path):
    paths = [path_of(fiches["first"])[len(BASE):], f"api/fiches/{fiches['first'].pk}/"] \
        if path == "PER_FICHE" else [path]
    for one in paths:
        for params in [{}, {"gemeente": "Kortrijk"}, {"q": "geheime"}]:
            body = get(client, one, params).content.decode("utf-8")
            assert EMAIL not in body and "@kortrijk" not in body
            assert "Geheime draft" not in body and "Ingetrokken" not in body


def test_feeds_and_data_answer_get_only(client, fiches):
    for path in ["feed/rss/", "api/fiches/", "export.csv", f"api/fiches/{fiches['first'].pk}/"]:
        assert client.post(BASE + path).status_code == 405, path
    assert json.loads(get(client, "api/fiches/", {"pagina": "-1", "q": "\x00"}).content)
