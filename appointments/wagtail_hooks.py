from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy

from appointments.models import AppointmentRequest, Slot
from portal.scoping import (
    MunicipalityScopedForm,
    MunicipalityScopedPolicy,
    ScopedViewSet,
    municipalities_of,
)

# Registered before any view asks for Slot's policy (see wagtail.permissions).
register_permission_policy(Slot, MunicipalityScopedPolicy(Slot))

# What a booked slot keeps: the person was told this time and municipality.
FIXED_WHEN_BOOKED = ["starts_at", "ends_at", "municipality"]


def booking_of(slot):
    """The request that booked this slot, or None."""
    if slot.pk is None:
        return None
    return AppointmentRequest.objects.filter(slot=slot).only("reference").first()


class SlotForm(MunicipalityScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "toeleider" in self.fields and self.for_user is not None:
            # Active staff of the user's municipalities; the current toeleider stays choosable.
            staff = Q(is_active=True, municipalities__in=municipalities_of(self.for_user))
            if self.instance.toeleider_id:
                staff |= Q(pk=self.instance.toeleider_id)
            self.fields["toeleider"].queryset = (
                get_user_model().objects.filter(staff).distinct()
                .order_by("first_name", "last_name", "username")
            )
        if not self.instance.pk and self.for_user is not None:
            self.fields["toeleider"].initial = self.for_user.pk

    def clean(self):
        cleaned = super().clean()
        changed = [name for name in FIXED_WHEN_BOOKED if name in self.changed_data]
        booking = booking_of(self.instance) if changed else None
        if booking is not None:
            self.add_error(None, gettext(
                "Dit afspraakmoment is geboekt (aanvraag %(reference)s). Begin, einde en "
                "gemeente kunnen niet meer veranderen; plan de aanvraag eerst op een ander "
                "moment."
            ) % {"reference": booking.reference})
        return cleaned


class SlotIndexView(ScopedViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("municipality", "toeleider")


class SlotDeleteView(ScopedViewSet.delete_view_class):
    """A booked slot is not deleted: the request would silently lose its appointment."""

    def get(self, request, *args, **kwargs):
        booking = booking_of(self.object)
        if booking is not None:
            return self.refuse(booking)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        with transaction.atomic():
            # The lock a booking takes too (lock_free_slot): no booking slips in meanwhile.
            Slot.objects.select_for_update().filter(pk=self.object.pk).first()
            booking = booking_of(self.object)
            if booking is not None:
                return self.refuse(booking)
            return super().form_valid(form)

    def refuse(self, booking):
        messages.error(self.request, gettext(
            "Dit afspraakmoment is geboekt (aanvraag %(reference)s) en kan niet verwijderd "
            "worden. Plan de aanvraag eerst op een ander moment."
        ) % {"reference": booking.reference})
        return redirect(self.get_success_url())


class SlotViewSet(ScopedViewSet):
    """Appointment slots that toeleiders publish; newcomers book free ones in the form."""

    model = Slot
    icon = "date"
    menu_label = _("Afspraakmomenten")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = SlotIndexView
    delete_view_class = SlotDeleteView
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
