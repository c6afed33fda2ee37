from django.shortcuts import render
from django.views.decorators.http import require_safe

from home.search import MAX_QUERY_LENGTH, clean_query, search_portal
from portal.municipalities import municipality_for_request


@require_safe
def search(request):
    """Search this municipality's portal; any query, however odd, gives a page."""
    query = clean_query(request.GET.get("q", ""))
    municipality = municipality_for_request(request)
    results = search_portal(query, municipality=municipality, request=request)
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "results": results,
            "result_count": len(results["pages"]) + len(results["partners"]),
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
