"""New and updated fiches as RSS and Atom, for any search: the listing's GET parameters narrow
the feed too, so /nl/praktijken/feed/rss/?beleidsdomein=taal follows one policy domain."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseNotAllowed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext

from practices.listing import feed_fiches, parse


class Search:
    """What one feed request asks for; the Feed object itself is shared by all requests."""

    def __init__(self, request):
        self.request = request
        self.filters = parse(request.GET)

    def absolute(self, path):
        return self.request.build_absolute_uri(path)


class PracticeRssFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return Search(request)

    def title(self, search):
        described = search.filters.description()
        if described:
            return gettext("Praktijkfiches: %(filters)s") % {"filters": described}
        return gettext("Praktijkfiches")

    def description(self, search):
        return gettext("Nieuwe en bijgewerkte fiches van de praktijkendatabank onthaal.")

    def subtitle(self, search):
        return self.description(search)

    def link(self, search):
        query_string = search.filters.query_string(sort=False)
        path = reverse("practices:index")
        return search.absolute(f"{path}?{query_string}" if query_string else path)

    def feed_url(self, search):
        return search.request.build_absolute_uri()

    def language(self, search):
        return get_language()

    def items(self, search):
        practices = feed_fiches(search.filters)
        for practice in practices:
            practice.reader_url = search.absolute(practice.get_url_parts(search.request)[2])
        return practices

    def item_title(self, practice):
        return practice.title

    def item_description(self, practice):
        return practice.intro

    def item_link(self, practice):
        return practice.reader_url

    def item_pubdate(self, practice):
        return practice.first_published_at

    def item_updateddate(self, practice):
        return practice.last_published_at

    def item_categories(self, practice):
        names = [practice.category.name] if practice.category else []
        return names + [domain.name for domain in practice.policy_domains.all()]


class PracticeAtomFeed(PracticeRssFeed):
    feed_type = Atom1Feed
