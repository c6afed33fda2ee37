"""The public portal as the foundation serves it: hosts, languages, switcher, base template."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def get(client, path, host="heidebeek.localhost", **headers):
    return client.get(path, HTTP_HOST=host, **headers)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("language", "direction"),
    [("nl", "ltr"), ("fr", "ltr"), ("en", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("uk", "ltr")],
)
def test_html_lang_and_dir_follow_the_language(client, demo, language, direction):
    response = get(client, f"/{language}/")
    assert response.status_code == 200
    html = soup(response).html
    assert html["lang"] == language
    assert html["dir"] == direction
    stylesheet = "bootstrap.rtl.min.css" if direction == "rtl" else "bootstrap.min.css"
    assert stylesheet in response.content.decode()


def test_each_host_shows_its_own_municipality(client, demo):
    heidebeek = soup(get(client, "/nl/", host="heidebeek.localhost"))
    linderode = soup(get(client, "/nl/", host="linderode.localhost"))
    assert "Heidebeek" in heidebeek.find("header").get_text()
    assert "Linderode" not in heidebeek.get_text()
    assert "Linderode" in linderode.find("header").get_text()
    assert "welkom@linderode.example" in linderode.find("footer").get_text()
    assert "Heidebeek" not in linderode.get_text()


def test_unknown_host_falls_back_to_the_default_portal(client, demo):
    response = get(client, "/nl/", host="127.0.0.1")
    assert "Heidebeek" in soup(response).find("header").get_text()


def test_base_template_landmarks_skip_link_and_one_h1(client, demo):
    page = soup(get(client, "/nl/"))
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert page.find("main", id="main") is not None
    assert page.find("header") is not None
    assert page.find("footer") is not None
    assert len(page.find_all("h1")) == 1
    assert page.find("nav")["aria-label"]


def test_footer_has_the_municipality_contact_details(client, demo):
    footer = soup(get(client, "/nl/")).find("footer")
    text = footer.get_text(" ", strip=True)
    assert "Marktplein 1" in text
    assert "3999 Heidebeek" in text
    assert "+32 11 99 01 00" in text
    assert footer.find("a", href="mailto:onthaal@heidebeek.example")


def test_switcher_names_each_language_in_itself(client, demo):
    links = soup(get(client, "/nl/")).select(".language-switcher li a")
    names = {link["lang"]: link.get_text(strip=True) for link in links}
    assert names["nl"] == "Nederlands"
    assert names["fr"] == "Français"
    assert names["ar"] == "العربيّة"
    assert names["uk"] == "Українська"
    assert names["fa"] == "فارسی"
    assert len(names) == 12


def test_switcher_lists_only_the_languages_the_municipality_offers(client, demo):
    links = soup(get(client, "/nl/", host="linderode.localhost")).select(
        ".language-switcher li a"
    )
    assert [link["lang"] for link in links] == ["nl", "fr", "en", "ar", "tr", "ro", "uk", "ru"]


def test_switcher_keeps_the_reader_on_the_same_page(client, demo):
    from home.models import HomePage

    home = demo["heidebeek"].site.root_page
    child = home.add_child(instance=HomePage(title="Werk", slug="werk"))
    child.save_revision().publish()
    response = get(client, "/ar/werk/")
    assert response.status_code == 200
    links = soup(response).select(".language-switcher li a")
    hrefs = {link["lang"]: link["href"] for link in links}
    assert hrefs["nl"] == "/nl/werk/"
    assert hrefs["uk"] == "/uk/werk/"


def test_switcher_marks_the_current_language(client, demo):
    current = soup(get(client, "/uk/")).select(".language-switcher a[aria-current]")
    assert [link["lang"] for link in current] == ["uk"]


def test_untranslated_page_shows_dutch_text_with_a_notice(client, demo):
    page = soup(get(client, "/tr/"))  # the demo has no Turkish pages
    notice = page.find(attrs={"role": "note"})
    assert notice is not None
    # The Dutch content is marked as Dutch, left to right, inside the Arabic page.
    assert page.find("div", attrs={"lang": "nl", "dir": "ltr"}) is not None


def test_dutch_page_has_no_fallback_notice(client, demo):
    assert soup(get(client, "/nl/")).find(attrs={"role": "note"}) is None


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("ar,en;q=0.8", "/ar/"), ("uk-UA,uk;q=0.9", "/uk/"), ("", "/nl/"), ("ja", "/nl/")],
)
def test_root_redirects_to_the_readers_language(client, demo, accept, expected):
    response = get(client, "/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_ignores_a_language_the_municipality_does_not_offer(client, demo):
    response = get(client, "/", host="linderode.localhost", HTTP_ACCEPT_LANGUAGE="fa,en;q=0.5")
    assert response["Location"] == "/en/"


def test_interface_strings_are_translated(client, demo):
    nl = soup(get(client, "/nl/")).find("a", class_="skip-link").get_text()
    ar = soup(get(client, "/ar/")).find("a", class_="skip-link").get_text()
    fr = soup(get(client, "/fr/")).find("a", class_="skip-link").get_text()
    assert nl == "Naar de inhoud"
    assert ar != nl and re.search(r"[\u0600-\u06FF]", ar)
    assert fr != nl


def test_missing_page_is_a_404_in_the_portal_layout(client, demo):
    response = get(client, "/nl/bestaat-niet/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "nl"
    assert "Heidebeek" in page.find("header").get_text()
