"""The rules of a request for a welcome conversation, shared by views, admin and commands."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from appointments.choices import Status
from appointments.models import AppointmentRequest, ReferenceSequence, RequestEvent, Slot
from appointments.signals import request_submitted

LINK_SALT = "appointments.request-link"


class SlotTaken(Exception):
    """The chosen slot was booked by someone else a moment earlier."""


class RequestNotOpen(Exception):
    """The request is closed or cancelled: it can no longer be changed online."""


def next_reference(year=None):
    """The next human reference of the year, e.g. ONT-2026-0042; gaps never, doubles never."""
    year = year or timezone.localdate().year
    with transaction.atomic():
        ReferenceSequence.objects.get_or_create(year=year)
        sequence = ReferenceSequence.objects.select_for_update().get(year=year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
    return f"ONT-{year}-{sequence.last_number:04d}"


def consent_text(municipality):
    """The consent sentence as the person reads it (active language); stored as given."""
    return _(
        "Ik geef de gemeente %(municipality)s de toestemming om mijn gegevens te bewaren en te "
        "gebruiken om mij te contacteren voor een onthaalgesprek en om mij daarna verder te "
        "helpen."
    ) % {"municipality": municipality.name}


def submit_request(*, municipality, fields, language, submission_key, slot=None):
    """Save an online request with its consent, reference and (optional) slot.

    Returns (request, created). Sending the same form twice returns the first request.
    Raises SlotTaken when the slot was booked by someone else first; then nothing is saved.
    """
    existing = AppointmentRequest.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            request = AppointmentRequest(
                municipality=municipality,
                language=language,
                submission_key=submission_key,
                reference=next_reference(),
                access_key=AppointmentRequest.new_access_key(),
                consent_given_at=timezone.now(),
                consent_text=consent_text(municipality),
                **fields,
            )
            if slot is not None:
                request.slot = lock_free_slot(slot, municipality)
                request.status = Status.SCHEDULED
            request.save()
            RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.CREATED)
            # In the same transaction: the back office links a letter's addressees.
            request_submitted.send(sender=AppointmentRequest, request=request)
            if request.slot_id:
                RequestEvent.objects.create(
                    request=request, kind=RequestEvent.Kind.SLOT_BOOKED, note=str(request.slot)
                )
            transaction.on_commit(lambda: enqueue_mails(request.pk))
    except IntegrityError:
        # The same form, sent twice at the same moment: the first one won.
        existing = AppointmentRequest.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing, False
        if slot is not None:
            raise SlotTaken from None
        raise
    return request, True


def lock_free_slot(slot, municipality):
    """The slot, locked for this transaction, if it is still free and has not started yet;
    else SlotTaken. No notice here: the form offers slots a day ahead, staff any later one."""
    locked = (
        Slot.objects.bookable(municipality, notice=timedelta(0))
        .select_for_update(of=("self",))
        .filter(pk=slot.pk)
        .first()
    )
    # Checked after the lock: a booking committed meanwhile is visible now.
    if locked is None or AppointmentRequest.objects.filter(slot=locked).exists():
        raise SlotTaken
    return locked


def enqueue_mails(request_pk):
    from appointments.tasks import notify_staff, send_confirmation

    send_confirmation.enqueue(request_pk)
    notify_staff.enqueue(request_pk)


def link_token(request):
    """The private, signed link token of a request: no account, no personal data in it."""
    return signing.dumps([request.pk, request.access_key], salt=LINK_SALT)


def request_for_token(token):
    """The request a link token opens, or None when it is invalid, expired or revoked."""
    try:
        pk, key = signing.loads(
            token, salt=LINK_SALT, max_age=settings.ONTHAAL_REQUEST_LINK_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    request = AppointmentRequest.objects.filter(pk=pk).select_related(
        "municipality", "slot"
    ).first() if isinstance(pk, int) else None
    if request is None or not request.link_works or not isinstance(key, str):
        return None
    if not constant_time_compare(request.access_key, key):
        return None
    return request


@transaction.atomic
def cancel_request(request):
    """The person cancels: the slot is freed; the link keeps showing that it is cancelled."""
    request = AppointmentRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise RequestNotOpen
    request.status = Status.CANCELLED
    request.closed_at = timezone.now()
    request.slot = None
    request.save(update_fields=["status", "closed_at", "slot", "updated_at"])
    RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.CANCELLED,
                                status=Status.CANCELLED)
    return request


@transaction.atomic
def add_information(request, text):
    """The person adds something to their request through the private link."""
    request = AppointmentRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise RequestNotOpen
    stamp = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    addition = f"[{stamp}] {text.strip()}"
    request.extra_information = "\n\n".join(
        part for part in [request.extra_information, addition] if part
    )
    request.save(update_fields=["extra_information", "updated_at"])
    RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.INFORMATION_ADDED)
    return request


def next_steps(request):
    """What happens next, in the reader's language, for the confirmation page and mail."""
    if request.slot_id:
        return _("Uw gesprek is gepland. Kunt u niet komen? Annuleer dan via uw persoonlijke link.")
    return _(
        "Een medewerker neemt binnen %(days)s werkdagen contact met u op, in de taal die u "
        "koos of met een tolk."
    ) % {"days": request.municipality.response_days}
