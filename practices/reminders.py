"""Fiches are checked at least once a year: which ones are overdue, and the moderators'
digest (run daily, e.g. from cron through the send_review_reminders command)."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.db.models.functions import Coalesce, TruncDate
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from portal import roles
from practices.models import PracticePage

REVIEW_DAYS = 365


def review_cutoff(today):
    return today - timedelta(days=REVIEW_DAYS)


def unreviewed_practices(today=None):
    """Live fiches never reviewed or reviewed more than a year ago, oldest first (report)."""
    cutoff = review_cutoff(today or timezone.localdate())
    return _oldest_first(
        PracticePage.objects.live().filter(Q(last_reviewed__isnull=True)
                                           | Q(last_reviewed__lt=cutoff))
    )


def overdue_practices(today=None):
    """Live fiches due for a reminder: reviewed more than a year ago, or never reviewed and
    first published more than a year ago."""
    cutoff = review_cutoff(today or timezone.localdate())
    published_before = timezone.make_aware(datetime.combine(cutoff, time.min))
    return _oldest_first(PracticePage.objects.live().filter(
        Q(last_reviewed__lt=cutoff)
        | Q(last_reviewed__isnull=True, first_published_at__lt=published_before)
    ))


def _oldest_first(queryset):
    return queryset.annotate(
        reviewed_or_published=Coalesce("last_reviewed", TruncDate("first_published_at"))
    ).order_by("reviewed_or_published", "title")


def edit_url(page):
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])


def moderators():
    return (
        get_user_model().objects.filter(is_active=True, groups__name=roles.MODERATOR)
        .exclude(email="").distinct().order_by("pk")
    )


def send_review_reminders(today=None):
    """Mail each moderator one digest of the overdue fiches; nothing when none is overdue.
    Returns the number of mails sent."""
    practices = list(overdue_practices(today))
    if not practices:
        return 0
    for practice in practices:
        practice.edit_url = edit_url(practice)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Praktijkfiches na te kijken (%(count)s)") % {"count": len(practices)}
        for user in moderators():
            body = render_to_string(
                "practices/mail/review_reminder.txt", {"user": user, "practices": practices}
            )
            # One mail per moderator: no one sees the others' addresses.
            EmailMessage(subject=subject, body=body, to=[user.email]).send()
            sent += 1
    return sent


@task()
def send_review_reminders_task(today=None):
    """The digest as background work; `today` is an ISO date ("2027-03-01") or None."""
    return send_review_reminders(date.fromisoformat(today) if today else None)
