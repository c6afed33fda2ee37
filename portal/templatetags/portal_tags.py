from django import template
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from portal.languages import LANGUAGE_CODES, SOURCE_LANGUAGE, is_rtl
from portal.municipalities import municipality_for_request

register = template.Library()


def _translation_urls(page, request):
    """URL of each live translation of a page, in one query."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {
        translation.locale.language_code: translation.get_url(request)
        for translation in translations
    }


@register.inclusion_tag("portal/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in every language this municipality offers, each named in itself."""
    request = context["request"]
    municipality = municipality_for_request(request)
    codes = municipality.offered_languages if municipality else LANGUAGE_CODES
    page = context.get("page")
    page_urls = _translation_urls(page, request) if isinstance(page, Page) else {}
    current = get_language()
    languages = []
    for code in codes:
        info = get_language_info(code)
        url = page_urls.get(code) or translate_url(request.get_full_path(), code)
        languages.append(
            {
                "code": code,
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                "url": url,
                "current": code == current,
                "dir": "rtl" if is_rtl(code) else "ltr",
            }
        )
    current_info = next((lang for lang in languages if lang["current"]), None)
    return {"languages": languages, "current_language": current_info}


@register.simple_tag(takes_context=True)
def shows_source_fallback(context):
    """True when the reader gets the Dutch page because theirs is not translated yet."""
    page = context.get("page")
    if not isinstance(page, Page):
        return False
    return get_language() != SOURCE_LANGUAGE and page.locale.language_code != get_language()
