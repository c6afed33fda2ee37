from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    """The newcomer's request for a welcome conversation."""

    name = "appointments"
    verbose_name = _("Aanvragen")
