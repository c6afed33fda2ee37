from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Onthaal"

    def ready(self):
        from portal.setup import ensure_locales_and_groups

        # Without a sender: the admin's permissions exist only after its own post_migrate.
        post_migrate.connect(ensure_locales_and_groups, dispatch_uid="onthaal_setup")
