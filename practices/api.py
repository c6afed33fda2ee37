"""Read-only data of the practice database: a JSON list and detail, and a CSV of a search.

The list and the CSV take the listing's GET parameters, so every search can be reused.
Contact addresses of municipalities are never part of it: readers write through a form.
"""

import csv
import io
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal.spreadsheets import cell
from practices.listing import PAGE, Search, every_fiche, paginate, parse, with_details
from practices.models import PracticePage

CSV_FILENAME = "praktijkfiches.csv"


def _url(request, page):
    return request.build_absolute_uri(page.get_url_parts(request)[2])


def _iso(moment):
    return moment.isoformat() if moment else None


def _summary(request, page):
    return {
        "id": page.pk,
        "title": page.title,
        "url": _url(request, page),
        "intro": page.intro,
        "category": (
            {"slug": page.category.slug, "name": page.category.name} if page.category else None
        ),
        "policy_domains": [
            {"slug": domain.slug, "name": domain.name} for domain in page.policy_domains.all()
        ],
        "target_groups": [
            {"slug": group.slug, "name": group.name} for group in page.target_groups.all()
        ],
        "start_year": page.start_year,
        "last_reviewed": _iso(page.last_reviewed),
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
        # Deliberately without contact_email: that address is only used by the contact form.
        "applied_in": [
            {
                "municipality": entry.municipality_name,
                "province": {"slug": entry.province, "name": entry.get_province_display()},
                "description": entry.description,
                "partners": entry.partners,
                "website": entry.website,
            }
            for entry in page.applied_in.all()
        ],
        "related": [related.pk for related in page.live_related if related.pk != page.pk],
    }


@require_safe
def practice_list(request):
    """One page (20) of the fiches matching the GET parameters, newest first by default."""
    filters = parse(request.GET)
    page = paginate(Search(filters), filters.page, image=False, related=True)
    paginator = page.paginator

    def page_url(number):
        pairs = [*filters.pairs(), (PAGE, number)]
        return request.build_absolute_uri(f"{reverse('practices:api_list')}?{urlencode(pairs)}")

    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": (
                page_url(page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [_summary(request, practice) for practice in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def practice_detail(request, pk):
    """One live fiche with all its texts; drafts and unknown numbers are not found."""
    queryset = with_details(PracticePage.objects.live().filter(pk=pk), image=False,
                            related=True)
    page = queryset.first()
    if page is None:
        return JsonResponse({"detail": gettext("Deze fiche bestaat niet.")}, status=404)
    data = _summary(request, page)
    data.update(
        goals=page.goals,
        description=page.description,
        success_factors=page.success_factors,
        challenges=page.challenges,
        results=page.results,
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


CSV_COLUMNS = [
    _("Titel"), _("Adres"), _("Categorie"), _("Beleidsdomeinen"), _("Doelgroepen"),
    _("Gemeenten"), _("Provincies"), _("Gestart in"), _("Laatst nagekeken"),
    _("Eerst gepubliceerd"), _("Laatst gepubliceerd"), _("Korte inleiding"),
]


def _moment(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _row(request, page):
    places = list(page.applied_in.all())
    provinces = dict.fromkeys(entry.get_province_display() for entry in places)
    return [
        page.title,
        _url(request, page),
        page.category.name if page.category else "",
        ", ".join(domain.name for domain in page.policy_domains.all()),
        ", ".join(group.name for group in page.target_groups.all()),
        ", ".join(entry.municipality_name for entry in places),
        ", ".join(str(province) for province in provinces),
        page.start_year,
        page.last_reviewed.isoformat() if page.last_reviewed else "",
        _moment(page.first_published_at),
        _moment(page.last_published_at),
        page.intro,
    ]


@require_safe
def practice_csv(request):
    """Every fiche matching the GET parameters, for a spreadsheet (semicolons, UTF-8 with a
    byte order mark, as Excel in Flanders expects). Text that a spreadsheet would run as a
    formula is written as plain text."""
    filters = parse(request.GET)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([str(column) for column in CSV_COLUMNS])
    for practice in every_fiche(Search(filters)):
        writer.writerow([cell(value) for value in _row(request, practice)])
    response = HttpResponse(
        ("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{CSV_FILENAME}"'
    return response
