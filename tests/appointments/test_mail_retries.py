"""A mail server that fails: the mail tasks try again later, with growing waits, and in the
end each mail is sent exactly once."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from appointments.models import RequestEvent
from appointments.services import submit_request
from appointments.tasks import notify_staff, send_appointment, send_confirmation
from portal.failure import MAIL_BACKOFF, MAX_MAIL_ATTEMPTS, MailNotDelivered
from tests.task_queue import FlakyBackend, run
from tests.task_queue import queued as queued_in

pytestmark = pytest.mark.django_db


def queued(queue):
    return queued_in(queue, "appointments")


@pytest.fixture
def request_without_mails(heidebeek, queue):
    """A request whose mails were not sent: its commit (and so its tasks) never happens."""
    request, _created = submit_request(
        municipality=heidebeek, language="nl", submission_key=uuid.uuid4(), slot=None,
        fields={"name": "Yusuf Voorbeeld", "phone": "+32470999888", "email": "yusuf@example.org",
                "contact_language": "nl", "question": "Waar leer ik fietsen?"},
    )
    mail.outbox.clear()
    queue.clear()
    return request


def test_the_confirmation_is_retried_with_growing_waits_and_sent_once(
    queue, request_without_mails
):
    request = request_without_mails
    FlakyBackend.failures = 3
    send_confirmation.call(request.pk)
    waits = []
    while waiting := queued(queue):
        (result,) = waiting
        assert result.task.name == "send_confirmation"
        waits.append(result.task.run_after - result.enqueued_at)
        run(result)
    assert len(waits) == 3
    for wait, expected in zip(waits, MAIL_BACKOFF, strict=False):
        assert abs(wait - expected) < timedelta(seconds=5)
    assert [m.to for m in mail.outbox] == [["yusuf@example.org"]]
    request.refresh_from_db()
    assert request.confirmation_sent_at is not None
    # The same task once more (a worker that ran it twice): no second mail.
    send_confirmation.call(request.pk, attempt=4)
    assert len(mail.outbox) == 1
    assert request.events.filter(kind=RequestEvent.Kind.CONFIRMATION_SENT).count() == 1


def test_a_failed_attempt_keeps_nothing_marked_as_sent(queue, request_without_mails):
    FlakyBackend.failures = 1
    send_confirmation.call(request_without_mails.pk)
    request_without_mails.refresh_from_db()
    assert request_without_mails.confirmation_sent_at is None
    (retry,) = queued(queue)
    assert retry.kwargs == {"attempt": 2}
    assert retry.task.run_after > timezone.now()


def test_after_the_last_attempt_the_task_fails_without_enqueueing_more(
    queue, request_without_mails
):
    FlakyBackend.failures = 100
    with pytest.raises(MailNotDelivered):
        notify_staff.call(request_without_mails.pk, attempt=MAX_MAIL_ATTEMPTS)
    assert queued(queue) == []
    assert mail.outbox == []
    request_without_mails.refresh_from_db()
    assert request_without_mails.staff_notified_at is None


def test_staff_notice_and_appointment_are_retried_too(queue, heidebeek, free_slot):
    request, _created = submit_request(
        municipality=heidebeek, language="fr", submission_key=uuid.uuid4(), slot=free_slot,
        fields={"name": "Amal Voorbeeld", "phone": "+32470999777", "email": "amal@example.org",
                "contact_language": "fr", "question": "Werk?"},
    )
    mail.outbox.clear()
    queue.clear()
    FlakyBackend.failures = 2
    notify_staff.call(request.pk)
    send_appointment.call(request.pk, free_slot.pk)
    retries = queued(queue)
    assert sorted(result.task.name for result in retries) == ["notify_staff", "send_appointment"]
    for result in retries:
        run(result)
        run(result)
    recipients = [m.to for m in mail.outbox]
    assert recipients.count(["amal@example.org"]) == 1
    assert len(recipients) == 2


def test_the_immediate_backend_cannot_wait_and_says_so(request_without_mails):
    """Development and tests run tasks at once: a failure ends the task, nothing loops."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ):
        FlakyBackend.failures = 1
        with pytest.raises(MailNotDelivered):
            send_confirmation.call(request_without_mails.pk)
