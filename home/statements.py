"""The privacy notice and the accessibility statement every portal has.

The default texts are in the templates (home/statement_*.html), in gettext, so that they
exist in every interface language. Here: the kinds of statement, their default titles
and addresses, and finding a portal's statement in the reader's language.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

PRIVACY = "privacy"
ACCESSIBILITY = "accessibility"


class Conformance(models.TextChoices):
    """Conformance with WCAG 2.1 level AA, as the accessibility statement must say."""

    FULL = "full", _("volledig conform")
    PARTIAL = "partial", _("gedeeltelijk conform")
    NONE = "none", _("niet conform")


# kind: (model name, slug, default title)
STATEMENTS = {
    PRIVACY: ("PrivacyStatementPage", "privacy", _("Privacyverklaring")),
    ACCESSIBILITY: ("AccessibilityStatementPage", "toegankelijkheid",
                    _("Toegankelijkheidsverklaring")),
}


def statement_models():
    from django.apps import apps

    return {kind: apps.get_model("home", name) for kind, (name, _slug, _t) in STATEMENTS.items()}


def statement_urls(municipality, request=None):
    """{kind: address} of the municipality's live statements, in the reader's language.

    A statement not translated keeps the reader's language prefix: it shows its default
    text in that language. Addresses are paths on the municipality's own host. Looked up
    once per request (the footer of every page needs them).
    """
    cache_key = "_statement_urls"
    if request is not None and hasattr(request, cache_key):
        return getattr(request, cache_key)
    urls = _find_statement_urls(municipality, request)
    if request is not None:
        setattr(request, cache_key, urls)
    return urls


def statement_url(municipality, kind, request=None):
    return statement_urls(municipality, request).get(kind, "")


def _find_statement_urls(municipality, request):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from home.localization import live_localized_pages

    if municipality is None or municipality.site_id is None:
        return {}
    models_by_kind = statement_models()
    types = ContentType.objects.get_for_models(*models_by_kind.values())
    kind_of_type = {types[model].pk: kind for kind, model in models_by_kind.items()}
    root = Page.objects.filter(sites_rooted_here=municipality.site_id).only("path", "depth")
    root = root.first()
    if root is None:
        return {}
    pages = (
        Page.objects.live().child_of(root).filter(content_type__in=kind_of_type)
        .select_related("locale").order_by("path")
    )
    urls = {}
    for page in live_localized_pages(pages, Page):
        kind = kind_of_type[page.content_type_id]
        if kind not in urls:
            urls[kind] = _path_in_reader_language(page, request)
    return urls


def _path_in_reader_language(page, request):
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    path = parts[2]
    source_prefix = f"/{page.locale.language_code}/"
    language = get_language()
    if page.locale.language_code != language and path.startswith(source_prefix):
        path = f"/{language}/{path[len(source_prefix):]}"
    return path
