"""Serving the practice database's pages at /<language>/praktijken/ on every host.

Wagtail serves a page under the site whose root it descends from; the practice database is
no municipality's, so its index hangs under the root of the page tree and is routed here,
through the same hooks as Wagtail's own serve view (view restrictions, ...).
"""

from django.http import Http404, HttpResponse
from wagtail import hooks

from practices.models import PracticeIndexPage


def serve(request, path=""):
    index_page = PracticeIndexPage.objects.live().first()
    if index_page is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    page, args, kwargs = index_page.route(request, components)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return page.serve(request, *args, **kwargs)
