from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from portal.municipalities import municipality_for_request


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


def preferred_language(request, offered):
    """The first of the reader's browser languages that the portal offers, else Dutch."""
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        code = accepted.split("-")[0].lower()
        if code in offered:
            return code
    return SOURCE_LANGUAGE


@require_safe
def choose_language(request):
    """`/` leads to the portal in the reader's language, if the municipality offers it."""
    municipality = municipality_for_request(request)
    offered = municipality.offered_languages if municipality else LANGUAGE_CODES
    response = HttpResponseRedirect(f"/{preferred_language(request, offered)}/")
    response["Vary"] = "Accept-Language"
    return response
