from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from appointments.models import ReferralSource, RequestEvent
from backoffice import views
from backoffice.models import NeedCategory
from backoffice.permissions import can_work_on_cases


@hooks.register("register_admin_urls")
def register_case_urls():
    return [
        path("cases/new/", views.desk_registration, name="backoffice_desk_registration"),
        path("cases/<int:pk>/", views.case_detail, name="backoffice_case"),
        path("cases/<int:pk>/<slug:action>/", views.case_action, name="backoffice_case_action"),
    ]


class DeskRegistrationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_work_on_cases(request.user)


@hooks.register("register_admin_menu_item")
def register_desk_registration_menu_item():
    return DeskRegistrationMenuItem(
        _("Registratie aan de balie"), reverse("backoffice_desk_registration"),
        icon_name="user", order=205,
    )


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    for kind in RequestEvent.Kind:
        actions.register_action(f"onthaal.{kind.value}", kind.label, kind.label)


class ManagedListViewSet(ModelViewSet):
    """Lists coordinators keep; items in use are archived, never deleted with cases."""

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
