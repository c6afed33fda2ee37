"""Removing personal data: after the municipality's retention period, or at once on request.

What goes: what names or reaches the person (PERSONAL_FIELDS), the key of their private
link, and the free texts staff wrote about them (notes of contact attempts, needs in own
words, the purpose of referrals). What stays: the statistical fields, dates, statuses,
conversations with their themes and need categories, referrals' partner and status, and
the timeline, so that the monitoring counts are the same before and after.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from appointments.choices import Status
from appointments.models import AppointmentRequest, RequestEvent
from backoffice.inflow.figures import shift_months, start_of_day
from backoffice.inflow.services import (
    anonymise_due_residents,
    anonymise_residents,
    own_records,
)
from backoffice.models import (
    ContactAttempt,
    Conversation,
    NewResident,
    PersonalDataAccess,
    Referral,
)
from backoffice.services import _record, record_access

# Cases in these statuses are finished: their retention period runs from `closed_at`.
FINISHED = [Status.CLOSED, Status.CANCELLED]

# Cases anonymised per round trip: a few queries per batch, whatever the total.
BATCH_SIZE = 1000


def anonymise_cases(queryset, *, user=None, reason):
    """Remove the personal data of the cases in `queryset` not anonymised yet, with a line on
    each one's timeline saying why. Set-based: a handful of queries per batch of cases.
    Returns how many cases were anonymised."""
    ids = list(queryset.filter(anonymised_at__isnull=True).order_by()
               .values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        _anonymise_batch(ids[start:start + BATCH_SIZE], user, reason)
    return len(ids)


@transaction.atomic
def _anonymise_batch(ids, user, reason):
    now = timezone.now()
    blank = dict.fromkeys(AppointmentRequest.PERSONAL_FIELDS, "")
    AppointmentRequest.objects.filter(pk__in=ids).update(
        **blank, access_key="", anonymised_at=now, updated_at=now
    )
    ContactAttempt.objects.filter(request_id__in=ids).exclude(note="").update(note="")
    Conversation.objects.filter(request_id__in=ids).exclude(needs_text="").update(needs_text="")
    Referral.objects.filter(conversation__request_id__in=ids).exclude(purpose="").update(
        purpose="")
    RequestEvent.objects.bulk_create([
        RequestEvent(request_id=pk, at=now, kind=RequestEvent.Kind.ANONYMISED, actor=user,
                     note=reason[:250])
        for pk in ids
    ])


def anonymise_due_cases(today=None):
    """Anonymise the finished cases whose municipality's retention period has passed,
    counted from the day they were closed or cancelled (a case closed on the day exactly
    that many months ago is kept until the next day), and the cases nobody closed but
    nobody touched either for that long: those are closed first."""
    from portal.models import Municipality

    today = today or timezone.localdate()
    done = 0
    for municipality in Municipality.objects.all():
        cutoff = start_of_day(shift_months(today, -municipality.case_retention_months))
        cases = AppointmentRequest.objects.filter(municipality=municipality)
        done += anonymise_cases(cases.filter(status__in=FINISHED, closed_at__lt=cutoff),
                                reason=_("bewaartermijn verstreken"))
        untouched = cases.exclude(status__in=FINISHED).filter(
            updated_at__lt=cutoff, anonymised_at__isnull=True)
        done += anonymise_cases(close_untouched(untouched),
                                reason=_("bewaartermijn verstreken zonder activiteit"))
    return done


def close_untouched(cases):
    """Close open cases that nobody worked on for the whole retention period, with a line
    on their timeline; returns them as a queryset."""
    now, ids = timezone.now(), list(cases.values_list("pk", flat=True))
    events = [
        RequestEvent(request_id=pk, at=now, kind=RequestEvent.Kind.STATUS_CHANGED,
                     status=Status.CLOSED,
                     note=f"{Status(status).label} → {Status.CLOSED.label}")
        for pk, status in cases.values_list("pk", "status")
    ]
    with transaction.atomic():
        AppointmentRequest.objects.filter(pk__in=ids).update(
            status=Status.CLOSED, closed_at=now, slot=None, updated_at=now)
        RequestEvent.objects.bulk_create(events)
    return AppointmentRequest.objects.filter(pk__in=ids)


def apply_retention(today=None):
    """Everything past its retention period: finished cases and new-resident records."""
    return {"cases": anonymise_due_cases(today), "residents": anonymise_due_residents(today)}


@transaction.atomic
def erase_person(case, user):
    """The person asks to be forgotten: their case is anonymised now, whatever its status,
    with their own records of the new-resident list (not their household's). An open case
    is closed first, so that its appointment slot is free again."""
    case = AppointmentRequest.objects.select_for_update().get(pk=case.pk)
    if case.status not in FINISHED:
        old = Status(case.status).label
        case.status, case.closed_at, case.slot = Status.CLOSED, timezone.now(), None
        case.save(update_fields=["status", "closed_at", "slot", "updated_at"])
        _record(case, RequestEvent.Kind.STATUS_CHANGED, user, f"{old} → {Status.CLOSED.label}",
                status=Status.CLOSED)
    anonymise_cases(AppointmentRequest.objects.filter(pk=case.pk), user=user,
                    reason=_("op verzoek van de persoon"))
    anonymise_residents(NewResident.objects.filter(pk__in=[r.pk for r in own_records(case)]))
    log(instance=case, action=f"onthaal.{RequestEvent.Kind.ANONYMISED.value}", user=user)
    record_access(user, case, PersonalDataAccess.Action.ERASE)
    case.refresh_from_db()
    return case


@transaction.atomic
def erase_resident(resident, user):
    """Someone on the new-resident list asks to be forgotten: their record is anonymised
    now. A case linked to it has its own erasure. Returns False if it was already done."""
    erased = anonymise_residents(NewResident.objects.filter(pk=resident.pk)) > 0
    if erased:
        record_access(user, resident=resident, action=PersonalDataAccess.Action.ERASE)
    return erased
