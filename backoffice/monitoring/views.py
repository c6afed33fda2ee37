"""The monitoring page and its exports, for coordinators, per municipality or cluster."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from backoffice.inflow.figures import Period
from backoffice.inflow.forms import period_form
from backoffice.monitoring import exports
from backoffice.monitoring.report import cached_report, summary_sentences
from backoffice.monitoring.signals import signal_tables
from portal.models import Municipality

PERMISSION = "appointments.view_monitoring"
FORMATS = {
    "csv": ("text/csv; charset=utf-8", exports.csv_bytes),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             exports.xlsx_bytes),
}


def chosen_period(request):
    """The period form, bound to the query string, or to last month when it is empty."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return period_form(request)


def report_for(request, form):
    municipality = form.cleaned_data["municipality"]
    period = Period(form.cleaned_data["kind"], form.cleaned_data["year"],
                    form.cleaned_data.get("part") or 1)
    if municipality:
        return [municipality.pk], period, municipality.name
    ids = list(Municipality.objects.for_user(request.user).order_by("name")
               .values_list("pk", flat=True))
    return ids, period, _("alle gemeenten samen")


def file_name(period, scope, what, extension):
    return f"{what}-{slugify(str(scope))}-{slugify(period.label)}.{extension}"


def attachment(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def page(request, form, status=200, **context):
    """The monitoring page; with an invalid period it shows only the form and its errors."""
    query = form.data.urlencode() if hasattr(form.data, "urlencode") else urlencode(form.data)
    return TemplateResponse(request, "backoffice/monitoring/page.html", {
        "form": form, "page_title": _("Monitoring"), "header_icon": "table", "query": query,
        **context}, status=status)


@require_GET
def monitoring(request):
    form = chosen_period(request)
    if not form.is_valid():
        return page(request, form, status=400)
    municipalities, period, scope = report_for(request, form)
    report = cached_report(municipalities, period, scope)
    return page(request, form, report=report, sentences=summary_sentences(report))


@require_GET
def export(request, format):
    """All tables (or the one named by ?table=) as CSV or XLSX, or the report as PDF."""
    form = chosen_period(request)
    if not form.is_valid():
        return page(request, form, status=400)
    municipalities, period, scope = report_for(request, form)
    report = cached_report(municipalities, period, scope)
    if format == "pdf":
        content = exports.pdf_bytes(report, {"sentences": summary_sentences(report),
                                             "made_on": timezone.localdate()})
        return attachment(content, "application/pdf",
                          file_name(period, scope, "monitoring", "pdf"))
    if format not in FORMATS:
        raise Http404
    tables = report.tables
    if request.GET.get("table"):
        tables = [table for table in tables if table.slug == request.GET["table"]]
        if not tables:
            raise Http404
    content_type, write = FORMATS[format]
    what = f"monitoring-{tables[0].slug}" if len(tables) == 1 else "monitoring"
    return attachment(write(tables), content_type, file_name(period, scope, what, format))


@require_GET
def signals(request, format):
    """The policy signals of the period: needs with counts and anonymised quotes."""
    form = chosen_period(request)
    if not form.is_valid():
        return page(request, form, status=400)
    if format not in FORMATS:
        raise Http404
    municipalities, period, scope = report_for(request, form)
    content_type, write = FORMATS[format]
    return attachment(write(signal_tables(municipalities, period)), content_type,
                      file_name(period, scope, "beleidssignalen", format))
