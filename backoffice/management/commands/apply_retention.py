"""Remove personal data that is past its retention period (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from backoffice.privacy.retention import apply_retention
from backoffice.privacy.tasks import apply_retention_task
from portal.management.dates import day


class Command(BaseCommand):
    help = ("Anonymise closed cases and new-resident records past their municipality's "
            "retention period.")

    def add_arguments(self, parser):
        parser.add_argument("--date", type=day, metavar="YYYY-MM-DD",
                            help="Count the retention periods from this day instead of today "
                                 "(to catch up on missed days).")
        parser.add_argument("--enqueue", action="store_true",
                            help="Leave the work to the task worker instead of doing it now.")

    def handle(self, *args, **options):
        today = options["date"]
        if options["enqueue"]:
            result = apply_retention_task.enqueue(today.isoformat() if today else None)
            self.stdout.write(f"Retention task queued ({result.id}).")
            return
        counts = apply_retention(today)
        self.stdout.write(f"{counts['cases']} cases anonymised.")
        self.stdout.write(f"{counts['residents']} new-resident records anonymised.")
