"""Reading content in the reader's language, with the Dutch source where it is not translated."""

from django.utils.translation import get_language
from wagtail.models import Locale

from portal.languages import SOURCE_LANGUAGE


def current_locale():
    return Locale.get_active()


def localized_objects(objects):
    """Each translatable object in the reader's language where that translation exists.

    One query for the whole list, whatever its length; order and untranslated items are kept.
    """
    objects = list(objects)
    if not objects:
        return []
    locale = current_locale()
    if all(obj.locale_id == locale.pk for obj in objects):
        return objects
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[o.translation_key for o in objects], locale=locale
        )
    }
    shown = [translations.get(obj.translation_key, obj) for obj in objects]
    for obj in shown:
        # Templates mark untranslated items with lang="nl" without another query.
        obj.shown_in_source = obj.locale_id != locale.pk
    return shown


def live_localized_pages(pages, model):
    """Like localized_objects for pages: only live translations replace the Dutch page."""
    pages = list(pages)
    language = get_language()
    if not pages or language == SOURCE_LANGUAGE:
        return pages
    translations = {
        page.translation_key: page
        for page in model.objects.live().filter(
            translation_key__in=[p.translation_key for p in pages],
            locale__language_code=language,
        ).select_related("locale")
    }
    return [translations.get(page.translation_key, page) for page in pages]


def reader_url(page, request):
    """The page's address in the reader's language.

    A Dutch page shown to, say, an Arabic reader keeps the reader's /ar/ prefix, so that
    the interface stays in their language; the portal's routing serves the Dutch text there.
    """
    url = page.get_url(request)
    language = get_language()
    source_prefix = f"/{page.locale.language_code}/"
    if url and page.locale.language_code != language and source_prefix in url:
        head, _sep, tail = url.partition(source_prefix)
        url = f"{head}/{language}/{tail}"
    return url
