"""Load the demo: fictional municipalities, staff, portals. Running it twice changes nothing."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings


class Command(BaseCommand):
    help = "Load clearly fictional demo data. Each app contributes its part in its demo.py."

    def handle(self, *args, **options):
        if not settings.ONTHAAL_DEMO_ALLOWED:
            raise CommandError(
                "Demo data has known passwords and is refused under these settings."
            )
        summary = []
        # Index once at the end instead of after every save: much faster.
        no_auto_update = {
            name: {**backend, "AUTO_UPDATE": False}
            for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        with override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update), transaction.atomic():
            for app_config in apps.get_app_configs():
                try:
                    module = import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_config.name}.demo":
                        raise
                    continue
                summary.extend(module.load() or [])
        call_command("update_index", verbosity=0)
        for line in summary:
            self.stdout.write(line)
