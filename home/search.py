"""Portal search: pages and partners of one municipality, in the reader's language."""

import unicodedata

from wagtail.models import Locale, Page

from home.localization import reader_url
from portal.languages import SOURCE_LANGUAGE

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 30


def clean_query(raw):
    """A query safe to search with: normalised, without control characters, not too long."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(
        ch if unicodedata.category(ch)[0] not in {"C", "Z"} else " " for ch in text
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_portal(query, *, municipality, request):
    """Live pages and partners matching the query, in the reader's language or in Dutch.

    A result in the reader's language replaces its Dutch original; results never come
    from another municipality's portal.
    """
    if not query or municipality is None or municipality.site is None:
        return {"pages": [], "partners": []}
    from home.models import Partner

    reader_locale = Locale.get_active()
    locales = Locale.objects.filter(language_code__in={reader_locale.language_code,
                                                       SOURCE_LANGUAGE})
    home = municipality.site.root_page
    home_paths = [
        page.path for page in Page.objects.filter(translation_key=home.translation_key)
    ]
    pages = Page.objects.live().filter(locale__in=locales).specific()
    portal_pages = pages.none()
    for path in home_paths:
        portal_pages = portal_pages | pages.filter(path__startswith=path)
    page_hits = prefer_reader_locale(
        portal_pages.search(query, operator="and")[:MAX_RESULTS], reader_locale
    )
    partner_hits = prefer_reader_locale(
        Partner.objects.filter(municipality=municipality, locale__in=locales).search(
            query, operator="and"
        )[:MAX_RESULTS],
        reader_locale,
    )
    by_id = {locale.pk: locale for locale in locales}
    for page in page_hits:
        page.locale = by_id[page.locale_id]  # search results drop select_related
    return {
        "pages": [
            {"page": page, "url": reader_url(page, request), "in_dutch": page.shown_in_source}
            for page in page_hits
        ],
        "partners": partner_hits,
    }


def prefer_reader_locale(results, reader_locale):
    """One result per translation set: the reader's language where it matched, else Dutch."""
    chosen = {}
    for obj in results:
        key = obj.translation_key
        if key not in chosen or obj.locale_id == reader_locale.pk:
            chosen[key] = obj
    for obj in chosen.values():
        obj.shown_in_source = obj.locale_id != reader_locale.pk
    return list(chosen.values())
