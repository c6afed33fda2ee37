from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """The shared database of good practices (fiches)."""

    name = "practices"
    verbose_name = _("Praktijkendatabank")
