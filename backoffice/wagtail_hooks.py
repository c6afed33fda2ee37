from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from appointments.models import ReferralSource, RequestEvent
from backoffice import reports, views
from backoffice.components import WorkPanel
from backoffice.inbox import InboxViewSet
from backoffice.inflow import views as inflow_views
from backoffice.inflow.bulk_actions import LettersBulkAction, OutreachBulkAction
from backoffice.inflow.viewsets import InflowImportViewSet, LetterTextViewSet, NewResidentViewSet
from backoffice.models import NeedCategory
from backoffice.monitoring import views as monitoring_views
from backoffice.permissions import can_see_cases, can_work_on_cases
from backoffice.privacy import hooks as privacy_hooks  # noqa: F401 (registers its admin URLs)
from portal.menus import RuleMenuItem, has_permission


@hooks.register("register_admin_urls")
def register_case_urls():
    return [
        path("cases/new/", views.desk_registration, name="backoffice_desk_registration"),
        path("cases/assign/", views.bulk_assign, name="backoffice_bulk_assign"),
        path("cases/<int:pk>/", views.case_detail, name="backoffice_case"),
        path("cases/<int:pk>/<slug:action>/", views.case_action, name="backoffice_case_action"),
        path("reports/follow-ups/", reports.FollowUpsDueView.as_view(),
             name="backoffice_follow_ups"),
        path("reports/follow-ups/results/", reports.FollowUpsDueView.as_view(results_only=True),
             name="backoffice_follow_ups_results"),
        path("reports/referrals/", reports.ReferralsWaitingView.as_view(),
             name="backoffice_referrals"),
        path("inflow/import/", inflow_views.upload, name="backoffice_inflow_upload"),
        path("inflow/import/<str:token>/", inflow_views.mapping, name="backoffice_inflow_mapping"),
        path("inflow/imports/<int:pk>/problems.csv", inflow_views.problems_report,
             name="backoffice_inflow_problems"),
        path("inflow/residents/<int:pk>/case/", inflow_views.start_case,
             name="backoffice_inflow_start_case"),
        path("reports/inflow/", inflow_views.figures, name="backoffice_inflow_figures"),
        path("reports/monitoring/", monitoring_views.monitoring, name="backoffice_monitoring"),
        path("reports/monitoring/export/<slug:format>/", monitoring_views.export,
             name="backoffice_monitoring_export"),
        path("reports/monitoring/signals/<slug:format>/", monitoring_views.signals,
             name="backoffice_monitoring_signals"),
        path("reports/referrals/results/",
             reports.ReferralsWaitingView.as_view(results_only=True),
             name="backoffice_referrals_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_monitoring():
    return RuleMenuItem(_("Monitoring"), reverse("backoffice_monitoring"), icon_name="table",
                        order=5, shown_to=has_permission(monitoring_views.PERMISSION))


@hooks.register("register_reports_menu_item")
def register_follow_ups_report():
    return RuleMenuItem(_("Opvolgingen te doen"), reverse("backoffice_follow_ups"),
                        icon_name="tasks", order=10, shown_to=can_see_cases)


@hooks.register("register_reports_menu_item")
def register_referrals_report():
    return RuleMenuItem(_("Doorverwijzingen zonder terugkoppeling"),
                        reverse("backoffice_referrals"), icon_name="tasks", order=11,
                        shown_to=can_see_cases)


@hooks.register("construct_homepage_panels")
def add_work_panel(request, panels):
    if can_see_cases(request.user):
        panels.append(WorkPanel(request.user))


@hooks.register("register_admin_menu_item")
def register_desk_registration_menu_item():
    return RuleMenuItem(_("Registratie aan de balie"), reverse("backoffice_desk_registration"),
                        icon_name="user", order=205, shown_to=can_work_on_cases)


@hooks.register("register_admin_viewset")
def register_inbox():
    return InboxViewSet("appointment_requests")


@hooks.register("register_admin_menu_item")
def register_bulk_assign_menu_item():
    return RuleMenuItem(_("Werk verdelen"), reverse("backoffice_bulk_assign"), icon_name="group",
                        order=206, shown_to=can_work_on_cases)


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    for kind in RequestEvent.Kind:
        actions.register_action(f"onthaal.{kind.value}", kind.label, kind.label)


class ArchiveWhenUsedDeleteView(ModelViewSet.delete_view_class):
    """Deleting an entry that cases use archives it instead: case data stays whole."""

    def delete_action(self):
        if self.object.in_use():
            self.object.archived = True
            self.object.save(update_fields=["archived"])
        else:
            super().delete_action()

    def get_success_message(self):
        if self.object.pk and self.object.archived:
            return _("“%(label)s” wordt gebruikt en is daarom gearchiveerd, niet verwijderd.") % {
                "label": self.object.label
            }
        return super().get_success_message()


class ManagedListViewSet(ModelViewSet):
    """Lists coordinators keep; items in use are archived, never deleted with cases."""

    delete_view_class = ArchiveWhenUsedDeleteView

    icon = "list-ul"
    add_to_settings_menu = True
    form_fields = ["label", "sort_order", "archived"]
    list_display = ["label", "archived", "sort_order"]
    list_filter = ["archived"]


@hooks.register("register_admin_viewset")
def register_need_categories():
    return ManagedListViewSet("need_categories", model=NeedCategory,
                              menu_label=_("Categorieën van noden"))


@hooks.register("register_admin_viewset")
def register_referral_sources():
    return ManagedListViewSet("referral_sources", model=ReferralSource,
                              menu_label=_("Doorverwijzers"))


@hooks.register("register_reports_menu_item")
def register_inflow_figures():
    return RuleMenuItem(_("Instroom van nieuwe inwoners"), reverse("backoffice_inflow_figures"),
                        icon_name="table", order=12,
                        shown_to=has_permission("backoffice.view_newresident"))


@hooks.register("register_admin_viewset")
def register_new_residents():
    return NewResidentViewSet("new_residents", add_to_admin_menu=True, menu_order=202)


@hooks.register("register_admin_viewset")
def register_inflow_imports():
    return InflowImportViewSet("inflow_imports")


@hooks.register("register_admin_viewset")
def register_letter_texts():
    return LetterTextViewSet("letter_texts")


hooks.register("register_bulk_action", OutreachBulkAction)
hooks.register("register_bulk_action", LettersBulkAction)


@hooks.register("register_log_actions")
def register_inflow_log_actions(actions):
    actions.register_action("onthaal.letter_printed", _("Uitnodigingsbrief gemaakt"),
                            _("Uitnodigingsbrief gemaakt"))
