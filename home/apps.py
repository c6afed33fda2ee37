from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The public portal pages of each municipality."""

    name = "home"
    verbose_name = _("Portaal")

    def ready(self):
        from home import signals

        signals.connect()
