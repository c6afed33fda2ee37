"""Import a new-resident list in three steps: upload, map the columns and preview, import.

Between the steps the rows wait in the cache, for this user only and for at most
ONTHAAL_INFLOW_UPLOAD_SECONDS; the import removes them. The file itself is never stored.
"""

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from backoffice.inflow import services
from backoffice.inflow.columns import LABELS, guess_mapping, missing_required
from backoffice.inflow.figures import Period, inflow_figures, per_municipality
from backoffice.inflow.forms import MappingForm, UploadForm, period_form
from backoffice.inflow.reading import Table
from backoffice.models import InflowImport, NewResident
from backoffice.permissions import can_work_on_cases
from portal.models import Municipality

IMPORT_PERMISSION = "backoffice.add_inflowimport"
PREVIEW_ROWS = 8


def _require_import_permission(user):
    if not user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied


def _cache_key(token):
    return f"inflow-upload:{token}"


@require_http_methods(["GET", "HEAD", "POST"])
def upload(request):
    _require_import_permission(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_urlsafe(16)
        cache.set(_cache_key(token), {
            "user": request.user.pk,
            "municipality": form.cleaned_data["municipality"].pk,
            "file_name": form.cleaned_data["file"].name,
            "headers": form.table.headers,
            "rows": form.table.rows,
        }, settings.ONTHAAL_INFLOW_UPLOAD_SECONDS)
        return redirect("backoffice_inflow_mapping", token=token)
    return TemplateResponse(request, "backoffice/inflow/upload.html", {
        "form": form, "page_title": _("Nieuwe inwoners inlezen"), "header_icon": "upload",
    }, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def mapping(request, token):
    _require_import_permission(request.user)
    pending = cache.get(_cache_key(token))
    if not pending or pending["user"] != request.user.pk:
        messages.error(request, _("Deze upload is verlopen. Kies het bestand opnieuw."))
        return redirect("backoffice_inflow_upload")
    municipality = get_object_or_404(Municipality.objects.for_user(request.user),
                                     pk=pending["municipality"])
    if request.method == "POST" and "cancel" in request.POST:
        cache.delete(_cache_key(token))
        messages.info(request, _("Het inlezen is geannuleerd; er is niets bewaard."))
        return redirect("backoffice_inflow_upload")
    table = Table(pending["headers"], pending["rows"])
    guessed = guess_mapping(table.headers, services.remembered_mapping(municipality))
    form = MappingForm(request.POST or None, headers=table.headers, initial=guessed)
    chosen = guessed
    status = 200
    if request.method == "POST":
        if form.is_valid():
            chosen = form.mapping()
            if "import" in request.POST:
                batch = services.import_residents(
                    municipality=municipality, table=table, mapping=chosen,
                    file_name=pending["file_name"], user=request.user,
                )
                cache.delete(_cache_key(token))
                messages.success(request, _(
                    "%(imported)s nieuwe inwoners ingelezen, %(duplicate)s al gekend, "
                    "%(invalid)s rijen geweigerd."
                ) % {"imported": batch.rows_imported, "duplicate": batch.rows_duplicate,
                     "invalid": batch.rows_invalid})
                return redirect("inflow_imports:inspect", batch.pk)
        else:
            chosen = {name: value for name, value in form.data.items()
                      if name in LABELS and value in table.headers}
            status = 400
    preview = list(services.check_rows(table, chosen, limit=PREVIEW_ROWS)) if not (
        missing_required(chosen)) else []
    return TemplateResponse(request, "backoffice/inflow/mapping.html", {
        "form": form,
        "municipality": municipality,
        "file_name": pending["file_name"],
        "row_count": len(table.rows),
        "preview": preview,
        "labels": LABELS,
        "page_title": _("Kolommen kiezen en nakijken"),
        "header_icon": "upload",
    }, status=status)


@require_http_methods(["GET", "HEAD"])
def problems_report(request, pk):
    """The import's problems as a CSV: row, column, problem; never the values."""
    if not request.user.has_perm("backoffice.view_inflowimport"):
        raise PermissionDenied
    batch = get_object_or_404(InflowImport.objects.for_user(request.user), pk=pk)
    response = HttpResponse(services.problems_csv(batch, [_("Rij"), _("Kolom"), _("Probleem")]),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="problemen-inlezing-{batch.pk}.csv"'
    return response


@require_POST
def start_case(request, pk):
    """One click: the person on the list becomes a case, and the case page opens."""
    if not (request.user.has_perm("backoffice.change_newresident")
            and can_work_on_cases(request.user)):
        raise PermissionDenied
    resident = get_object_or_404(
        NewResident.objects.for_user(request.user).filter(anonymised_at__isnull=True), pk=pk
    )
    case = services.start_case(resident, request.user)
    return redirect(reverse("backoffice_case", args=[case.pk]))



@require_http_methods(["GET", "HEAD"])
def figures(request):
    """New residents per month, quarter or year, per municipality and for the cluster."""
    if not request.user.has_perm("backoffice.view_newresident"):
        raise PermissionDenied
    form = period_form(request)
    context = {"form": form, "page_title": _("Instroom van nieuwe inwoners"),
               "header_icon": "table"}
    status = 200
    if form.is_valid():
        period = Period(form.cleaned_data["kind"], form.cleaned_data["year"],
                        form.cleaned_data.get("part") or 1)
        residents = NewResident.objects.for_user(request.user)
        municipality = form.cleaned_data["municipality"]
        if municipality:
            residents = residents.filter(municipality=municipality)
        context.update(figures=inflow_figures(residents, period),
                       municipalities=per_municipality(residents, period),
                       scope=municipality or _("alle gemeenten samen"))
    else:
        status = 400
    return TemplateResponse(request, "backoffice/inflow/figures.html", context, status=status)
