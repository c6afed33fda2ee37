from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from appointments.models import AppointmentRequest, Slot
from portal.scoping import (
    MunicipalityScopedForm,
    MunicipalityScopedPolicy,
    own_municipality_only,
)

# Registered before any view asks for these models' policies (see wagtail.permissions).
register_permission_policy(Slot, MunicipalityScopedPolicy(Slot))


class RequestPolicy(MunicipalityScopedPolicy):
    """The list only reads: requests come from the form or desk registration, and every
    change goes through the case page, which follows the rules in backoffice/services.py."""

    READ_ONLY = ("view",)

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [a for a in actions if a in self.READ_ONLY]
        )


register_permission_policy(AppointmentRequest, RequestPolicy(AppointmentRequest))


class ScopedViewSet(ModelViewSet):
    """A model viewset that shows and opens only objects of the user's municipalities."""

    index_view_class = own_municipality_only(ModelViewSet.index_view_class)
    edit_view_class = own_municipality_only(ModelViewSet.edit_view_class)
    delete_view_class = own_municipality_only(ModelViewSet.delete_view_class)
    inspect_view_class = own_municipality_only(ModelViewSet.inspect_view_class)
    history_view_class = own_municipality_only(ModelViewSet.history_view_class)
    usage_view_class = own_municipality_only(ModelViewSet.usage_view_class)
    copy_view_class = own_municipality_only(ModelViewSet.copy_view_class)


class SlotForm(MunicipalityScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.for_user is not None:
            self.fields["toeleider"].initial = self.for_user.pk


class SlotViewSet(ScopedViewSet):
    """Appointment slots that toeleiders publish; newcomers book free ones in the form."""

    model = Slot
    icon = "date"
    menu_label = _("Afspraakmomenten")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "municipality", "toeleider", "place"]
    list_filter = ["municipality", "kind"]
    ordering = ["starts_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("municipality"),
            FieldPanel("toeleider"),
            MultiFieldPanel(
                [FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Wanneer")
            ),
            FieldPanel("kind"),
            FieldPanel("place"),
            FieldPanel("languages"),
        ],
        base_form_class=SlotForm,
    )


class AppointmentRequestViewSet(ScopedViewSet):
    """Requests of the user's municipalities. Personal details only on the request's page."""

    model = AppointmentRequest
    icon = "mail"
    menu_label = _("Aanvragen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [TitleColumn("reference", label=_("Referentie"), url_name="backoffice_case"),
                    "status", "channel", "municipality", "contact_language",
                    "created_at"]
    list_filter = ["status", "channel", "municipality", "needs_interpreter"]
    search_fields = ["reference"]
    form_fields = ["status", "assigned_to"]
    ordering = ["-created_at"]


@hooks.register("register_admin_viewset")
def register_slot_viewset():
    return SlotViewSet("slots")


@hooks.register("register_admin_viewset")
def register_request_viewset():
    return AppointmentRequestViewSet("appointment_requests")
