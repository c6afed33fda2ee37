"""Every interface string is translated into every interface language, and compiled."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALES = Path(settings.BASE_DIR) / "locales"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(code):
    return polib.pofile(str(LOCALES / code / "LC_MESSAGES" / "django.po"))


def test_there_are_twelve_interface_languages():
    assert [code for code, _name in settings.LANGUAGES] == [
        "nl", "fr", "en", "ar", "tr", "ro", "pl", "bg", "uk", "ru", "es", "fa",
    ]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_is_complete(code):
    po = catalogue(code)
    assert len(po) > 0
    missing = [entry.msgid for entry in po if not entry.translated()]
    assert missing == []
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == code


@pytest.mark.parametrize("code", TRANSLATED)
def test_compiled_catalogue_matches_the_source(code):
    with open(LOCALES / code / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in catalogue(code):
        if entry.msgid_plural:
            continue
        assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_survive_translation(code):
    import re

    pattern = re.compile(r"%\(\w+\)s")
    for entry in catalogue(code):
        if entry.msgid_plural:
            # Some languages leave the number out of a form ("one partner"), never add one.
            expected = set(pattern.findall(entry.msgid_plural))
            forms = [set(pattern.findall(form)) for form in entry.msgstr_plural.values()]
            assert all(form <= expected for form in forms), entry.msgid
            assert set().union(*forms) == expected, entry.msgid
        else:
            assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr))


def test_dutch_catalogue_exists_and_the_source_language_is_dutch():
    assert settings.LANGUAGE_CODE == "nl"
    assert (LOCALES / "nl" / "LC_MESSAGES" / "django.po").exists()
