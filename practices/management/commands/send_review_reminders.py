"""Mail the moderators which fiches are overdue for their yearly check (run monthly)."""

from django.core.management.base import BaseCommand

from portal.management.dates import day
from practices.reminders import send_review_reminders, send_review_reminders_task


class Command(BaseCommand):
    help = ("Send each moderator one digest of the live fiches not reviewed for more than a "
            "year; nothing is sent when none is overdue.")

    def add_arguments(self, parser):
        parser.add_argument("--date", type=day, metavar="YYYY-MM-DD",
                            help="Count the year from this day instead of today.")
        parser.add_argument("--enqueue", action="store_true",
                            help="Leave the work to the task worker instead of doing it now.")

    def handle(self, *args, **options):
        today = options["date"]
        if options["enqueue"]:
            result = send_review_reminders_task.enqueue(today.isoformat() if today else None)
            self.stdout.write(f"Review reminder task queued ({result.id}).")
            return
        sent = send_review_reminders(today)
        self.stdout.write(f"{sent} review reminders sent.")
