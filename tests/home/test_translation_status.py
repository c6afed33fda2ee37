"""Editors see per page which languages are up to date, outdated, in translation or missing."""

import pytest
from django.urls import reverse

from home.translation_status import (
    IN_PROGRESS,
    MISSING,
    OUTDATED,
    UP_TO_DATE,
    translation_status,
)
from tests.home.conftest import domain_page

pytestmark = pytest.mark.django_db


def statuses(page, languages=("en", "fr", "ar", "uk", "ro")):
    return {row["language"]: row["status"] for row in translation_status(page, languages)}


def test_translated_demo_page_is_up_to_date_and_other_languages_missing(demo):
    page = domain_page(demo["heidebeek"], "work")
    assert statuses(page) == {
        "en": UP_TO_DATE, "fr": UP_TO_DATE, "ar": UP_TO_DATE, "uk": UP_TO_DATE, "ro": MISSING,
    }


def test_changing_the_dutch_page_makes_its_translations_outdated(demo):
    page = domain_page(demo["linderode"], "work")
    page.summary = "Nieuwe tekst."
    page.save_revision().publish()
    assert set(statuses(page, ["en", "ar"]).values()) == {OUTDATED}


def test_republishing_a_translation_brings_it_up_to_date(demo):
    page = domain_page(demo["linderode"], "work")
    page.save_revision().publish()
    english = domain_page(demo["linderode"], "work", "en")
    english.save_revision().publish()
    assert statuses(page, ["en", "ar"]) == {"en": UP_TO_DATE, "ar": OUTDATED}


def test_unpublished_translation_is_in_progress(demo):
    domain_page(demo["linderode"], "work", "fr").unpublish()
    assert statuses(domain_page(demo["linderode"], "work"), ["fr"]) == {"fr": IN_PROGRESS}


def test_status_is_the_same_seen_from_a_translation(demo):
    arabic = domain_page(demo["heidebeek"], "work", "ar")
    assert statuses(arabic, ["en", "ro"]) == {"en": UP_TO_DATE, "ro": MISSING}


def test_demo_shows_an_outdated_translation(demo):
    assert statuses(domain_page(demo["heidebeek"], "housing"), ["en"]) == {"en": OUTDATED}


def test_page_editor_shows_the_status_of_each_offered_language(demo, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="redacteur"))
    page = domain_page(demo["linderode"], "work")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-language="ar" data-status="up_to_date"' in html
    assert 'data-language="ro" data-status="missing"' in html
    # Linderode does not offer Persian: no row for it.
    assert 'data-language="fa"' not in html
