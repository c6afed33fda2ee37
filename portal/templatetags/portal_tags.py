from django import template
from django.urls import reverse, translate_url
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
        url = page_urls.get(code) or translate_url(request.path, code)
        if request.META.get("QUERY_STRING"):
            # Keep the reader's view (e.g. the Dutch text beside it) in the other language.
            url = f"{url}?{request.META['QUERY_STRING']}"
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
    """True when the reader gets the Dutch page because theirs is not translated yet.

    A page that shows only interface-translated text (`has_own_text` False) needs no notice.
    """
    page = context.get("page")
    if not isinstance(page, Page) or not getattr(page, "has_own_text", True):
        return False
    return get_language() != SOURCE_LANGUAGE and page.locale.language_code != get_language()


@register.simple_tag
def conversation_request_url():
    """The form to ask for a welcome conversation, in the reader's language."""
    from django.urls import reverse

    return reverse("appointments:request")


@register.simple_tag
def spoken_language_names(codes):
    """Language names in the reader's language, e.g. for the languages spoken at a partner."""
    from django.utils.translation import gettext

    from portal.languages import SPOKEN_LANGUAGES

    names = dict(SPOKEN_LANGUAGES)
    return ", ".join(gettext(names[code]) for code in codes if code in names)


@register.inclusion_tag("portal/includes/navigation.html", takes_context=True)
def portal_navigation(context):
    """The portal's main sections (life domains, partners) and search, in the reader's language."""
    from home.localization import live_localized_pages, reader_url

    request = context["request"]
    municipality = municipality_for_request(request)
    sections = []
    if municipality is not None and municipality.site is not None:
        home = municipality.site.root_page
        children = (
            Page.objects.live().child_of(home).filter(show_in_menus=True).select_related("locale")
        )
        sections = [
            {"title": page.title, "url": reader_url(page, request)}
            for page in live_localized_pages(children.order_by("path"), Page)
        ]
    return {
        "sections": sections,
        "search_url": reverse("portal_search"),
        "request_url": conversation_request_url(),
        "current_path": request.path,
    }
