from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy

from appointments.models import Slot
from portal.scoping import MunicipalityScopedForm, MunicipalityScopedPolicy, ScopedViewSet

# Registered before any view asks for Slot's policy (see wagtail.permissions).
register_permission_policy(Slot, MunicipalityScopedPolicy(Slot))


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


@hooks.register("register_admin_viewset")
def register_slot_viewset():
    return SlotViewSet("slots")
