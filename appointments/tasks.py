"""Mails about a request, sent in the background (tasks API). Each is sent at most once:
the request's markers are set in the transaction that sends, under a row lock. A failed
delivery is tried again later (portal.failure.retry_mail_later)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from appointments.calendar import invitation
from appointments.models import AppointmentRequest, RequestEvent
from appointments.services import link_token
from appointments.sms import get_sender
from portal import roles
from portal.failure import MAIL_ERRORS, retry_mail_later

logger = logging.getLogger(__name__)


def private_link(request):
    path = reverse("appointments:status", kwargs={"token": link_token(request)})
    return request.municipality.portal_url + path


def locked_request(**filters):
    """The request, locked until the task's transaction ends: one sender at a time."""
    return (
        AppointmentRequest.objects.select_for_update(of=("self",))
        .select_related("municipality__site", "slot")
        .filter(**filters)
        .first()
    )


def mail_person(request, subject, context):
    """The mail to the person (in the active language), with the .ics when a slot is booked."""
    message = EmailMessage(
        subject=subject,
        body=render_to_string("appointments/mail/confirmation.txt", context),
        to=[request.email],
        reply_to=[request.municipality.email],
    )
    if request.slot_id:
        message.attach("onthaalgesprek.ics", invitation(request), "text/calendar")
    message.send()


@task()
def send_confirmation(request_pk, attempt=1):
    """The confirmation to the person, in the language of their form, by e-mail or SMS."""
    try:
        _send_confirmation(request_pk)
    except MAIL_ERRORS as error:
        retry_mail_later(send_confirmation, [request_pk], attempt=attempt, error=error)


def _send_confirmation(request_pk):
    with transaction.atomic():
        request = locked_request(pk=request_pk)
        if request is None or request.confirmation_sent_at or request.anonymised_at:
            return
        with translation.override(request.language):
            link = private_link(request)
            context = {"request": request, "link": link,
                       "municipality": request.municipality}
            sent = False
            if request.email:
                subject = _("Uw aanvraag %(reference)s is ontvangen") % {
                    "reference": request.reference}
                mail_person(request, subject, context)
                sent = True
            sender = get_sender()
            if sender is not None and request.phone and "sms" in request.contact_methods:
                text = render_to_string("appointments/mail/confirmation_sms.txt", context)
                try:
                    sender.send(request.phone, text)
                    sent = True
                except MAIL_ERRORS:
                    # After the mail went, a retry would send the mail twice.
                    if not sent:
                        raise
                    logger.warning("Confirmation SMS failed (request %s); the mail went",
                                   request.pk)
        if sent:
            request.confirmation_sent_at = timezone.now()
            request.save(update_fields=["confirmation_sent_at"])
            RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.CONFIRMATION_SENT)


def staff_to_notify(municipality):
    """Active toeleiders and coordinators of the municipality with an e-mail address."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, municipalities=municipality,
            groups__name__in=[roles.TOELEIDER, roles.COORDINATOR],
        )
        .exclude(email="")
        .distinct()
    )


@task()
def notify_staff(request_pk, attempt=1):
    """Tell the municipality's toeleiders that a request came in: a link, no personal data."""
    try:
        _notify_staff(request_pk)
    except MAIL_ERRORS as error:
        retry_mail_later(notify_staff, [request_pk], attempt=attempt, error=error)


def _notify_staff(request_pk):
    with transaction.atomic():
        request = locked_request(pk=request_pk)
        if request is None or request.staff_notified_at:
            return
        recipients = list(staff_to_notify(request.municipality).values_list("email", flat=True))
        if recipients:
            link = settings.WAGTAILADMIN_BASE_URL + reverse(
                "backoffice_case", args=[request.pk]
            )
            with translation.override(settings.LANGUAGE_CODE):
                EmailMessage(
                    subject=_("Nieuwe aanvraag voor een onthaalgesprek (%(municipality)s)")
                    % {"municipality": request.municipality.name},
                    body=render_to_string(
                        "appointments/mail/staff_notification.txt",
                        {"request": request, "link": link},
                    ),
                    to=recipients,
                ).send()
        request.staff_notified_at = timezone.now()
        request.save(update_fields=["staff_notified_at"])
        RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.STAFF_NOTIFIED)


@task()
def send_appointment(request_pk, slot_pk, attempt=1):
    """Mail the person their (new or moved) appointment with the .ics; once per slot."""
    try:
        _send_appointment(request_pk, slot_pk)
    except MAIL_ERRORS as error:
        retry_mail_later(send_appointment, [request_pk, slot_pk], attempt=attempt, error=error)


def _send_appointment(request_pk, slot_pk):
    with transaction.atomic():
        request = locked_request(pk=request_pk, slot_id=slot_pk)
        if request is None or not request.email or request.events.filter(
            kind=RequestEvent.Kind.APPOINTMENT_SENT, note=str(slot_pk)
        ).exists():
            return
        with translation.override(request.language):
            context = {"request": request, "link": private_link(request),
                       "municipality": request.municipality}
            subject = _("Uw afspraak voor een onthaalgesprek (%(reference)s)") % {
                "reference": request.reference}
            mail_person(request, subject, context)
        RequestEvent.objects.create(
            request=request, kind=RequestEvent.Kind.APPOINTMENT_SENT, note=str(slot_pk)
        )
