"""The private link: follow, add information, cancel; it stops when closed or anonymised."""

import re
import uuid
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from appointments.choices import Status
from appointments.models import AppointmentRequest
from appointments.services import link_token, submit_request
from tests.appointments.conftest import host_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointment(heidebeek, free_slot):
    request, _created = submit_request(
        municipality=heidebeek, language="uk", submission_key=uuid.uuid4(), slot=free_slot,
        fields={"name": "Olena Voorbeeld", "email": "olena@example.org",
                "contact_language": "uk"},
    )
    return request


def status_url(request, language="uk"):
    with translation.override(language):
        return reverse("appointments:status", kwargs={"token": link_token(request)})


def test_the_link_shows_the_status_and_the_slot(web, appointment):
    html = web.get(status_url(appointment)).content.decode()
    assert appointment.reference in html
    assert 'data-status="scheduled"' in html
    assert "afspraak.ics" in html
    assert "Olena" not in html  # the page does not need the name


def test_the_calendar_invitation_has_the_place_and_the_contact(web, appointment, heidebeek):
    response = web.get(status_url(appointment) + "afspraak.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and appointment.reference in body
    assert "Marktplein 1" in body.replace("\r\n ", "")
    assert heidebeek.email in body


def test_adding_information_keeps_it_with_the_request(web, appointment):
    url = status_url(appointment)
    response = web.post(url, {"add-text": "Ik breng mijn zoon mee.", "add": "1"})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert "Ik breng mijn zoon mee." in appointment.extra_information
    empty = web.post(url, {"add-text": "   ", "add": "1"})
    assert empty.status_code == 400


def test_cancelling_needs_a_confirmation_and_frees_the_slot(web, appointment):
    url = status_url(appointment)
    assert web.post(url, {"cancel": "1"}).status_code == 400
    response = web.post(url, {"cancel-confirm": "on", "cancel": "1"})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED and appointment.slot is None
    page = web.get(response["Location"])
    assert 'data-status="cancelled"' in page.content.decode()
    assert web.post(url, {"add-text": "nog iets", "add": "1"}).status_code == 409


@pytest.mark.parametrize("change", ["closed", "anonymised", "revoked"])
def test_the_link_stops_working_when_closed_anonymised_or_revoked(web, appointment, change):
    url = status_url(appointment)
    if change == "closed":
        AppointmentRequest.objects.filter(pk=appointment.pk).update(status=Status.CLOSED)
    elif change == "anonymised":
        AppointmentRequest.objects.filter(pk=appointment.pk).update(anonymised_at=timezone.now())
    else:
        AppointmentRequest.objects.filter(pk=appointment.pk).update(access_key="")
    response = web.get(url)
    assert response.status_code == 404
    assert appointment.reference not in response.content.decode()


def test_the_link_expires(web, appointment):
    url = status_url(appointment)
    with override_settings(ONTHAAL_REQUEST_LINK_MAX_AGE=timedelta(seconds=-1)):
        assert web.get(url).status_code == 404
    assert web.get(url).status_code == 200


def test_a_tampered_or_foreign_link_opens_nothing(web, appointment):
    url = status_url(appointment)
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert web.get(url.replace(token, forged)).status_code == 404
    assert web.get("/uk/onthaalgesprek/%00%2F..%2F/").status_code in {404}
    # The right token on the other municipality's portal opens nothing either.
    assert host_client("linderode").get(url).status_code == 404


def test_the_calendar_invitation_opens_only_on_the_own_portal(web, appointment):
    url = status_url(appointment) + "afspraak.ics"
    assert web.get(url).status_code == 200
    response = host_client("linderode").get(url)
    assert response.status_code == 404
    assert appointment.reference not in response.content.decode()


def test_the_token_holds_no_personal_data(appointment):
    import base64

    token = link_token(appointment)
    payload = token.split(":")[0]
    decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode()
    assert "Olena" not in decoded and "example.org" not in decoded
    assert re.fullmatch(r"\[\d+,\"[\w-]+\"\]", decoded)
