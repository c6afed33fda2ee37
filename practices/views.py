"""The public pages of the practice database: the listing and a fiche."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from practices.listing import build_listing, related_practices


@require_safe
def listing(request, index_page):
    """All live fiches, narrowed by search text and facets; any parameters give a page."""
    return TemplateResponse(
        request,
        "practices/practice_index_page.html",
        {"page": index_page, "self": index_page, "listing": build_listing(request)},
    )


@require_safe
def fiche(request, page):
    """One fiche: everything it says, where it is applied and what is related."""
    return TemplateResponse(
        request,
        "practices/practice_page.html",
        {
            "page": page,
            "self": page,
            "applied_in": page.applied_in.all(),
            "related": related_practices(page),
        },
    )
