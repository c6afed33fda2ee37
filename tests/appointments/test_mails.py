"""Mails: the confirmation in the person's language, staff told without personal data, once."""

import uuid

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from appointments.models import RequestEvent
from appointments.services import submit_request
from appointments.sms import MemorySender, get_sender
from appointments.tasks import notify_staff, send_confirmation

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """Submit a request and run what happens after the commit: the mail tasks."""

    def send(municipality, language="ar", slot=None, **fields):
        values = {"name": "Yusuf Voorbeeld", "phone": "+32470999888",
                  "email": "yusuf@example.org", "contact_language": language,
                  "question": "Waar leer ik fietsen?", **fields}
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            request, _created = submit_request(
                municipality=municipality, fields=values, language=language,
                submission_key=uuid.uuid4(), slot=slot,
            )
        return request

    return send


def confirmation(request):
    return next(m for m in mail.outbox if m.to == [request.email])


def test_confirmation_is_in_the_language_of_the_form_with_reference_and_link(submit, heidebeek):
    request = submit(heidebeek, "ar")
    message = confirmation(request)
    with translation.override("ar"):
        expected = translation.gettext("Uw aanvraag %(reference)s is ontvangen") % {
            "reference": request.reference}
    assert message.subject == expected
    assert request.reference in message.body
    assert "http://heidebeek.localhost/ar/onthaalgesprek/" in message.body
    assert message.reply_to == [heidebeek.email]
    assert request.events.filter(kind=RequestEvent.Kind.CONFIRMATION_SENT).count() == 1


def test_a_booked_slot_comes_with_an_ics_invitation(submit, heidebeek, free_slot):
    request = submit(heidebeek, "uk", slot=free_slot)
    attachments = confirmation(request).attachments
    assert attachments[0][0] == "onthaalgesprek.ics"
    content = attachments[0][1]
    assert "BEGIN:VCALENDAR" in (content if isinstance(content, str) else content.decode())


def test_staff_are_notified_without_personal_data(submit, demo):
    request = submit(demo["linderode"], "fr")
    notification = next(m for m in mail.outbox if m.to != [request.email])
    assert "toeleider.linderode@woudrand.example" in notification.to
    assert "toeleider.heidebeek@woudrand.example" not in notification.to
    assert "redacteur@woudrand.example" not in notification.to
    text = notification.subject + notification.body
    for personal in ["Yusuf", "Voorbeeld", "470999888", "yusuf@example.org", "fietsen"]:
        assert personal not in text
    assert f"/admin/cases/{request.pk}/" in notification.body


def test_each_mail_is_sent_once_even_if_the_task_runs_again(submit, heidebeek):
    request = submit(heidebeek, "nl")
    count = len(mail.outbox)
    send_confirmation.call(request.pk)
    notify_staff.call(request.pk)
    assert len(mail.outbox) == count


def test_sms_is_off_by_default(settings):
    assert not settings.ONTHAAL_SMS_BACKEND and get_sender() is None


@override_settings(ONTHAAL_SMS_BACKEND="appointments.sms.MemorySender")
def test_no_email_no_mail_and_no_sms_unless_chosen(submit, heidebeek):
    MemorySender.outbox.clear()
    request = submit(heidebeek, "nl", email="", contact_methods=["phone"])
    assert request.reference
    assert all(address.endswith("@woudrand.example") for m in mail.outbox for address in m.to)
    assert MemorySender.outbox == []
    assert not request.events.filter(kind=RequestEvent.Kind.CONFIRMATION_SENT).exists()


@override_settings(ONTHAAL_SMS_BACKEND="appointments.sms.MemorySender")
def test_the_sms_hook_sends_the_confirmation_when_switched_on(submit, heidebeek):
    MemorySender.outbox.clear()
    request = submit(heidebeek, "uk", email="", contact_methods=["sms"])
    assert len(MemorySender.outbox) == 1
    number, text = MemorySender.outbox[0]
    assert number.replace(" ", "") == "+32470999888" and request.reference in text


def test_links_in_mails_start_at_the_portal_or_the_admin_address_without_a_site(heidebeek):
    assert heidebeek.portal_url == "http://heidebeek.localhost"
    heidebeek.site = None
    with override_settings(WAGTAILADMIN_BASE_URL="https://onthaal.example/"):
        assert heidebeek.portal_url == "https://onthaal.example"
