"""The privacy notice and the accessibility statement of every portal, and the links to them."""

import importlib
import uuid

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import Site

from appointments.services import submit_request
from home.models import AccessibilityStatementPage, HomePage, PrivacyStatementPage
from home.services import add_statement_pages
from tests.appointments.test_private_link import status_url
from tests.practices.test_contact import contact_path, entry
from tests.practices.test_proposals import fiche_path, make_fiche

pytestmark = pytest.mark.django_db



def notice(language):
    """The "not translated yet" notice as a reader of `language` sees it."""
    with translation.override(language):
        return translation.gettext(
            "Deze pagina is nog niet vertaald. U leest de Nederlandse tekst."
        )

STATEMENT_MODELS = [PrivacyStatementPage, AccessibilityStatementPage]


def host(slug="heidebeek"):
    return Client(HTTP_HOST=f"{slug}.localhost")


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def statement(municipality, model):
    return model.objects.child_of(municipality.site.root_page).get()


def test_every_demo_portal_has_both_statements_in_dutch_and_out_of_the_menu(demo):
    for municipality in demo.values():
        home = municipality.site.root_page
        for model, slug in [(PrivacyStatementPage, "privacy"),
                            (AccessibilityStatementPage, "toegankelijkheid")]:
            page = model.objects.child_of(home).get()
            assert (page.slug, page.live, page.show_in_menus) == (slug, True, False)
            assert page.locale.language_code == "nl"
            assert not page.has_own_text
            translated = {p.locale.language_code for p in page.get_translations().live()}
            assert {"fr", "ar"} <= translated and "fa" not in translated


def test_a_new_portal_gets_both_statements_once(portal_factory):
    municipality = portal_factory("zonnedorp")
    home = municipality.site.root_page
    assert [type(page) for page in home.get_children().specific()] == STATEMENT_MODELS
    assert add_statement_pages(municipality) == []
    assert html_of(host("zonnedorp"), "/nl/privacy/").count("<h1") == 1


def test_the_data_migration_adds_them_to_existing_portals(demo):
    from django.apps import apps

    municipality = demo["linderode"]
    statement(municipality, PrivacyStatementPage).delete()
    migration = importlib.import_module("home.migrations.0005_statement_pages_for_existing_portals")
    migration.add_to_existing_portals(apps, None)
    assert statement(municipality, PrivacyStatementPage).live
    assert AccessibilityStatementPage.objects.child_of(municipality.site.root_page).count() == 1


def test_a_home_page_allows_one_statement_of_each_kind(demo):
    home = demo["heidebeek"].site.root_page.specific
    assert isinstance(home, HomePage)
    for model in STATEMENT_MODELS:
        assert not model.can_create_at(home)


def test_the_privacy_notice_shows_the_municipalitys_terms_and_contact(demo):
    municipality = demo["heidebeek"]
    municipality.case_retention_months = 18
    municipality.resident_retention_months = 9
    municipality.save()
    html = html_of(host(), "/nl/privacy/")
    assert "tot 18 maanden nadat het dossier is afgesloten" in html
    assert "tot 9 maanden na de inschrijving" in html
    assert f'href="mailto:{municipality.email}"' in html  # the DPO's default address
    assert "Vlaamse Toezichtcommissie" in html and "artikel 6.1.e" in html
    assert "We volgen u niet." in html  # cookies: no tracking


def test_the_dpo_contact_fields_replace_the_municipalitys(demo):
    page = statement(demo["heidebeek"], PrivacyStatementPage)
    page.dpo_service = "Dienst informatieveiligheid"
    page.dpo_email = "dpo@heidebeek.example"
    page.dpo_phone = "011 99 01 99"
    page.controller = "Intergemeentelijke vereniging Kempenland"
    page.save_revision().publish()
    # Contact data follow the Dutch page, also on the (older) Arabic translation.
    arabic = html_of(host(), "/ar/privacy/")
    assert 'href="mailto:dpo@heidebeek.example"' in arabic and "011 99 01 99" in arabic
    # Persian has no translation: what the editor typed is Dutch, and marked so.
    persian = html_of(host(), "/fa/privacy/")
    assert '<span lang="nl" dir="ltr">Dienst informatieveiligheid</span>' in persian
    assert "Kempenland" in persian


# The demo translates the pages into fr and ar; fa is not translated: the Dutch page is
# served at the reader's address, and still reads in Persian.
@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("fr", "ltr"),
                                                     ("ar", "rtl"), ("fa", "rtl")])
@pytest.mark.parametrize("slug", ["privacy", "toegankelijkheid"])
def test_the_default_texts_read_in_the_readers_language_without_the_notice(
    demo, language, direction, slug
):
    html = html_of(host(), f"/{language}/{slug}/")
    assert '<div lang="nl" dir="ltr">' not in html  # the content is not marked Dutch
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert notice(language) not in html
    assert html.count("<h1") == 1
    with translation.override(language):
        assert translation.gettext("Telefoon") in html  # the interface is the reader's


def test_an_own_text_replaces_the_default_and_brings_back_the_notice(demo):
    page = statement(demo["heidebeek"], PrivacyStatementPage)
    page.body = "<p>Onze eigen privacytekst.</p>"
    page.save_revision().publish()
    dutch = html_of(host(), "/nl/privacy/")
    assert "Onze eigen privacytekst." in dutch
    assert "Welke gegevens bewaren we?" not in dutch
    assert "Contact met de functionaris voor gegevensbescherming" in dutch  # still shown
    # A language without a translation gets the Dutch text, now with the notice.
    romanian = html_of(host(), "/ro/privacy/")
    assert notice("ro") in romanian and "Onze eigen privacytekst." in romanian


def test_the_accessibility_statement_shows_status_limitations_and_contact(demo):
    municipality = demo["linderode"]
    html = html_of(host("linderode"), "/nl/toegankelijkheid/")
    assert "WCAG 2.1" in html and "EN 301 549" in html
    assert 'data-status="partial"' in html and "gedeeltelijk conform" in html
    assert "OpenStreetMap" in html  # a default known limitation
    assert f'href="mailto:{municipality.email}"' in html
    assert "binnen 10 werkdagen" in html and "Vlaamse Ombudsdienst" in html
    page = statement(municipality, AccessibilityStatementPage)
    page.conformance = "full"
    page.known_limitations = "Oude nieuwsbrieven zijn scans.\n\nDe kaart is een afbeelding."
    page.answer_days = 5
    page.save_revision().publish()
    html = html_of(host("linderode"), "/nl/toegankelijkheid/")
    assert "volledig conform" in html and "binnen 5 werkdagen" in html
    assert "<li>Oude nieuwsbrieven zijn scans.</li>" in html
    assert "OpenStreetMap" not in html


def test_every_portal_page_links_both_statements_in_the_readers_language(demo):
    for path in ["/nl/", "/ar/", "/ar/leven/werk/", "/ro/partners/", "/nl/zoeken/"]:
        language = path.split("/")[1]
        html = html_of(host(), path)
        assert f'href="/{language}/privacy/">' in html, path
        assert f'href="/{language}/toegankelijkheid/">' in html, path


def test_the_request_form_links_the_privacy_notice(demo):
    municipality = demo["heidebeek"]
    assert municipality.privacy_url == ""
    html = html_of(host(), "/ar/onthaalgesprek/")
    assert '<a href="/ar/privacy/">' in html
    municipality.privacy_url = "https://www.heidebeek.example/privacy"
    municipality.save()
    assert '<a href="https://www.heidebeek.example/privacy">' in html_of(
        host(), "/ar/onthaalgesprek/")


def test_the_status_page_links_the_privacy_notice(demo):
    appointment, _created = submit_request(
        municipality=demo["heidebeek"], language="uk", submission_key=uuid.uuid4(),
        fields={"name": "Olena Voorbeeld", "email": "olena@example.org",
                "contact_language": "uk"},
    )
    assert 'href="/uk/privacy/"' in html_of(host(), status_url(appointment))


def test_the_practice_forms_link_the_privacy_notice_of_the_hosts_municipality(demo):
    fiche = make_fiche(entries=[("Zonnedorp", "limburg", "buddy@zonnedorp.example")])
    with translation.override("nl"):
        paths = ["/nl/praktijken/fiche-indienen/", fiche_path(fiche, "wij-ook/"),
                 fiche_path(fiche, "wijziging/"), contact_path(fiche, entry(fiche).pk)]
    for path in paths:
        assert 'class="privacy-link' in html_of(host("linderode"), path), path
        assert '<a href="/nl/privacy/">' in html_of(host("linderode"), path), path
    # Without a municipality for the host, there is no notice to link to.
    Site.objects.update(is_default_site=False)
    for path in paths:
        assert 'class="privacy-link' not in html_of(Client(HTTP_HOST="elders.localhost"), path)
