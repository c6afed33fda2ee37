"""Finding fiches: search text, facets, sorting and pages.

The listing page, the feeds, the JSON list and the CSV export all read their GET parameters
here, so one address gives the same fiches in each of them. Parameters carry Dutch names and
may repeat: ?beleidsdomein=taal&beleidsdomein=werk&provincie=antwerpen. Within one facet the
chosen values are alternatives (OR), across facets all must hold (AND). Anything unknown or
malformed is left out, never an error.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Prefetch,
    Q,
    Value,
    When,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from portal.forms import clean_text
from practices import search
from practices.models import (
    AppliedIn,
    Category,
    PolicyDomain,
    PracticePage,
    Province,
    TargetGroup,
)

PAGE_SIZE = 20
FEED_SIZE = 30
RELATED_SIZE = 3
MAX_QUERY_LENGTH = 200
# More values of one facet in an address than this is no reader choosing: the rest is left out.
MAX_VALUES = 20
MAX_VALUE_LENGTH = 100
# Facets with more values than this show the rest folded away.
VISIBLE_VALUES = 10
THUMBNAIL = "fill-480x300"

QUERY, SORT, PAGE = "q", "sorteer", "pagina"
RELEVANCE, NEWEST, UPDATED = "relevantie", "nieuwste", "bijgewerkt"
SORTS = {
    RELEVANCE: _("Best passend"),
    NEWEST: _("Nieuwste eerst"),
    UPDATED: _("Laatst bijgewerkt"),
}
# Relevance: the rank of the search text, then the newest (see Search.ids).
ORDERINGS = {
    NEWEST: ("-first_published_at", "-pk"),
    UPDATED: ("-last_published_at", "-pk"),
}


@dataclass(frozen=True)
class Facet:
    """One way to narrow the list: its parameter, its label, and where its values live."""

    name: str
    label: str
    field: str  # the value, seen from a fiche (e.g. "policy_domains__slug")
    label_field: str | None = None  # its readable name, when it has one
    model: type | None = None  # the table of known values, with slug and name
    choices: tuple = ()  # fixed values instead of a table
    by_count: bool = False  # many values: the most used first
    rows: tuple | None = None  # (model, value lookup, fiche column) of a many-valued facet

    def known(self, values):
        """{value: label} of the requested values that exist; the rest is ignored."""
        if self.choices:
            labels = dict(self.choices)
            return {value: labels[value] for value in values if value in labels}
        if self.model is not None:
            found = dict(self.model.objects.filter(slug__in=values).values_list("slug", "name"))
        else:
            names = AppliedIn.objects.filter(municipality_name__in=values).values_list(
                "municipality_name", flat=True
            )
            found = {name: name for name in names}
        return {value: found[value] for value in values if value in found}

    def condition(self, values):
        if self.rows is None:
            return Q(**{f"{self.field}__in": values})
        # A subquery on the rows that hold the values, not a join: a fiche with two matching
        # values stays one fiche.
        model, lookup, page_column = self.rows
        return Q(pk__in=model.objects.filter(**{f"{lookup}__in": values}).values(page_column))

    def counts(self, fiches):
        """{value: (label, number of fiches)} over the given fiches, in one grouped query."""
        fields = [self.field, self.label_field] if self.label_field else [self.field]
        # A fiche has a category once and a term once; a province or town may come back.
        distinct = self.field.startswith("applied_in")
        rows = fiches.order_by().values_list(*fields).annotate(
            number=Count("pk", distinct=distinct)
        )
        labels = dict(self.choices)
        return {
            row[0]: (row[1] if self.label_field else labels.get(row[0], row[0]), row[-1])
            for row in rows
            if row[0] is not None
        }


FACETS = [
    Facet("categorie", _("Categorie"), "category__slug", "category__name", model=Category),
    Facet(
        "beleidsdomein", _("Beleidsdomein"), "policy_domains__slug", "policy_domains__name",
        model=PolicyDomain,
        rows=(PracticePage.policy_domains.through, "policydomain__slug", "practicepage_id"),
    ),
    Facet(
        "doelgroep", _("Doelgroep"), "target_groups__slug", "target_groups__name",
        model=TargetGroup,
        rows=(PracticePage.target_groups.through, "targetgroup__slug", "practicepage_id"),
    ),
    Facet(
        "provincie", _("Provincie"), "applied_in__province", choices=tuple(Province.choices),
        rows=(AppliedIn, "province", "page_id"),
    ),
    Facet(
        "gemeente", _("Gemeente"), "applied_in__municipality_name", by_count=True,
        rows=(AppliedIn, "municipality_name", "page_id"),
    ),
]


def clean_value(value):
    return clean_text(value)[:MAX_VALUE_LENGTH]


@dataclass
class Filters:
    """What the reader asked for, reduced to what exists."""

    query: str = ""
    selected: dict = field(default_factory=dict)  # facet name -> {value: label}
    sort: str = NEWEST
    sort_given: bool = False
    page: str = "1"

    @property
    def searching(self):
        return bool(search.words(self.query))

    def facet_values(self, name):
        return list(self.selected.get(name, {}))

    def pairs(self, *, sort=True, page=False, selected=None):
        """The parameters of an address for these filters, in a fixed order."""
        selected = self.selected if selected is None else selected
        pairs = [(QUERY, self.query)] if self.query else []
        for facet in FACETS:
            pairs += [(facet.name, value) for value in selected.get(facet.name, {})]
        if sort and self.sort_given:
            pairs.append((SORT, self.sort))
        if page and self.page not in ("", "1"):
            pairs.append((PAGE, self.page))
        return pairs

    def query_string(self, **options):
        return urlencode(self.pairs(**options))

    def toggled(self, facet_name, value, label):
        """The filters' parameters with one value added, or removed when it was chosen."""
        selected = {name: dict(values) for name, values in self.selected.items()}
        values = selected.setdefault(facet_name, {})
        if value in values:
            del values[value]
        else:
            values[value] = label
        return urlencode(self.pairs(selected=selected))

    def without_query(self):
        pairs = [pair for pair in self.pairs() if pair[0] != QUERY]
        return urlencode(pairs)

    def description(self):
        """The chosen filters in words, e.g. for a feed's title."""
        parts = [f"“{self.query}”"] if self.query else []
        for facet in FACETS:
            labels = list(self.selected.get(facet.name, {}).values())
            if labels:
                parts.append(f"{facet.label}: {', '.join(str(label) for label in labels)}")
        return "; ".join(parts)


def parse(params):
    """Filters from GET parameters (a QueryDict): unknown, repeated or odd values left out."""
    query = clean_text(params.get(QUERY, ""))[:MAX_QUERY_LENGTH]
    selected = {}
    for facet in FACETS:
        values = []
        for raw in params.getlist(facet.name):
            value = clean_value(raw)
            if value and value not in values:
                values.append(value)
        if values := values[:MAX_VALUES]:
            known = facet.known(values)
            if known:
                selected[facet.name] = known
    filters = Filters(query=query, selected=selected, page=clean_value(params.get(PAGE, "1")))
    sort = params.get(SORT, "")
    if sort in SORTS and (sort != RELEVANCE or filters.searching):
        filters.sort, filters.sort_given = sort, True
    elif filters.searching:
        filters.sort = RELEVANCE
    return filters


def _conditions(filters, *, leave_out=None):
    return [
        facet.condition(filters.facet_values(facet.name))
        for facet in FACETS
        if facet.name != leave_out and facet.name in filters.selected
    ]


def among(ids):
    """A condition "the fiche is one of these ids". On PostgreSQL the ids travel as one array
    parameter: thousands of separate parameters cost more to build than the query takes."""
    if connection.vendor != "postgresql":
        return Q(pk__in=ids)
    return Func(F("pk"), Value(ids), arg_joiner=" = ANY(", template="%(expressions)s)",
                output_field=BooleanField())


class Search:
    """The fiches that match a set of filters, as ids in the chosen order.

    The search text is matched once, in one query, to a {fiche: rank} mapping; the ordering,
    the facet counts and the pages then work on those ids, so the text is never scanned
    twice for one request."""

    def __init__(self, filters):
        self.filters = filters
        self.ranks = None
        if filters.searching:
            matched = search.matching(PracticePage.objects.live(), filters.query)
            self.ranks = dict(matched.order_by().values_list("pk", "rank"))

    def scope(self, *, leave_out=None):
        """Live fiches matching the text and every chosen facet except `leave_out`."""
        if self.ranks is None:
            fiches = PracticePage.objects.live()
        else:  # the matched ids are live ones already
            fiches = PracticePage.objects.filter(among(list(self.ranks)))
        return fiches.filter(*_conditions(self.filters, leave_out=leave_out))

    def ids(self, sort=None):
        """Every matching id, in the chosen order (or the one given)."""
        sort = sort or self.filters.sort
        order = ORDERINGS.get(sort, ORDERINGS[NEWEST])
        ids = list(self.scope().order_by(*order).values_list("pk", flat=True))
        if sort == RELEVANCE and self.ranks is not None:
            # A stable sort: equal ranks keep the newest first.
            ids.sort(key=self.ranks.__getitem__, reverse=True)
        return ids


def fetch(ids, **details):
    """The fiches with these ids, with their details (see with_details), in the same order."""
    queryset = with_details(PracticePage.objects.filter(among(ids)), **details)
    found = {page.pk: page for page in queryset}
    return [found[pk] for pk in ids if pk in found]


def paginate(found, number, **details):
    """One page (PAGE_SIZE) of the matching fiches; a page number out of range gives the
    nearest page, anything else the first."""
    paginator = Paginator(found.ids(), PAGE_SIZE)
    page = paginator.get_page(number)
    page.object_list = fetch(list(page.object_list), **details)
    return page


def every_fiche(found, *, chunk=500):
    """All matching fiches in order, a chunk at a time (for exports)."""
    ids = found.ids()
    for start in range(0, len(ids), chunk):
        yield from fetch(ids[start:start + chunk], image=False)


def with_details(queryset, *, image=True, related=False):
    """Everything a list of fiches shows, in a fixed number of queries, however long it is.
    `related`: the ids of the live fiches each links to, as `live_related`."""
    queryset = queryset.select_related("category").prefetch_related(
        "policy_domains", "target_groups", "applied_in"
    )
    if image:
        images = get_image_model().objects.prefetch_renditions(THUMBNAIL)
        queryset = queryset.prefetch_related(Prefetch("image", queryset=images))
    if related:
        live = PracticePage.objects.live().only("pk")
        queryset = queryset.prefetch_related(
            Prefetch("related_practices", queryset=live, to_attr="live_related")
        )
    return queryset


@dataclass
class FacetValue:
    slug: str  # what the address carries (a municipality: its name)
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetResult:
    name: str
    label: str
    values: list
    more: list  # folded away when a facet has many values

    @property
    def selected(self):
        return [value for value in self.values + self.more if value.selected]


def facet_results(found, path):
    """Per facet, how many fiches each value would give with every OTHER choice kept.

    A value of a facet counts over the fiches that match the search text and the other
    facets, so choosing it (an OR within its facet) gives exactly that many. Values that
    give nothing are shown only when chosen, so they can be removed."""
    filters = found.filters
    results = []
    for facet in FACETS:
        scope = found.scope(leave_out=facet.name)
        counts = facet.counts(scope)
        chosen = filters.selected.get(facet.name, {})
        for value, label in chosen.items():
            counts.setdefault(value, (label, 0))
        values = [
            FacetValue(
                slug=value,
                label=str(label),
                count=number,
                selected=value in chosen,
                url=_address(path, filters.toggled(facet.name, value, label)),
            )
            for value, (label, number) in counts.items()
        ]
        values.sort(key=lambda item: item.label.casefold())
        if facet.by_count:
            values.sort(key=lambda item: -item.count)
        shown = values[:VISIBLE_VALUES] + [item for item in values[VISIBLE_VALUES:]
                                           if item.selected]
        more = [item for item in values[VISIBLE_VALUES:] if not item.selected]
        results.append(FacetResult(facet.name, facet.label, shown, more))
    return results


def _address(path, query_string):
    return f"{path}?{query_string}" if query_string else path


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_url: str


@dataclass
class Listing:
    filters: Filters
    page: object  # a Paginator page of fiches
    count: int
    facets: list
    active: list
    query_string: str
    share_url: str
    clear_url: str
    links: dict  # rss, atom, json, csv for the same filters
    sorts: list
    page_urls: dict  # previous, next and numbers, each keeping the filters


def build_listing(request):
    """Everything the listing page shows for this request's GET parameters."""
    filters = parse(request.GET)
    found = Search(filters)
    path = reverse("practices:index")
    page = paginate(found, filters.page)
    filters.page = str(page.number)
    active = []
    if filters.query:
        active.append(ActiveFilter(_("Zoekterm"), filters.query,
                                   _address(path, filters.without_query())))
    for facet in FACETS:
        for value, label in filters.selected.get(facet.name, {}).items():
            active.append(ActiveFilter(facet.label, str(label),
                                       _address(path, filters.toggled(facet.name, value, label))))
    query_string = filters.query_string(page=True)
    return Listing(
        filters=filters,
        page=page,
        count=page.paginator.count,
        facets=facet_results(found, path),
        active=active,
        query_string=query_string,
        share_url=request.build_absolute_uri(_address(path, query_string)),
        clear_url=path,
        links=links(filters),
        sorts=[{"value": value, "label": label, "selected": value == filters.sort}
               for value, label in SORTS.items()],
        page_urls=page_urls(filters, page, path),
    )


def page_urls(filters, page, path):
    """Links to the other pages of the same list; a long range is shortened with gaps."""

    def url(number):
        pairs = filters.pairs()
        if number > 1:
            pairs.append((PAGE, number))
        return _address(path, urlencode(pairs))

    numbers = [
        {"number": number, "url": url(number), "current": number == page.number}
        if number != page.paginator.ELLIPSIS else {"number": None}
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2,
                                                            on_ends=1)
    ]
    return {
        "previous": url(page.previous_page_number()) if page.has_previous() else None,
        "next": url(page.next_page_number()) if page.has_next() else None,
        "numbers": numbers,
    }


def links(filters):
    """The feeds, the JSON list and the CSV export of the same fiches."""
    feed = filters.query_string(sort=False)
    data = filters.query_string()
    return {
        "rss": _address(reverse("practices:rss"), feed),
        "atom": _address(reverse("practices:atom"), feed),
        "json": _address(reverse("practices:api_list"), data),
        "csv": _address(reverse("practices:csv"), data),
    }


def feed_fiches(filters):
    """The latest new or updated fiches that match, for a feed."""
    return fetch(Search(filters).ids(UPDATED)[:FEED_SIZE], image=False)


def related_practices(page, size=RELATED_SIZE):
    """The fiches a moderator linked to this one (live ones), topped up to `size` with live
    fiches that share its category or policy domains, the most in common first."""
    chosen_ids = [related.pk for related in page.related_practices.all()]
    chosen = list(
        with_details(PracticePage.objects.live().filter(pk__in=chosen_ids).exclude(pk=page.pk))
        .order_by("title")
    )
    missing = size - len(chosen)
    if missing <= 0:
        return chosen
    domain_ids = [domain.pk for domain in page.policy_domains.all()]
    sharing = Q(policy_domains__in=domain_ids) if domain_ids else Q(pk__in=[])
    if page.category_id:
        sharing |= Q(category_id=page.category_id)
    # How much a fiche has in common: one for the category, one per shared policy domain.
    shared = Case(When(category_id=page.category_id, then=Value(1)), default=Value(0),
                  output_field=IntegerField())
    if domain_ids:
        shared += Count("policy_domains", filter=Q(policy_domains__in=domain_ids),
                        distinct=True)
    others = (
        PracticePage.objects.live()
        .filter(sharing)
        .exclude(pk__in=[page.pk, *(related.pk for related in chosen)])
        .annotate(shared=shared)
        .order_by("-shared", "-last_published_at", "-pk")
    )
    return chosen + list(with_details(others)[:missing])
