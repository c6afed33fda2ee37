"""Rebuild the search entries of all live fiches, e.g. after a change to what is indexed."""

from django.core.management.base import BaseCommand
from django.db import transaction

from practices.models import PracticePage, PracticeSearchEntry
from practices.search import index_practice


class Command(BaseCommand):
    help = "Rebuild the search entries of every published practice fiche."

    def handle(self, *args, **options):
        live = PracticePage.objects.live().prefetch_related(
            "policy_domains", "target_groups", "applied_in"
        ).select_related("category")
        with transaction.atomic():
            # Entries of fiches that are no longer published are not found any more.
            removed, _ = PracticeSearchEntry.objects.exclude(page__in=live.values("pk")).delete()
            count = 0
            for page in live.iterator(chunk_size=200):
                index_practice(page)
                count += 1
        self.stdout.write(f"{count} fiches indexed, {removed} stale entries removed.")
