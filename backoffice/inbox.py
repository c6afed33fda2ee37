"""The inbox: requests and cases of the user's municipalities, as a Wagtail viewset."""

import django_filters
import phonenumbers
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.permissions import register_permission_policy

from appointments.choices import Channel, Status
from appointments.models import AppointmentRequest
from backoffice.permissions import colleagues, own_municipalities
from backoffice.queries import follow_ups_due, waiting_too_long
from portal.languages import SPOKEN_LANGUAGES
from portal.scoping import ReadOnlyScopedPolicy, ScopedViewSet


class RequestPolicy(ReadOnlyScopedPolicy):
    """The inbox only reads: requests come from the form or desk registration, and every
    change goes through the case page, which follows the rules in backoffice/services.py."""


# Registered before any view asks for the policy (see wagtail.permissions).
register_permission_policy(AppointmentRequest, RequestPolicy(AppointmentRequest))


class InboxFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    municipality = django_filters.ModelChoiceFilter(label=_("Gemeente"),
                                                    queryset=own_municipalities)
    channel = django_filters.ChoiceFilter(label=_("Kanaal"), choices=Channel.choices)
    contact_language = django_filters.ChoiceFilter(label=_("Contacttaal"),
                                                   choices=SPOKEN_LANGUAGES)
    assigned_to = django_filters.ModelChoiceFilter(label=_("Toegewezen aan"),
                                                   queryset=colleagues)
    needs_interpreter = django_filters.BooleanFilter(label=_("Tolk nodig"))
    follow_up_due = django_filters.BooleanFilter(label=_("Opvolging te doen"),
                                                 method="filter_follow_up_due")
    waiting_too_long = django_filters.BooleanFilter(label=_("Wacht langer dan de termijn"),
                                                    method="filter_waiting_too_long")

    class Meta:
        model = AppointmentRequest
        fields = []

    def filter_follow_up_due(self, queryset, name, value):
        due = follow_ups_due(self.request.user).filter(request=OuterRef("pk"))
        return queryset.filter(Exists(due)) if value else queryset.exclude(Exists(due))

    def filter_waiting_too_long(self, queryset, name, value):
        late = waiting_too_long(self.request.user).values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)


def phone_in(query):
    """The query as an E.164 phone number, if it is one ("0470 12 34 56" too)."""
    try:
        number = phonenumbers.parse(query, "BE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class InboxIndexView(ScopedViewSet.index_view_class):
    def search_queryset(self, queryset):
        """Name, e-mail or reference by substring; a phone number in any usual notation."""
        if not self.search_query:
            return queryset
        text = self.search_query.strip()
        match = Q(reference__icontains=text) | Q(name__icontains=text) | Q(
            email__icontains=text
        )
        phone = phone_in(text)
        if phone:
            match |= Q(phone=phone)
        return queryset.filter(match)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("municipality", "assigned_to")


class InboxViewSet(ScopedViewSet):
    """Requests and cases of the user's municipalities; each reference opens its case."""

    model = AppointmentRequest
    icon = "mail"
    menu_label = _("Aanvragen")
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = InboxIndexView
    filterset_class = InboxFilterSet
    search_fields = ["reference", "name", "email", "phone"]
    list_display = [
        TitleColumn("reference", label=_("Referentie"), url_name="backoffice_case"),
        Column("name", label=_("Naam")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("channel", label=_("Kanaal"), accessor="get_channel_display"),
        Column("municipality", label=_("Gemeente")),
        Column("assigned_to", label=_("Toegewezen aan")),
        DateColumn("created_at", label=_("Ontvangen"), sort_key="created_at"),
    ]
    list_per_page = 50
    ordering = ["-created_at"]
    form_fields = ["status", "assigned_to"]
    list_export = ["reference", "status", "channel", "municipality", "created_at"]
