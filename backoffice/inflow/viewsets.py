"""The admin screens of the new-resident list: imports, the outreach list, letter texts."""

import django_filters
from django import forms
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permissions import register_permission_policy

from backoffice.inflow.figures import (
    AGE_BANDS,
    NATIONALITY_GROUPS,
    age_band_q,
    nationality_group_q,
    with_age,
)
from backoffice.models import InflowImport, InvitationLetterText, NewResident, PersonalDataAccess
from backoffice.permissions import own_municipalities
from backoffice.privacy.views import can_handle_data_requests
from backoffice.services import record_access
from portal.scoping import (
    MunicipalityScopedForm,
    MunicipalityScopedPolicy,
    ReadOnlyScopedPolicy,
    ScopedViewSet,
)

register_permission_policy(InflowImport, ReadOnlyScopedPolicy(InflowImport))
register_permission_policy(NewResident, ReadOnlyScopedPolicy(NewResident))
register_permission_policy(InvitationLetterText, MunicipalityScopedPolicy(InvitationLetterText))


class ImportButtonMixin:
    """A header button to the upload screen, for those who may import."""

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("backoffice.add_inflowimport"):
            buttons.append(HeaderButton(_("Nieuwe lijst inlezen"), icon_name="upload",
                                        url=reverse("backoffice_inflow_upload")))
        return buttons


class InflowImportIndexView(ImportButtonMixin, ScopedViewSet.index_view_class):
    pass


class InflowImportViewSet(ScopedViewSet):
    model = InflowImport
    icon = "upload"
    menu_label = _("Inlezingen")
    index_view_class = InflowImportIndexView
    inspect_view_enabled = True
    inspect_template_name = "backoffice/inflow/import_inspect.html"
    inspect_view_fields = ["municipality", "file_name", "imported_at", "imported_by",
                           "rows_total", "rows_imported", "rows_duplicate", "rows_invalid"]
    list_display = [
        TitleColumn("file_name", label=_("Bestand"), url_name="inflow_imports:inspect"),
        Column("municipality", label=_("Gemeente")),
        DateColumn("imported_at", label=_("Ingelezen op")),
        Column("rows_imported", label=_("Nieuw")),
        Column("rows_duplicate", label=_("Al gekend")),
        Column("rows_invalid", label=_("Geweigerd")),
    ]
    list_filter = ["municipality"]
    ordering = ["-imported_at"]
    form_fields = ["file_name"]


HOUSEHOLD_CHOICES = [("alone", _("Alleen ingeschreven")),
                     ("together", _("Met meerdere op één adres"))]


class ResidentFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(label=_("Gemeente"),
                                                    queryset=own_municipalities)
    month = django_filters.CharFilter(
        label=_("Maand van inschrijving"), method="filter_month",
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-10"}),
    )
    nationality_group = django_filters.ChoiceFilter(
        label=_("Nationaliteit"), choices=NATIONALITY_GROUPS, method="filter_group")
    age_band = django_filters.ChoiceFilter(
        label=_("Leeftijd"), choices=[(code, label) for code, label, *_rest in AGE_BANDS],
        method="filter_age")
    has_phone = django_filters.BooleanFilter(label=_("Met telefoonnummer"),
                                             method="filter_phone")
    invited = django_filters.BooleanFilter(label=_("Uitgenodigd per brief"),
                                           field_name="invitation", lookup_expr="isnull",
                                           exclude=True)
    outreach = django_filters.ChoiceFilter(label=_("Contact"),
                                           choices=NewResident.Outreach.choices)
    household = django_filters.ChoiceFilter(label=_("Gezin"), choices=HOUSEHOLD_CHOICES,
                                            method="filter_household")

    class Meta:
        model = NewResident
        fields = []

    def filter_month(self, queryset, name, value):
        try:
            year, month = (int(part) for part in value.split("-"))
        except ValueError:
            return queryset
        return queryset.filter(registered_on__year=year, registered_on__month=month)

    def filter_group(self, queryset, name, value):
        return queryset.filter(nationality_group_q(value))

    def filter_age(self, queryset, name, value):
        return with_age(queryset).filter(age_band_q(value))

    def filter_phone(self, queryset, name, value):
        return queryset.exclude(phone="") if value else queryset.filter(phone="")

    def filter_household(self, queryset, name, value):
        return queryset.filter(household_size__gt=1) if value == "together" else (
            queryset.filter(household_size__lte=1))


def with_household_size(queryset):
    """How many people on the list share the address and registration date."""
    members = (NewResident.objects.filter(municipality=OuterRef("municipality"),
                                          household_key=OuterRef("household_key"))
               .exclude(household_key="").values("household_key")
               .annotate(count=Count("pk")).values("count"))
    return queryset.annotate(household_size=Coalesce(Subquery(members), Value(1)))


class StartCaseColumn(Column):
    """The case of the person, or a button that opens one in one click."""

    cell_template_name = "backoffice/inflow/start_case_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["csrf_token_value"] = get_token(request) if request else ""
        return context


class ResidentIndexView(ImportButtonMixin, ScopedViewSet.index_view_class):
    template_name = "backoffice/inflow/resident_index.html"

    def get_base_queryset(self):
        return with_household_size(super().get_base_queryset()).select_related(
            "municipality", "case")


class LoggedViewMixin:
    """Opening a person's record is kept in the access log (who, whose record, when)."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(request.user, resident=self.object, action=PersonalDataAccess.Action.VIEW)
        return response


class DataRequestButtonsMixin:
    """The person's rights (a copy of their data, its erasure) in the record's action menu,
    for those who answer such requests."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if can_handle_data_requests(self.request.user):
            pk = self.object.pk
            buttons += [
                Button(_("Gegevens exporteren (PDF)"), icon_name="doc-full", priority=50,
                       url=reverse("backoffice_resident_data_pdf", args=[pk])),
                Button(_("Gegevens exporteren (JSON)"), icon_name="download", priority=51,
                       url=reverse("backoffice_resident_data_json", args=[pk])),
                Button(_("Gegevens wissen"), icon_name="bin", priority=52,
                       url=reverse("backoffice_resident_erase", args=[pk])),
            ]
        return buttons


class ResidentInspectView(LoggedViewMixin, DataRequestButtonsMixin,
                          ScopedViewSet.inspect_view_class):
    pass


class ResidentEditView(LoggedViewMixin, DataRequestButtonsMixin,
                       ScopedViewSet.edit_view_class):
    pass


class NewResidentViewSet(ScopedViewSet):
    model = NewResident
    icon = "group"
    menu_label = _("Nieuwe inwoners")
    index_view_class = ResidentIndexView
    inspect_view_class = ResidentInspectView
    edit_view_class = ResidentEditView
    filterset_class = ResidentFilterSet
    search_fields = ["last_name", "first_name", "street"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "municipality", "first_name", "last_name", "birth_date", "sex", "nationality",
        "origin", "registered_on", "street", "house_number", "box", "postal_code", "town",
        "phone", "email", "outreach", "outreach_changed_at", "invitation", "case",
        "anonymised_at",
    ]
    list_display = [
        BulkActionsCheckboxColumn("bulk_actions", obj_type="newresident"),
        TitleColumn("last_name", label=_("Naam"), accessor="full_name",
                    url_name="new_residents:inspect"),
        DateColumn("registered_on", label=_("Ingeschreven op"), sort_key="registered_on"),
        Column("address", label=_("Adres")),
        Column("household_size", label=_("Gezin"), accessor="household_label"),
        Column("nationality", label=_("Nationaliteit"), accessor="nationality_name"),
        Column("age", label=_("Leeftijd"), accessor="age_at_registration"),
        Column("phone", label=_("Telefoon")),
        Column("outreach", label=_("Contact"), accessor="get_outreach_display"),
        StartCaseColumn("case", label=_("Dossier")),
    ]
    list_per_page = 100
    ordering = ["-registered_on", "household_key", "last_name"]
    form_fields = ["outreach"]
    list_export = ["registered_on", "nationality", "birth_year", "sex", "origin", "outreach"]


class LetterTextViewSet(ScopedViewSet):
    model = InvitationLetterText
    icon = "doc-full"
    menu_label = _("Teksten van de uitnodigingsbrief")
    add_to_settings_menu = True
    list_display = ["municipality", "language"]
    list_filter = ["municipality", "language"]
    edit_handler = ObjectList(
        [FieldPanel("municipality"), FieldPanel("language"), FieldPanel("body")],
        base_form_class=MunicipalityScopedForm,
    )
