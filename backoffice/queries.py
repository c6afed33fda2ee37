"""Lists and counts of the back office, always within the user's municipalities."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from appointments.choices import Status
from appointments.models import AppointmentRequest
from backoffice.models import Conversation, Referral

WAITING_REFERRAL_STATUSES = [Referral.Status.PROPOSED, Referral.Status.MADE,
                             Referral.Status.CONFIRMED]


def working_days_before(day, count):
    """The date `count` working days (Monday to Friday) before `day`."""
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def follow_ups_due(user, until=None):
    """Conversations whose follow-up date has come and that nobody followed up yet."""
    until = until or timezone.localdate()
    return (
        Conversation.objects.filter(
            request__in=AppointmentRequest.objects.for_user(user),
            follow_up_on__lte=until, follow_up_done_at__isnull=True,
        )
        .exclude(follow_up=Conversation.FollowUp.NONE)
        .select_related("request__municipality", "by")
        .order_by("follow_up_on")
    )


def referrals_waiting(user):
    """Referrals that have no feedback from the partner yet."""
    return (
        Referral.objects.filter(
            conversation__request__in=AppointmentRequest.objects.for_user(user),
            status__in=WAITING_REFERRAL_STATUSES,
        )
        .select_related("partner", "conversation__request__municipality", "conversation__by")
        .order_by("conversation__held_on")
    )


def waiting_too_long(user, today=None):
    """New requests older than their municipality's answer target (in working days)."""
    today = today or timezone.localdate()
    from portal.models import Municipality

    late = Q(pk__in=[])
    for municipality_id, days in Municipality.objects.for_user(user).values_list(
        "pk", "response_days"
    ):
        limit = working_days_before(today, days)
        late |= Q(municipality_id=municipality_id, created_at__date__lt=limit)
    return AppointmentRequest.objects.for_user(user).filter(late, status=Status.NEW)


def dashboard_counts(user, now=None):
    now = timezone.localtime(now)
    today = now.date()
    week_end = today + timedelta(days=6 - today.weekday())
    mine = AppointmentRequest.objects.for_user(user).filter(
        Q(assigned_to=user) | Q(slot__toeleider=user), slot__isnull=False
    )
    return {
        "new": AppointmentRequest.objects.for_user(user).filter(status=Status.NEW).count(),
        "today": mine.filter(slot__starts_at__date=today).count(),
        "this_week": mine.filter(slot__starts_at__date__range=(today, week_end)).count(),
        "follow_ups_due": follow_ups_due(user, today).count(),
        "waiting_too_long": waiting_too_long(user, today).count(),
    }
