"""The public portal: pages, partners, the fallback to Dutch and the side-by-side view."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import LifeDomainIndexPage, LifeDomainPage, Partner
from tests.home.conftest import domain_page

pytestmark = pytest.mark.django_db


def text_of(response):
    return response.content.decode()


def tile_titles(html):
    return re.findall(r'<span class="tile-title">([^<]+)</span>', html)


def test_home_shows_the_domains_in_the_editors_order_with_icons_and_a_call_to_action(
    demo, heidebeek_client, linderode_client
):
    html = text_of(heidebeek_client.get("/nl/"))
    assert tile_titles(html)[:3] == ["Nederlands leren", "Werk", "Wonen"]
    assert html.count('<span class="tile-icon"><svg') >= 11
    assert "Vraag een onthaalgesprek aan" in html
    assert "Openingsuren" in html
    # Linderode chose other domains in another order.
    linderode = tile_titles(text_of(linderode_client.get("/nl/")))
    assert linderode[:2] == ["Nederlands leren", "Kinderopvang en opgroeien"]
    assert "Verplaatsen" not in linderode


def test_moving_a_domain_page_changes_the_order_of_the_tiles(demo, heidebeek_client):
    work = domain_page(demo["heidebeek"], "work")
    dutch = domain_page(demo["heidebeek"], "dutch")
    work.move(dutch, pos="left")
    assert tile_titles(text_of(heidebeek_client.get("/nl/")))[:2] == ["Werk", "Nederlands leren"]


def test_home_image_is_served_as_renditions_with_srcset_and_sizes(demo, heidebeek_client):
    html = text_of(heidebeek_client.get("/nl/"))
    image = re.search(r"<img[^>]+srcset=[^>]+>", html).group(0)
    assert "sizes=" in image
    assert image.count("w,") + image.count("w\"") >= 2


def test_life_domain_page_renders_every_kind_of_block(demo, heidebeek_client):
    html = text_of(heidebeek_client.get("/nl/leven/werk/"))
    assert '<ol class="steps">' in html
    assert '<details class="faq-item">' in html
    assert "partner-card" in html
    assert "call-to-action" in html or "contact-box" in html
    assert html.count("<h1") == 1


def test_partner_cards_link_to_a_map_by_address_without_embeds(demo, heidebeek_client):
    html = text_of(heidebeek_client.get("/nl/partners/"))
    assert "https://www.openstreetmap.org/search?query=" in html
    assert "<iframe" not in html and "<script" not in html


def test_directory_filters_by_life_domain(demo, heidebeek_client):
    municipality = demo["heidebeek"]
    everyone = text_of(heidebeek_client.get("/nl/partners/"))
    work = text_of(heidebeek_client.get("/nl/partners/?domain=work"))
    expected = Partner.objects.filter(
        municipality=municipality, locale__language_code="nl", life_domains__contains=["work"]
    )
    assert work.count('class="partner-card') == expected.count() > 0
    assert everyone.count('class="partner-card') > expected.count()
    assert '<option value="work" selected>' in work


def test_directory_ignores_an_unknown_domain_filter(demo, heidebeek_client):
    response = heidebeek_client.get("/nl/partners/?domain=%3Cscript%3E")
    assert response.status_code == 200
    assert "<script>" not in text_of(response)


def test_translated_page_is_in_the_readers_language_with_a_dutch_beside_link(
    demo, heidebeek_client
):
    arabic = domain_page(demo["heidebeek"], "work", "ar")
    html = text_of(heidebeek_client.get("/ar/leven/werk/"))
    assert arabic.title in html
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="?beside=nl"' in html
    assert "alert-info" not in html


def test_side_by_side_view_pairs_each_block_with_its_dutch_original(demo, heidebeek_client):
    dutch = domain_page(demo["heidebeek"], "work")
    html = text_of(heidebeek_client.get("/uk/leven/werk/?beside=nl"))
    rows = html.count('<div class="beside-row">')
    assert rows == len(dutch.body)
    assert html.count('lang="nl" dir="ltr" class="beside-dutch"') == rows
    first_step = dutch.body[[b.block_type for b in dutch.body].index("first_steps")].value
    assert first_step["steps"][0] in html


def test_dutch_page_has_no_beside_link(demo, heidebeek_client):
    html = text_of(heidebeek_client.get("/nl/leven/werk/?beside=nl"))
    assert "beside-row" not in html
    assert 'href="?beside=nl"' not in html


def test_untranslated_page_falls_back_to_dutch_with_a_notice_in_the_readers_language(
    demo, heidebeek_client
):
    response = heidebeek_client.get("/ro/leven/werk/")
    assert response.status_code == 200
    html = text_of(response)
    assert '<html lang="ro" dir="ltr">' in html
    assert domain_page(demo["heidebeek"], "work").title in html
    assert "alert-info" in html
    assert 'lang="nl"' in html


def test_page_translated_into_the_readers_language_but_not_live_falls_back(
    demo, heidebeek_client
):
    english = domain_page(demo["heidebeek"], "housing", "en")
    english.unpublish()
    response = heidebeek_client.get("/en/leven/wonen/")
    assert response.status_code == 200
    assert domain_page(demo["heidebeek"], "housing").title in text_of(response)
    assert "alert-info" in text_of(response)


def test_home_tiles_link_untranslated_domains_under_the_readers_language(demo, heidebeek_client):
    english = domain_page(demo["heidebeek"], "housing", "en")
    english.unpublish()
    html = text_of(heidebeek_client.get("/en/"))
    assert 'href="/en/leven/wonen/" lang="nl" dir="ltr"' in html


def test_missing_page_and_unknown_language_give_the_dutch_404(demo, heidebeek_client):
    assert heidebeek_client.get("/nl/leven/bestaat-niet/").status_code == 404
    response = heidebeek_client.get("/xx/leven/", follow=True)
    assert response.status_code == 404
    assert '<html lang="nl"' in text_of(response)
    assert "Heidebeek" in text_of(response)


def test_a_page_of_one_municipality_never_appears_on_the_other_portal(demo, linderode_client):
    mobility = domain_page(demo["heidebeek"], "mobility")
    assert linderode_client.get("/nl/leven/verplaatsen/").status_code == 404
    html = text_of(linderode_client.get("/nl/partners/"))
    for partner in Partner.objects.filter(municipality=demo["heidebeek"]).exclude(
        name__in=Partner.objects.filter(municipality=demo["linderode"]).values("name")
    ):
        assert partner.name not in html
    assert mobility.title not in text_of(linderode_client.get("/nl/"))


def count_queries(client, path):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/nl/", "/ar/", "/nl/leven/werk/", "/ar/leven/werk/",
                                  "/nl/zoeken/?q=extra", "/ar/zoeken/?q=extra"])
def test_query_count_does_not_grow_with_domains_or_partners(demo, heidebeek_client, path):
    before = count_queries(heidebeek_client, path)
    municipality = demo["heidebeek"]
    index = LifeDomainIndexPage.objects.get(url_path="/heidebeek/leven/")
    work = domain_page(municipality, "work")
    extra = []
    for number in range(5):
        page = LifeDomainPage(title=f"Extra {number}", slug=f"extra-{number}", domain="waste",
                              summary="Extra.")
        index.add_child(instance=page)
        extra.append(Partner.objects.create(
            municipality=municipality, locale=work.locale, name=f"Partner {number}",
            description="Extra.",
        ))
    arabic = work.get_translation_or_none(Locale.objects.get(language_code="ar"))
    for page in [work, arabic]:
        block = next(b for b in page.body if b.block_type == "partners")
        block.value["partners"].extend(extra)
        page.save_revision().publish()
    assert count_queries(heidebeek_client, path) <= before
