"""Admin URLs and menu items of the person's rights and the access log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from backoffice.privacy import views
from portal.menus import RuleMenuItem, has_permission


@hooks.register("register_admin_urls")
def register_privacy_urls():
    # Erasure sits under privacy/: "cases/<pk>/<action>/" belongs to the case page's actions.
    return [
        path("cases/<int:pk>/data.json", views.data_json, name="backoffice_case_data_json"),
        path("cases/<int:pk>/data.pdf", views.data_pdf, name="backoffice_case_data_pdf"),
        path("cases/<int:pk>/privacy/erase/", views.erase, name="backoffice_case_erase"),
        path("inflow/residents/<int:pk>/data.json", views.resident_data_json,
             name="backoffice_resident_data_json"),
        path("inflow/residents/<int:pk>/data.pdf", views.resident_data_pdf,
             name="backoffice_resident_data_pdf"),
        path("inflow/residents/<int:pk>/privacy/erase/", views.resident_erase,
             name="backoffice_resident_erase"),
        path("reports/access-log/", views.AccessLogView.as_view(), name="backoffice_access_log"),
        path("reports/access-log/results/", views.AccessLogView.as_view(results_only=True),
             name="backoffice_access_log_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_access_log_menu_item():
    return RuleMenuItem(_("Inzage in persoonsgegevens"), reverse("backoffice_access_log"),
                        icon_name="view", order=20,
                        shown_to=has_permission(views.VIEW_ACCESS_LOG))
