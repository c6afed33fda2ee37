"""The demo portals: enough real content, complete translations, fictional contact data."""

import json
import re

import pytest
from wagtail.models import Page

from home.demo import CONTENT_DIR, TRANSLATED_LANGUAGES
from home.models import HomePage, LifeDomainPage, Partner, PartnerKind
from tests.home.conftest import domain_page

pytestmark = pytest.mark.django_db


def dutch_partners_of(municipality):
    return Partner.objects.filter(municipality=municipality, locale__language_code="nl")


def test_each_demo_portal_has_at_least_eight_life_domains_and_ten_partners(demo):
    for municipality in demo.values():
        home = municipality.site.root_page
        domains = LifeDomainPage.objects.live().descendant_of(home)
        assert domains.count() >= 8
        assert dutch_partners_of(municipality).count() >= 10


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_demo_pages_and_partners_are_translated_completely(demo, language):
    for municipality in demo.values():
        home = municipality.site.root_page
        dutch_pages = Page.objects.live().descendant_of(home)
        translated = Page.objects.live().filter(
            translation_key__in=dutch_pages.values("translation_key"),
            locale__language_code=language,
        )
        assert translated.count() == dutch_pages.count()
        dutch_partners = dutch_partners_of(municipality)
        assert Partner.objects.filter(
            translation_key__in=dutch_partners.values("translation_key"),
            locale__language_code=language,
        ).count() == dutch_partners.count()


def test_other_languages_stay_untranslated_to_show_the_fallback(demo):
    home = demo["heidebeek"].site.root_page
    assert not HomePage.objects.filter(
        translation_key=home.translation_key, locale__language_code="ro"
    ).exists()


def test_translations_keep_the_block_ids_of_the_dutch_page(demo):
    dutch = LifeDomainPage.objects.get(
        locale__language_code="nl", domain="work", url_path__startswith="/heidebeek/"
    )
    arabic = domain_page(demo["heidebeek"], "work", "ar")
    assert [block.id for block in arabic.body] == [block.id for block in dutch.body]
    assert arabic.title != dutch.title


def test_no_placeholder_is_left_and_all_addresses_are_fictional(demo):
    for partner in Partner.objects.all():
        assert "{" not in partner.name + partner.description
        assert not partner.email or partner.email.endswith(".example")
    for page in LifeDomainPage.objects.all():
        assert "{gemeente}" not in json.dumps(list(page.body.raw_data)) + page.title


def test_demo_partners_have_a_kind_the_monitoring_counts_by(demo):
    partner_data = json.loads((CONTENT_DIR / "partners.json").read_text(encoding="utf-8"))
    assert {data["kind"] for data in partner_data.values()} <= set(PartnerKind.values)
    for municipality in demo.values():
        kinds = set(dutch_partners_of(municipality).values_list("kind", flat=True))
        assert {PartnerKind.DUTCH_CLASSES, PartnerKind.DUTCH_PRACTICE, PartnerKind.WORK,
                PartnerKind.WELFARE, PartnerKind.HOUSING} <= kinds
    dutch_kinds = dict(Partner.objects.filter(locale__language_code="nl")
                       .values_list("translation_key", "kind"))
    for key, kind in Partner.objects.values_list("translation_key", "kind"):
        assert kind == dutch_kinds[key]  # translations keep the kind


def test_demo_content_files_share_one_structure():
    source = json.loads((CONTENT_DIR / "nl.json").read_text(encoding="utf-8"))

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        if isinstance(value, str):
            return re.findall(r"</?\w+", value)
        return value

    for language in TRANSLATED_LANGUAGES:
        translated = json.loads((CONTENT_DIR / f"{language}.json").read_text(encoding="utf-8"))
        assert shape(translated["domains"]) == shape(source["domains"]), language
        assert translated["partners"].keys() == source["partners"].keys(), language
