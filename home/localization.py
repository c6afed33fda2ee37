"""Reading content in the reader's language, with the Dutch source where it is not translated."""

from django.utils.translation import get_language
from wagtail.models import Locale


def current_locale():
    return Locale.get_active()


def localized_objects(objects, translations=None):
    """Each translatable object in the reader's language where that translation exists.

    One query for the whole list, whatever its length; order and untranslated items are
    kept. `translations` narrows where translations may come from, e.g. live pages only.
    Every item gets `shown_in_source`, so templates can mark untranslated ones lang="nl".
    """
    objects = list(objects)
    if not objects:
        return []
    locale = current_locale()
    if any(obj.locale_id != locale.pk for obj in objects):
        source = translations if translations is not None else type(objects[0]).objects
        found = {
            obj.translation_key: obj
            for obj in source.filter(
                translation_key__in=[o.translation_key for o in objects], locale=locale
            )
        }
        objects = [found.get(obj.translation_key, obj) for obj in objects]
    for obj in objects:
        obj.shown_in_source = obj.locale_id != locale.pk
    return objects


def live_localized_pages(pages, model):
    """localized_objects for pages: only live translations replace the Dutch page."""
    return localized_objects(pages, model.objects.live().select_related("locale"))


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
