from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """The shared database of good practices (fiches)."""

    name = "practices"
    verbose_name = _("Praktijkendatabank")

    def ready(self):
        from practices import search, workflow  # noqa: F401 (signal receivers)
        from practices.setup import ensure_practice_database

        post_migrate.connect(ensure_practice_database, dispatch_uid="practices_setup")
