from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """What staff do after a request exists: cases, inflow, monitoring, retention."""

    name = "backoffice"
    verbose_name = _("Backoffice")
