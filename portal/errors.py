"""Error pages in the reader's language, with the municipality's contact and a way home.

The pages are rendered without context processors, so that they work when the database
or a template tag of the portal does not: the 500 page makes no query at all.
"""

from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django_ratelimit.exceptions import Ratelimited

from portal.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from portal.municipalities import municipality_for_request


def reader_language(request):
    """The language of the address (/fr/...), else the active one, else Dutch."""
    code = translation.get_language_from_path(request.path_info)
    if code in LANGUAGE_CODES:
        return code
    active = (translation.get_language() or "").split("-")[0]
    return active if active in LANGUAGE_CODES else SOURCE_LANGUAGE


def contact_municipality(request):
    """The portal's municipality, or None when it cannot be found (unknown host, database down)."""
    try:
        return municipality_for_request(request)
    except (DatabaseError, SuspiciousOperation):
        return None


def render_error(request, template_name, status, municipality, **context):
    language = reader_language(request)
    with translation.override(language):
        html = loader.render_to_string(
            template_name,
            {"municipality": municipality, "home_url": f"/{language}/", **context},
        )
    response = HttpResponse(html, status=status)
    response["Content-Language"] = language
    return response


def bad_request(request, exception=None):
    return render_error(request, "400.html", 400, contact_municipality(request))


def permission_denied(request, exception=None):
    # django-ratelimit's decorator raises Ratelimited, a kind of PermissionDenied.
    if isinstance(exception, Ratelimited):
        return rate_limited(request, exception)
    return render_error(request, "403.html", 403, contact_municipality(request))


def page_not_found(request, exception=None):
    return render_error(request, "404.html", 404, contact_municipality(request))


def server_error(request):
    # No query: the error may be the database. The municipality only if already known.
    municipality = getattr(request, "_municipality", None)
    return render_error(request, "500.html", 500, municipality)


def csrf_failure(request, reason=""):
    """A form sent without a valid token: usually an old tab or blocked cookies."""
    return render_error(request, "403_csrf.html", 403, contact_municipality(request))


def rate_limited(request, exception=None):
    """Too many sendings from one address (also usable as RATELIMIT_VIEW)."""
    return render_error(request, "429.html", 429, contact_municipality(request))
