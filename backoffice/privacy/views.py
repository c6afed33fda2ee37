"""The person's rights in the back office: a copy of their data, its erasure, and the log of
who looked at whose data for the data protection officer."""

import json

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from backoffice.inflow.services import own_records
from backoffice.models import NewResident, PersonalDataAccess
from backoffice.permissions import can_work_on_cases, case_for_user, own_municipalities
from backoffice.privacy.retention import FINISHED, erase_person, erase_resident
from backoffice.privacy.subject import person_data, person_pdf, resident_data, resident_pdf
from backoffice.services import record_access

HANDLE_DATA_REQUEST = "appointments.handle_data_request"
VIEW_ACCESS_LOG = "backoffice.view_personaldataaccess"


def can_handle_data_requests(user):
    return user.is_active and user.has_perm(HANDLE_DATA_REQUEST)


def data_request_case(user, pk):
    """The case, for someone who may answer the person's requests: refused for anyone else,
    and a 404 for a case of another municipality."""
    if not can_handle_data_requests(user):
        raise PermissionDenied
    return case_for_user(user, pk)


def data_request_resident(user, pk):
    """The record of the new-resident list, on the same terms as data_request_case."""
    if not can_handle_data_requests(user):
        raise PermissionDenied
    return get_object_or_404(NewResident.objects.for_user(user), pk=pk)


def download(content, content_type, name, extension):
    """A file named after the case reference or the record number, never after the person."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{name}-gegevens.{extension}")
    return response


def as_json(data):
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


@never_cache
@require_GET
def data_json(request, pk):
    case = data_request_case(request.user, pk)
    content = as_json(person_data(case))
    record_access(request.user, case, PersonalDataAccess.Action.EXPORT)
    return download(content, "application/json; charset=utf-8", case.reference, "json")


@never_cache
@require_GET
def data_pdf(request, pk):
    case = data_request_case(request.user, pk)
    content = person_pdf(case)
    record_access(request.user, case, PersonalDataAccess.Action.EXPORT)
    return download(content, "application/pdf", case.reference, "pdf")


@require_http_methods(["GET", "HEAD", "POST"])
def erase(request, pk):
    """A confirmation page that says what goes and what stays; sending it erases."""
    case = data_request_case(request.user, pk)
    residents = [record for record in own_records(case) if record.anonymised_at is None]
    nothing_left = case.anonymised_at is not None and not residents
    if request.method == "POST":
        if nothing_left:
            messages.info(request, _("De persoonsgegevens van deze aanvraag zijn al gewist."))
        else:
            erase_person(case, request.user)
            messages.success(request, _("De persoonsgegevens van %(reference)s zijn gewist.")
                             % {"reference": case.reference})
        return redirect("backoffice_case", pk=case.pk)
    return TemplateResponse(request, "backoffice/privacy/erase.html", {
        "case": case,
        "nothing_left": nothing_left,
        "is_open": case.status not in FINISHED,
        "attempts": case.contact_attempts.exclude(note="").count(),
        "conversations": case.conversations.count(),
        "residents": len(residents),
        "page_title": _("Gegevens wissen"),
        "page_subtitle": case.reference,
        "header_icon": "bin",
    })


# The same rights for someone on the new-resident list, with or without a case ----------------

def resident_file_name(resident):
    return f"nieuwe-inwoner-{resident.pk}"


@never_cache
@require_GET
def resident_data_json(request, pk):
    resident = data_request_resident(request.user, pk)
    content = as_json(resident_data(resident))
    record_access(request.user, resident=resident, action=PersonalDataAccess.Action.EXPORT)
    return download(content, "application/json; charset=utf-8", resident_file_name(resident),
                    "json")


@never_cache
@require_GET
def resident_data_pdf(request, pk):
    resident = data_request_resident(request.user, pk)
    content = resident_pdf(resident)
    record_access(request.user, resident=resident, action=PersonalDataAccess.Action.EXPORT)
    return download(content, "application/pdf", resident_file_name(resident), "pdf")


@require_http_methods(["GET", "HEAD", "POST"])
def resident_erase(request, pk):
    """A confirmation page that says what goes and what stays; sending it erases this record
    only: a linked case is erased from the case page."""
    resident = data_request_resident(request.user, pk)
    done = resident.anonymised_at is not None
    if request.method == "POST":
        if not erase_resident(resident, request.user):
            messages.info(request, _("De persoonsgegevens van deze inschrijving zijn al gewist."))
        else:
            messages.success(request, _("De persoonsgegevens van nieuwe inwoner nr. %(pk)s zijn "
                                        "gewist.") % {"pk": resident.pk})
        return redirect("new_residents:inspect", resident.pk)
    return TemplateResponse(request, "backoffice/privacy/resident_erase.html", {
        "resident": resident,
        "done": done,
        "case_url": (reverse("backoffice_case", args=[resident.case_id])
                     if resident.case_id and can_work_on_cases(request.user) else None),
        "page_title": _("Gegevens wissen"),
        "page_subtitle": _("nieuwe inwoner nr. %(pk)s") % {"pk": resident.pk},
        "header_icon": "bin",
    })


# The access log for the data protection officer --------------------------------------------

def logged_users(request):
    """Filter choices: staff who appear in the log the user may read."""
    users = PersonalDataAccess.objects.for_user(request.user).values("user")
    return get_user_model().objects.filter(pk__in=users).order_by("first_name", "username")


class AccessLogFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(label=gettext_lazy("Gemeente"),
                                                    queryset=own_municipalities)
    user = django_filters.ModelChoiceFilter(label=gettext_lazy("Medewerker"),
                                            queryset=logged_users)
    action = django_filters.ChoiceFilter(label=gettext_lazy("Wat"),
                                         choices=PersonalDataAccess.Action.choices)
    at = django_filters.DateFromToRangeFilter(label=gettext_lazy("Periode"),
                                              widget=DateRangePickerWidget)

    class Meta:
        model = PersonalDataAccess
        fields = ["municipality", "user", "action", "at"]


def staff_name(user):
    return user.get_full_name() or user.get_username()


def local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class AccessLogView(ReportView):
    """Who viewed, exported, erased or printed whose personal data: read by the DPO of the
    same municipalities (model permission "view" on the log)."""

    model = PersonalDataAccess
    permission_required = "view"
    page_title = gettext_lazy("Inzage in persoonsgegevens")
    header_icon = "view"
    index_url_name = "backoffice_access_log"
    index_results_url_name = "backoffice_access_log_results"
    filterset_class = AccessLogFilterSet
    columns = [
        Column("at", label=gettext_lazy("Wanneer"), accessor="when"),
        Column("user", label=gettext_lazy("Wie"), accessor="who"),
        Column("action", label=gettext_lazy("Wat"), accessor="get_action_display"),
        TitleColumn("subject", label=gettext_lazy("Wiens gegevens"), accessor="subject",
                    get_url=lambda access: access.subject_url),
        Column("municipality", label=gettext_lazy("Gemeente"), accessor="municipality"),
    ]
    list_export = ["at", "user", "action", "subject", "municipality"]
    export_headings = {"at": gettext_lazy("Wanneer"), "user": gettext_lazy("Wie"),
                       "action": gettext_lazy("Wat"), "subject": gettext_lazy("Wiens gegevens"),
                       "municipality": gettext_lazy("Gemeente")}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        as_text = {self.FORMAT_CSV: str, self.FORMAT_XLSX: str}
        self.custom_field_preprocess = {
            "at": {self.FORMAT_CSV: local_time, self.FORMAT_XLSX: local_time},
            "user": {self.FORMAT_CSV: staff_name, self.FORMAT_XLSX: staff_name},
            "action": {self.FORMAT_CSV: self.action_label, self.FORMAT_XLSX: self.action_label},
            "subject": as_text,
            "municipality": as_text,
        }

    @staticmethod
    def action_label(value):
        return str(PersonalDataAccess.Action(value).label)

    def get_filename(self):
        return f"inzage-persoonsgegevens-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return PersonalDataAccess.objects.for_user(self.request.user).select_related(
            "user", "municipality", "request").order_by("-at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        opens_cases = can_work_on_cases(self.request.user)
        for access in object_list:
            access.when = local_time(access.at)
            access.who = staff_name(access.user)
            access.subject_url = (reverse("backoffice_case", args=[access.request_id])
                                  if access.request_id and opens_cases else None)
        return object_list
