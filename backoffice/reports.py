"""Reports of follow-ups due and referrals waiting for feedback (Wagtail's ReportView)."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from appointments.models import AppointmentRequest
from backoffice.models import Conversation, Referral
from backoffice.permissions import colleagues, own_municipalities
from backoffice.queries import follow_ups_due, referrals_waiting


def case_url(pk):
    return reverse("backoffice_case", args=[pk])


class FollowUpFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label=_("Gemeente"), field_name="request__municipality", queryset=own_municipalities
    )
    by = django_filters.ModelChoiceFilter(label=_("Toeleider"), queryset=colleagues)

    class Meta:
        model = Conversation
        fields = ["municipality", "by"]


class ReferralFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label=_("Gemeente"), field_name="conversation__request__municipality",
        queryset=own_municipalities,
    )
    by = django_filters.ModelChoiceFilter(
        label=_("Toeleider"), field_name="conversation__by", queryset=colleagues
    )

    class Meta:
        model = Referral
        fields = ["municipality", "by", "status"]


class CaseReport(ReportView):
    """Reports over cases: readable by those who may see requests, scoped to their own."""

    model = AppointmentRequest  # for the permission policy: "view" on requests
    permission_required = "view"
    header_icon = "tasks"


class FollowUpsDueView(CaseReport):
    page_title = _("Opvolgingen te doen")
    index_url_name = "backoffice_follow_ups"
    index_results_url_name = "backoffice_follow_ups_results"
    filterset_class = FollowUpFilterSet
    columns = [
        TitleColumn("request", label=_("Aanvraag"), accessor="request.reference",
                    get_url=lambda conversation: case_url(conversation.request_id)),
        DateColumn("follow_up_on", label=_("Opvolgen op")),
        Column("follow_up", label=_("Opvolging"), accessor="get_follow_up_display"),
        Column("municipality", label=_("Gemeente"), accessor="request.municipality"),
        Column("by", label=_("Toeleider"), accessor="by"),
    ]
    list_export = ["request.reference", "follow_up_on", "request.municipality.name"]

    def get_queryset(self):
        return follow_ups_due(self.request.user)


class ReferralsWaitingView(CaseReport):
    page_title = _("Doorverwijzingen zonder terugkoppeling")
    index_url_name = "backoffice_referrals"
    index_results_url_name = "backoffice_referrals_results"
    filterset_class = ReferralFilterSet
    columns = [
        TitleColumn("case", label=_("Aanvraag"), accessor="conversation.request.reference",
                    get_url=lambda referral: case_url(referral.conversation.request_id)),
        Column("partner", label=_("Partner"), accessor="partner"),
        Column("purpose", label=_("Waarvoor")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("held_on", label=_("Gesprek"), accessor="conversation.held_on"),
        Column("by", label=_("Toeleider"), accessor="conversation.by"),
    ]
    list_export = ["conversation.request.reference", "partner.name", "purpose", "status"]

    def get_queryset(self):
        return referrals_waiting(self.request.user)
