"""Retention as background work: a worker (or cron through the command) runs it daily."""

from datetime import date

from django_tasks import task

from backoffice.privacy.retention import apply_retention


@task()
def apply_retention_task(today=None):
    """Anonymise what is past its retention period. `today` is an ISO date ("2027-03-01")
    to count from another day than today; the result is {"cases": n, "residents": m}."""
    return apply_retention(date.fromisoformat(today) if today else None)
