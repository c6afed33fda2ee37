"""Remove personal data that is past its retention period (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from backoffice.inflow.services import anonymise_due_residents


class Command(BaseCommand):
    help = "Anonymise new-resident records past their municipality's retention period."

    def handle(self, *args, **options):
        count = anonymise_due_residents()
        self.stdout.write(f"{count} new-resident records anonymised.")
