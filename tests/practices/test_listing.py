"""The public listing of the practice database (search, facets, sorting, pages) and a fiche."""

import datetime
import io
import re
import uuid
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from practices.listing import PAGE_SIZE, related_practices
from practices.models import (
    AppliedIn,
    Category,
    PolicyDomain,
    PracticeIndexPage,
    PracticePage,
    PracticeSearchEntry,
    TargetGroup,
)

pytestmark = pytest.mark.django_db

LISTING = "/nl/praktijken/"
START = datetime.datetime(2025, 3, 1, 9, 0, tzinfo=datetime.UTC)


# Helpers (test_feeds_api.py uses them too) ------------------------------------------------

def term(model, name):
    """A taxonomy term with the slug of its name (the demo's, when it has that one)."""
    found = model.objects.filter(slug=slugify(name)).first()
    if found is None:
        taken = model.objects.filter(name=name).exists()
        found = model.objects.create(name=f"{name} (test)" if taken else name,
                                     slug=slugify(name))
    return found


def place(municipality, province, **fields):
    return {"municipality_name": municipality, "province": province, **fields}


def make_fiche(title, *, category="Andere", domains=(), groups=(), places=(), related=(),
               publish=True, **fields):
    """A fiche under the practice index, published (and so indexed for search) unless not."""
    fields.setdefault("intro", f"Kort over {title}.")
    fields.setdefault("description", "Een gemeente pakt het onthaal van nieuwkomers aan.")
    page = PracticePage(
        title=title,
        slug=f"{slugify(title)}-{uuid.uuid4().hex[:6]}",
        category=term(Category, category),
        live=publish,
        **fields,
    )
    PracticeIndexPage.objects.get().add_child(instance=page)
    page.policy_domains.set([term(PolicyDomain, name) for name in domains])
    page.target_groups.set([term(TargetGroup, name) for name in groups])
    page.related_practices.set(list(related))
    page.applied_in = [AppliedIn(**entry) for entry in places]
    revision = page.save_revision()
    if publish:
        revision.publish()
    return PracticePage.objects.get(pk=page.pk)


def make_fiches_over_time(specs):
    """Fiches published one day apart, the first the oldest."""
    pages = []
    for number, (title, options) in enumerate(specs):
        with time_machine.travel(START + datetime.timedelta(days=number), tick=False):
            pages.append(make_fiche(title, **options))
    return pages


@pytest.fixture(autouse=True)
def fresh_pages(settings):
    """Every request renders the page anew (the page cache has a test of its own)."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def only_ours(db):
    """The demo's fiches out of sight (rolled back after the test): counts are exact."""
    PracticePage.objects.update(live=False)


def listing_of(client, params=None):
    response = client.get(LISTING, params or {})
    assert response.status_code == 200
    return response.context["listing"]


def titles(listing):
    return [practice.title for practice in listing.page.object_list]


def facet_counts(listing, name):
    facet = next(facet for facet in listing.facets if facet.name == name)
    return {value.slug: value.count for value in facet.values + facet.more}


def path_of(page):
    return f"{LISTING}{page.slug}/"


def query_of(url):
    return parse_qsl(urlsplit(unescape(url)).query)


# Four fiches whose facets overlap, so every count below can be worked out by hand.
@pytest.fixture
def four(only_ours):
    return make_fiches_over_time([
        ("Taalcafe in Dilbeek", {
            "category": "Onthaalbeleid", "domains": ["Taal", "Werk"], "groups": ["Volwassenen"],
            "places": [place("Dilbeek", "vlaams-brabant")]}),
        ("Onthaalgesprekken aan het loket", {
            "category": "Onthaalbeleid", "domains": ["Taal"], "groups": ["Gezinnen"],
            "places": [place("Leuven", "vlaams-brabant"), place("Mechelen", "antwerpen")]}),
        ("Jobbeurs voor nieuwkomers", {
            "category": "Monitoring", "domains": ["Werk"],
            "places": [place("Mechelen", "antwerpen")]}),
        ("Woonloket met tolken", {
            "category": "Monitoring", "domains": ["Wonen"],
            "places": [place("Gent", "oost-vlaanderen")]}),
    ])


# The listing -------------------------------------------------------------------------------

def test_listing_shows_every_live_fiche_with_its_card(client, four):
    response = client.get(LISTING)
    html = response.content.decode()
    listing = response.context["listing"]
    assert listing.count == 4
    # Newest first when nothing is searched.
    assert titles(listing) == [
        "Woonloket met tolken", "Jobbeurs voor nieuwkomers",
        "Onthaalgesprekken aan het loket", "Taalcafe in Dilbeek",
    ]
    assert "4 fiches" in html
    assert f'href="{path_of(four[1])}"' in html
    assert "Kort over Onthaalgesprekken aan het loket." in html
    assert "Leuven, Mechelen" in html
    assert 'href="/static/practices/practices.css"' in html
    assert 'href="/nl/praktijken/fiche-indienen/"' in html


def test_facet_counts_are_disjunctive(client, four):
    listing = listing_of(client, {"beleidsdomein": "taal"})
    assert sorted(titles(listing)) == ["Onthaalgesprekken aan het loket", "Taalcafe in Dilbeek"]
    # Its own facet counts as if it were not chosen: what adding a value would give.
    assert facet_counts(listing, "beleidsdomein") == {"taal": 2, "werk": 2, "wonen": 1}
    # The other facets count over the two results.
    assert facet_counts(listing, "categorie") == {"onthaalbeleid": 2}
    assert facet_counts(listing, "provincie") == {"vlaams-brabant": 2, "antwerpen": 1}
    assert facet_counts(listing, "gemeente") == {"Dilbeek": 1, "Leuven": 1, "Mechelen": 1}
    assert facet_counts(listing, "doelgroep") == {"volwassenen": 1, "gezinnen": 1}


def test_or_within_a_facet_and_across_facets(client, four):
    either = listing_of(client, [("beleidsdomein", "taal"), ("beleidsdomein", "werk")])
    assert either.count == 3
    both = listing_of(
        client, [("beleidsdomein", "taal"), ("beleidsdomein", "werk"), ("provincie", "antwerpen")]
    )
    assert sorted(titles(both)) == ["Jobbeurs voor nieuwkomers", "Onthaalgesprekken aan het loket"]
    assert facet_counts(both, "beleidsdomein") == {"taal": 1, "werk": 1}
    assert facet_counts(both, "provincie") == {"vlaams-brabant": 2, "antwerpen": 2}
    assert facet_counts(both, "categorie") == {"onthaalbeleid": 1, "monitoring": 1}
    with_category = listing_of(client, [("provincie", "antwerpen"), ("categorie", "monitoring")])
    assert titles(with_category) == ["Jobbeurs voor nieuwkomers"]


def test_a_chosen_value_without_results_stays_visible_to_be_removed(client, four):
    listing = listing_of(client, [("beleidsdomein", "wonen"), ("provincie", "antwerpen")])
    assert listing.count == 0
    assert facet_counts(listing, "beleidsdomein") == {"wonen": 0, "taal": 1, "werk": 1}
    assert facet_counts(listing, "provincie") == {"antwerpen": 0, "oost-vlaanderen": 1}
    # Not chosen and giving nothing: not shown.
    assert facet_counts(listing, "gemeente") == {}
    html = client.get(LISTING, [("beleidsdomein", "wonen"), ("provincie", "antwerpen")]).content
    assert "Geen fiches gevonden" in html.decode()


def test_facet_links_toggle_a_value_and_mark_the_chosen_ones(client, four):
    response = client.get(LISTING, {"beleidsdomein": "taal", "pagina": "1"})
    listing = response.context["listing"]
    domains = {value.slug: value for value in listing.facets[1].values}
    assert domains["taal"].selected and not domains["werk"].selected
    assert query_of(domains["werk"].url) == [("beleidsdomein", "taal"), ("beleidsdomein", "werk")]
    assert query_of(domains["taal"].url) == []
    html = response.content.decode()
    chosen = re.search(r'<a class="facet-value is-selected"[^>]*>', html).group(0)
    assert 'aria-current="true"' in chosen
    assert f'href="{domains["taal"].url}"' in chosen


def test_active_filters_can_be_removed_one_by_one_or_all(client, four):
    response = client.get(LISTING, {"q": "loket", "provincie": "antwerpen"})
    listing = response.context["listing"]
    removals = {str(active.label): query_of(active.remove_url) for active in listing.active}
    assert removals == {"Zoekterm": [("provincie", "antwerpen")], "Provincie": [("q", "loket")]}
    html = response.content.decode()
    assert "Alle filters wissen" in html
    assert f'href="{listing.clear_url}"' in html and listing.clear_url == LISTING


def test_search_form_keeps_the_filters_and_the_share_block_has_the_address(client, four):
    response = client.get(LISTING, [("q", "loket"), ("categorie", "onthaalbeleid"),
                                    ("sorteer", "nieuwste")])
    html = response.content.decode()
    assert '<input type="hidden" name="categorie" value="onthaalbeleid">' in html
    assert 'name="q" value="loket"' in html
    assert '<option value="nieuwste" selected>' in html
    share = re.search(r'<input[^>]*id="share-url"[^>]*>', html).group(0)
    assert "readonly" in share
    shared = "http://testserver/nl/praktijken/?q=loket&categorie=onthaalbeleid&sorteer=nieuwste"
    assert f'value="{shared.replace("&", "&amp;")}"' in share
    # Feeds, JSON and CSV of the same search, and the feeds announced in the head.
    links = response.context["listing"].links
    assert query_of(links["rss"]) == [("q", "loket"), ("categorie", "onthaalbeleid")]
    assert links["csv"].startswith("/nl/praktijken/export.csv?")
    head = html.split("</head>")[0]
    rss = links["rss"].replace("&", "&amp;")
    title = "Nieuwe en bijgewerkte fiches (RSS)"
    assert f'type="application/rss+xml" title="{title}" href="{rss}"' in head
    assert 'type="application/atom+xml"' in head


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("jobbeurs", "Jobbeurs voor nieuwkomers"),  # title
        ("huisbezoek", "Woonloket met tolken"),  # description
        ("Gent", "Woonloket met tolken"),  # a municipality it is applied in
        ("Huis van het Nederlands", "Taalcafe in Dilbeek"),  # partners
        ("monitoring", "Jobbeurs voor nieuwkomers"),  # the name of its category
        ("onthaalgesp", "Onthaalgesprekken aan het loket"),  # the start of a compound
    ],
)
def test_search_covers_every_part_of_a_fiche(client, only_ours, query, title):
    make_fiche("Taalcafe in Dilbeek", category="Onthaalbeleid", places=[
        place("Dilbeek", "vlaams-brabant", partners="Huis van het Nederlands, bibliotheek")])
    make_fiche("Onthaalgesprekken aan het loket", category="Onthaalbeleid")
    make_fiche("Jobbeurs voor nieuwkomers", category="Monitoring")
    make_fiche("Woonloket met tolken", description="Een huisbezoek met een tolk.",
               places=[place("Gent", "oost-vlaanderen")])
    assert titles(listing_of(client, {"q": query})) == [title]


def test_sorting(client, only_ours):
    old, middle, new = make_fiches_over_time([
        ("Oude fiche", {"description": "Over onthaal aan het loket."}),
        ("Onthaal in de bib", {}),
        ("Nieuwe fiche", {"description": "Over onthaal."}),
    ])
    # The oldest is published again later: most recently updated.
    with time_machine.travel(START + datetime.timedelta(days=10), tick=False):
        old.save_revision().publish()
    assert titles(listing_of(client)) == ["Nieuwe fiche", "Onthaal in de bib", "Oude fiche"]
    assert titles(listing_of(client, {"sorteer": "bijgewerkt"})) == [
        "Oude fiche", "Nieuwe fiche", "Onthaal in de bib"]
    # With a search text, the best match first: the word in the title weighs most.
    searched = listing_of(client, {"q": "onthaal"})
    assert searched.filters.sort == "relevantie"
    assert titles(searched)[0] == "Onthaal in de bib"
    assert titles(listing_of(client, {"q": "onthaal", "sorteer": "nieuwste"})) == [
        "Nieuwe fiche", "Onthaal in de bib", "Oude fiche"]
    # Relevance without a search text means nothing: newest first.
    assert listing_of(client, {"sorteer": "relevantie"}).filters.sort == "nieuwste"


def test_pages_keep_the_filters(client, only_ours):
    for number in range(PAGE_SIZE + 5):
        make_fiche(f"Fiche {number:02d}", domains=["Taal"])
    make_fiche("Zonder taal", domains=["Werk"])
    response = client.get(LISTING, {"beleidsdomein": "taal"})
    listing = response.context["listing"]
    assert listing.count == PAGE_SIZE + 5 and len(listing.page.object_list) == PAGE_SIZE
    next_url = listing.page_urls["next"]
    assert query_of(next_url) == [("beleidsdomein", "taal"), ("pagina", "2")]
    assert f'href="{next_url.replace("&", "&amp;")}"' in response.content.decode()
    second = listing_of(client, dict(query_of(next_url)))
    assert len(second.page.object_list) == 5
    assert query_of(second.page_urls["previous"]) == [("beleidsdomein", "taal")]
    # Facet links start again at the first page.
    werk = next(value for value in second.facets[1].values if value.slug == "werk")
    assert ("pagina", "2") not in query_of(werk.url)
    assert listing_of(client, {"beleidsdomein": "taal", "pagina": "abc"}).page.number == 1
    assert listing_of(client, {"beleidsdomein": "taal", "pagina": "99999"}).page.number == 2


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a" * 10000},
        {"q": "\x00onthaal\x01"},
        {"q": "' OR 1=1 -- :* & | ! ( <script>"},
        {"q": "💬 ﷺ \u202e"},
        {"pagina": "-3"},
        {"pagina": "1e400"},
        {"pagina": "\x00"},
        {"sorteer": "'; DROP TABLE x"},
        {"categorie": "bestaat-niet"},
        {"categorie": "\x00"},
        {"gemeente": "x" * 5000},
        {"provincie": "<script>alert(1)</script>"},
        [("beleidsdomein", str(number)) for number in range(300)],
    ],
)
def test_odd_parameters_never_break_the_listing(client, four, params):
    response = client.get(LISTING, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_unknown_values_are_ignored(client, four):
    listing = listing_of(client, [("categorie", "bestaat-niet"), ("provincie", "mars"),
                                  ("gemeente", "Atlantis"), ("sorteer", "willekeurig")])
    assert listing.count == 4 and listing.active == []
    assert listing.query_string == ""


def test_drafts_and_unpublished_fiches_never_show(client, four):
    draft = make_fiche("Geheim ontwerp", domains=["Taal"], publish=False)
    gone = make_fiche("Ingetrokken fiche", domains=["Taal"])
    gone.unpublish()
    listing = listing_of(client)
    assert listing.count == 4
    assert "Geheim ontwerp" not in titles(listing)
    assert facet_counts(listing, "beleidsdomein")["taal"] == 2
    assert client.get(LISTING, {"q": "geheim"}).context["listing"].count == 0
    assert client.get(f"{LISTING}{draft.slug}/").status_code == 404
    assert client.get(f"{LISTING}{gone.slug}/").status_code == 404
    assert client.get(f"{LISTING}{four[0].slug}/").status_code == 200


def test_cached_listing_shows_a_newly_published_fiche(client, settings, four):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    assert "Nieuw verschenen" not in client.get(LISTING).content.decode()
    make_fiche("Nieuw verschenen")
    assert "Nieuw verschenen" in client.get(LISTING).content.decode()


def test_listing_answers_get_only(client, four):
    assert client.post(LISTING).status_code == 405


def images(count):
    return [get_image_model().objects.create(title=f"Foto {number}", file=get_test_image_file())
            for number in range(count)]


def test_number_of_queries_does_not_grow_with_the_fiches(client, only_ours):
    pictures = images(3)

    def add(first, last):
        for number in range(first, last):
            make_fiche(
                f"Fiche {number}", category="Onthaalbeleid", domains=["Taal", "Werk"],
                groups=["Gezinnen"], image=pictures[number % 3],
                places=[place(f"Gemeente {number}", "limburg"), place("Hasselt", "limburg")],
            )

    def queries(params):
        client.get(LISTING, params)  # renditions are made on the first visit
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LISTING, params).status_code == 200
        return len(captured)

    searches = [{}, {"q": "fiche", "beleidsdomein": "taal", "provincie": "limburg"}]
    add(0, 3)
    few = [queries(params) for params in searches]
    add(3, 25)
    assert [queries(params) for params in searches] == few


def test_update_practice_search_rebuilds_every_live_entry(client, only_ours):
    fiche = make_fiche("Buddywerking", description="Vrijwilligers lopen mee.")
    draft = make_fiche("Nog niet klaar", publish=False)
    PracticeSearchEntry.objects.filter(page=fiche).delete()
    PracticeSearchEntry.objects.create(page=draft, document="Nog niet klaar")
    out = io.StringIO()
    call_command("update_practice_search", stdout=out)
    assert PracticeSearchEntry.objects.filter(page=fiche).exists()
    assert not PracticeSearchEntry.objects.filter(page=draft).exists()
    assert titles(listing_of(client, {"q": "vrijwilligers"})) == ["Buddywerking"]
    assert "fiches indexed" in out.getvalue()


# A fiche --------------------------------------------------------------------------------------

@pytest.fixture
def fiche_with_neighbours(only_ours):
    linked = make_fiche("Gelinkte fiche", category="Monitoring")
    hidden = make_fiche("Ontwerp dat gelinkt is", category="Monitoring", publish=False)
    close = make_fiche("Zelfde domeinen", domains=["Taal", "Werk"], category="Monitoring")
    make_fiche("Eén domein gemeen", domains=["Taal"], category="Monitoring")
    make_fiche("Niets gemeen", domains=["Wonen"], category="Monitoring")
    fiche = make_fiche(
        "Instroommeting",
        category="Onthaalbeleid",
        domains=["Taal", "Werk"],
        groups=["Volwassenen"],
        related=[linked, hidden],
        start_year=2016,
        last_reviewed=datetime.date(2025, 2, 14),
        goals="Weten wie er nieuw is.",
        description="Elke maand een lijst uit het Rijksregister.\n\nDaarna een brief.",
        success_factors="Goede afspraken met burgerzaken.",
        challenges="De privacy bewaken.",
        results="Dubbel zoveel gesprekken.",
        places=[
            place("Dilbeek", "vlaams-brabant", description="Via de dienst integratie.",
                  partners="AgII, OCMW", website="https://www.example.org/dilbeek",
                  contact_email="onthaal@dilbeek.example"),
            place("Ninove", "oost-vlaanderen", description="Zonder contactadres."),
        ],
    )
    return fiche, linked, close


def test_fiche_shows_all_its_parts_and_never_an_email_address(client, fiche_with_neighbours):
    fiche, _linked, _close = fiche_with_neighbours
    response = client.get(path_of(fiche))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Instroommeting", "Onthaalbeleid", "Taal", "Werk", "Volwassenen", "2016",
                 "14 februari 2025", "Weten wie er nieuw is.", "<p>Daarna een brief.</p>",
                 "Goede afspraken met burgerzaken.", "De privacy bewaken.",
                 "Dubbel zoveel gesprekken.", "Via de dienst integratie.", "AgII, OCMW",
                 'href="https://www.example.org/dilbeek"', "Vlaams-Brabant"]:
        assert text in html, text
    assert "@" not in html.split("<main")[1].split("</main>")[0]
    assert "dilbeek.example" not in html
    dilbeek, ninove = fiche.applied_in.all()
    assert f'href="{path_of(fiche)}contact/{dilbeek.pk}/"' in html
    assert "Contacteer Dilbeek" in html
    assert f"contact/{ninove.pk}/" not in html and "Contacteer Ninove" not in html
    assert f'href="{path_of(fiche)}wij-ook/"' in html
    assert f'href="{path_of(fiche)}wijziging/"' in html
    assert '<a href="/nl/praktijken/">Praktijkendatabank</a>' in html
    assert 'href="/static/practices/practices.css"' in html


def test_fiche_shows_linked_live_fiches_topped_up_with_the_closest(client, fiche_with_neighbours):
    fiche, linked, close = fiche_with_neighbours
    related = related_practices(fiche)
    # The linked live fiche first; the draft never; then most in common.
    assert [page.title for page in related] == ["Gelinkte fiche", "Zelfde domeinen",
                                                "Eén domein gemeen"]
    html = client.get(path_of(fiche)).content.decode()
    section = html.split("Verwante praktijken")[1]
    assert path_of(linked) in section and path_of(close) in section
    assert "Ontwerp dat gelinkt is" not in html
    assert "Niets gemeen" not in section


def test_related_practices_take_a_fixed_number_of_queries(fiche_with_neighbours):
    fiche = fiche_with_neighbours[0]
    with CaptureQueriesContext(connection) as captured:
        related = related_practices(fiche)
        for page in related:
            list(page.applied_in.all())
            str(page.category)
    assert len(captured) <= 10


def test_a_fiche_of_another_kind_of_request_is_refused(client, fiche_with_neighbours):
    fiche = fiche_with_neighbours[0]
    assert client.post(path_of(fiche)).status_code == 405


def test_fiche_without_links_or_neighbours(client, only_ours):
    alone = make_fiche("Alleen", last_reviewed=timezone.localdate())
    assert related_practices(alone) == []
    html = client.get(path_of(alone)).content.decode()
    assert "Verwante praktijken" not in html
    assert "Toegepast in" not in html.split("<main")[1]
