"""Portal search and the page cache."""

import re

import pytest
from django.test import override_settings

from home.models import Partner
from home.search import MAX_QUERY_LENGTH, clean_query
from tests.home.conftest import domain_page

pytestmark = pytest.mark.django_db


def dutch_partners_of(municipality):
    return Partner.objects.filter(municipality=municipality, locale__language_code="nl")


def result_links(response):
    return re.findall(r'class="h5" href="([^"]+)"', response.content.decode())


@pytest.mark.parametrize(
    "query",
    ["", "   ", "a" * 5000, "\x00\x01", "💬🏠", "ﷺ", "' OR 1=1 --", "werk & | ! :*", "\u202e\u200f",
     "%", "<script>alert(1)</script>"],
)
def test_any_query_gives_a_page(demo, heidebeek_client, query):
    response = heidebeek_client.get("/nl/zoeken/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_clean_query_trims_normalises_and_limits():
    assert clean_query("  werk\x00  zoeken\n") == "werk zoeken"
    assert clean_query("ｗｅｒｋ") == "werk"
    assert len(clean_query("x" * 1000)) == MAX_QUERY_LENGTH


def test_search_finds_pages_and_partners_in_dutch(demo, heidebeek_client):
    response = heidebeek_client.get("/nl/zoeken/", {"q": "VDAB"})
    html = response.content.decode()
    assert "/nl/leven/werk/" in result_links(response)
    assert "VDAB" in " ".join(re.findall(r'<h3 class="h5">([^<]+)</h3>', html))


def test_search_in_the_readers_language_returns_the_translation(demo, heidebeek_client):
    english = domain_page(demo["heidebeek"], "work", "en")
    word = english.title.split()[0]
    response = heidebeek_client.get("/en/zoeken/", {"q": word})
    assert "/en/leven/werk/" in result_links(response)
    assert english.title in response.content.decode()


def test_search_in_an_untranslated_language_finds_dutch_pages_at_the_readers_address(
    demo, heidebeek_client
):
    response = heidebeek_client.get("/ro/zoeken/", {"q": "VDAB"})
    assert "/ro/leven/werk/" in result_links(response)


def client_for_heidebeek():
    from django.test import Client

    return Client(HTTP_HOST="heidebeek.localhost")


def test_search_never_shows_another_municipalitys_pages_or_partners(demo, linderode_client):
    only_heidebeek = Partner.objects.filter(
        municipality=demo["heidebeek"], locale__language_code="nl"
    ).exclude(name__in=Partner.objects.filter(municipality=demo["linderode"]).values("name"))
    name = only_heidebeek.first().name
    response = linderode_client.get("/nl/zoeken/", {"q": name})
    assert f">{name}</h3>" not in response.content.decode()
    at_home = client_for_heidebeek().get("/nl/zoeken/", {"q": name})
    assert f">{name}</h3>" in at_home.content.decode()
    links = result_links(linderode_client.get("/nl/zoeken/", {"q": "fiets bus trein"}))
    assert "/nl/leven/verplaatsen/" not in links  # Linderode has no mobility page
    for link in result_links(linderode_client.get("/nl/zoeken/", {"q": "werk"})):
        assert link.startswith("/nl/")


def test_second_request_is_served_from_the_cache(demo, heidebeek_client):
    assert heidebeek_client.get("/nl/leven/werk/")["X-Portal-Cache"] == "miss"
    assert heidebeek_client.get("/nl/leven/werk/")["X-Portal-Cache"] == "hit"


def test_publishing_clears_the_cache(demo, heidebeek_client):
    page = domain_page(demo["heidebeek"], "work")
    heidebeek_client.get("/nl/leven/werk/")
    page.summary = "Een nieuwe samenvatting over werk."
    page.save_revision().publish()
    response = heidebeek_client.get("/nl/leven/werk/")
    assert response["X-Portal-Cache"] == "miss"
    assert "Een nieuwe samenvatting over werk." in response.content.decode()


def test_changing_a_partner_clears_the_cache(demo, heidebeek_client):
    heidebeek_client.get("/nl/partners/")
    partner = dutch_partners_of(demo["heidebeek"]).first()
    partner.phone = "+32 11 99 09 99"
    partner.save()
    response = heidebeek_client.get("/nl/partners/")
    assert response["X-Portal-Cache"] == "miss"
    assert "+32 11 99 09 99" in response.content.decode()


def test_a_dutch_contact_change_reaches_every_translation(demo):
    partner = dutch_partners_of(demo["heidebeek"]).first()
    partner.phone = "+32 11 99 09 98"
    partner.save()
    translations = Partner.objects.filter(translation_key=partner.translation_key)
    translations = translations.exclude(pk=partner.pk)
    assert translations.exists()
    assert set(translations.values_list("phone", flat=True)) == {"+32 11 99 09 98"}


def test_hosts_and_languages_have_their_own_cache_entries(demo, heidebeek_client, linderode_client):
    heidebeek_client.get("/nl/")
    assert linderode_client.get("/nl/")["X-Portal-Cache"] == "miss"
    assert "Linderode" in linderode_client.get("/nl/").content.decode()
    assert heidebeek_client.get("/en/")["X-Portal-Cache"] == "miss"


def test_signed_in_staff_never_get_or_fill_the_cache(demo, heidebeek_client, django_user_model):
    heidebeek_client.force_login(django_user_model.objects.get(username="redacteur"))
    response = heidebeek_client.get("/nl/")
    assert "X-Portal-Cache" not in response
    heidebeek_client.logout()
    assert heidebeek_client.get("/nl/")["X-Portal-Cache"] == "miss"


@override_settings(PORTAL_PAGE_CACHE_SECONDS=0)
def test_cache_can_be_switched_off(demo, heidebeek_client):
    # The middleware reads the setting when the server starts; a new client builds a new handler.
    from django.test import Client

    client = Client(HTTP_HOST="heidebeek.localhost")
    client.get("/nl/")
    assert "X-Portal-Cache" not in client.get("/nl/")
