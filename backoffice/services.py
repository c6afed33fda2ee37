"""The toeleiders' work on a request ("case"). Views, admin actions and commands call these.

Every change is written to the request's timeline (RequestEvent) and to Wagtail's log.
"""

from datetime import datetime, time

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from appointments.choices import Channel, Status
from appointments.models import AppointmentRequest, RequestEvent
from backoffice.inflow.figures import BELGIAN_TIME
from backoffice.models import ContactAttempt, Conversation, PersonalDataAccess, Referral

# Which status may follow which. Anything else is refused with a message.
TRANSITIONS = {
    Status.NEW: {Status.CONTACTED, Status.SCHEDULED, Status.HELD, Status.CLOSED,
                 Status.CANCELLED},
    Status.CONTACTED: {Status.SCHEDULED, Status.HELD, Status.CLOSED, Status.CANCELLED},
    Status.SCHEDULED: {Status.HELD, Status.NO_SHOW, Status.CANCELLED, Status.CONTACTED},
    Status.HELD: {Status.SCHEDULED, Status.CLOSED},
    Status.NO_SHOW: {Status.CONTACTED, Status.SCHEDULED, Status.CLOSED},
    Status.CANCELLED: {Status.NEW},  # reopen
    Status.CLOSED: {Status.CONTACTED},  # reopen
}


class TransitionNotAllowed(Exception):
    pass


class EditConflict(Exception):
    """Someone else saved the case after this form was opened."""


def can_change(current, new):
    return new in TRANSITIONS.get(current, set())


def _record(request, kind, user, note="", status=""):
    RequestEvent.objects.create(request=request, kind=kind, actor=user, note=note[:250],
                                status=status)
    log(instance=request, action=f"onthaal.{kind}", user=user)


def mark_reached(request, at):
    """The person counts as reached at their first successful contact: keep the earliest.

    A conversation written down later with an earlier date moves it back, but never to
    before the request existed.
    """
    at = max(at, request.created_at)
    AppointmentRequest.objects.filter(pk=request.pk).filter(
        Q(reached_at__isnull=True) | Q(reached_at__gt=at)
    ).update(reached_at=at)
    if request.reached_at is None or request.reached_at > at:
        request.reached_at = at


def _locked(request):
    return AppointmentRequest.objects.select_for_update().get(pk=request.pk)


@transaction.atomic
def change_status(request, new_status, user):
    request = _locked(request)
    if request.status == new_status:
        return request
    if not can_change(request.status, new_status):
        raise TransitionNotAllowed(
            _("Van “%(current)s” naar “%(new)s” kan niet.")
            % {"current": Status(request.status).label, "new": Status(new_status).label}
        )
    old = Status(request.status).label
    request.status = new_status
    request.closed_at = timezone.now() if new_status in {Status.CLOSED, Status.CANCELLED} else None
    if new_status in {Status.CANCELLED, Status.CLOSED, Status.NO_SHOW}:
        request.slot = None
    request.save(update_fields=["status", "closed_at", "slot", "updated_at"])
    _record(request, RequestEvent.Kind.STATUS_CHANGED, user, f"{old} → {Status(new_status).label}",
            status=new_status)
    return request


@transaction.atomic
def log_contact_attempt(request, user, *, method, reached, note=""):
    attempt = ContactAttempt.objects.create(
        request=request, by=user, method=method, reached=reached, note=note
    )
    outcome = _("bereikt") if reached else _("niet bereikt")
    _record(request, RequestEvent.Kind.CONTACT_ATTEMPT, user,
            f"{attempt.get_method_display()}: {outcome}")
    if reached:
        mark_reached(request, attempt.at)
    if reached and request.status == Status.NEW:
        change_status(request, Status.CONTACTED, user)
    return attempt


@transaction.atomic
def assign(request, assignee, user):
    request = _locked(request)
    if assignee is not None and not assignee.municipalities.filter(
        pk=request.municipality_id
    ).exists():
        raise TransitionNotAllowed(_("Deze medewerker werkt niet voor deze gemeente."))
    request.assigned_to = assignee
    request.save(update_fields=["assigned_to", "updated_at"])
    _record(request, RequestEvent.Kind.ASSIGNED, user,
            assignee.get_full_name() or assignee.username if assignee else "")
    return request


@transaction.atomic
def schedule(request, slot, user):
    """Book a slot for the person (or move their appointment) and mail them the invite."""
    from appointments.services import lock_free_slot

    request = _locked(request)
    if request.status != Status.SCHEDULED and not can_change(request.status, Status.SCHEDULED):
        raise TransitionNotAllowed(_("Voor deze aanvraag kan geen afspraak gepland worden."))
    request.slot = lock_free_slot(slot, request.municipality)
    request.status = Status.SCHEDULED
    request.save(update_fields=["slot", "status", "updated_at"])
    _record(request, RequestEvent.Kind.SLOT_BOOKED, user, str(request.slot))
    slot_pk = request.slot.pk
    transaction.on_commit(lambda: _mail_appointment(request.pk, slot_pk))
    return request


def _mail_appointment(request_pk, slot_pk):
    from appointments.tasks import send_appointment

    send_appointment.enqueue(request_pk, slot_pk)


@transaction.atomic
def record_conversation(request, user, *, fields, needs=(), referrals=()):
    """Write down a held conversation with its needs and referrals; the case is 'held'."""
    request = _locked(request)
    if request.status != Status.HELD and not can_change(request.status, Status.HELD):
        raise TransitionNotAllowed(_("Voor deze aanvraag kan geen gesprek genoteerd worden."))
    conversation = Conversation.objects.create(
        request=request, by=user,
        is_follow_up=request.conversations.exists(), **fields,
    )
    conversation.needs.set(needs)
    mark_reached(request, datetime.combine(conversation.held_on, time(12), tzinfo=BELGIAN_TIME))
    for partner, purpose in referrals:
        Referral.objects.create(conversation=conversation, partner=partner, purpose=purpose)
    if request.status != Status.HELD:
        change_status(request, Status.HELD, user)
    _record(request, RequestEvent.Kind.CONVERSATION_RECORDED, user,
            _("%(count)s doorverwijzing(en)") % {"count": len(referrals)})
    return conversation


@transaction.atomic
def update_referral(request, referral, status, user):
    """Follow a referral: made, confirmed by the partner, feedback received."""
    referral.status = status
    referral.save(update_fields=["status", "updated_at"])
    _record(request, RequestEvent.Kind.REFERRAL_UPDATED, user,
            f"{referral.partner}: {referral.get_status_display()}")
    return referral


@transaction.atomic
def mark_follow_up_done(request, conversation, user):
    conversation.follow_up_done_at = timezone.now()
    conversation.save(update_fields=["follow_up_done_at"])
    _record(request, RequestEvent.Kind.FOLLOW_UP_DONE, user)
    return conversation


@transaction.atomic
def update_contact_details(request, user, *, fields, seen_updated_at):
    """Save changed contact details unless someone else saved the case in between."""
    request = _locked(request)
    if request.updated_at != seen_updated_at:
        raise EditConflict
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()
    _record(request, RequestEvent.Kind.DETAILS_CHANGED, user)
    return request


@transaction.atomic
def open_case(*, municipality, user, fields, note=""):
    """A request made by staff, assigned to them, with its first timeline entry."""
    from appointments.services import next_reference

    request = AppointmentRequest.objects.create(
        municipality=municipality, reference=next_reference(), assigned_to=user, **fields
    )
    _record(request, RequestEvent.Kind.CREATED, user, note or Channel(request.channel).label)
    return request


def register_at_desk(*, municipality, user, fields):
    """A person met at the desk or referred by a partner: they consented in person."""
    now = timezone.now()
    return open_case(municipality=municipality, user=user, fields={
        "status": Status.CONTACTED,
        "created_at": now,
        "reached_at": now,
        "consent_given_at": now,
        "consent_text": _("Mondelinge toestemming, genoteerd door %(user)s.")
        % {"user": user.get_full_name() or user.username},
        **fields,
    })


def possible_duplicates(municipality, *, phone="", email="", name="", birth_year=None):
    """Requests of the municipality that may be the same person."""
    match = Q(pk__in=[])
    if phone:
        match |= Q(phone=phone)
    if email:
        match |= Q(email__iexact=email)
    if name and birth_year:
        match |= Q(name__iexact=name.strip(), birth_year=birth_year)
    return AppointmentRequest.objects.filter(
        match, municipality=municipality, anonymised_at__isnull=True
    ).order_by("-created_at")[:10]


def record_access(user, request=None, action=PersonalDataAccess.Action.VIEW, *, resident=None):
    """Opening, exporting or erasing someone's data: keep who, what and when."""
    subject = request or resident
    PersonalDataAccess.objects.create(user=user, request=request, resident=resident,
                                      municipality_id=subject.municipality_id, action=action)
