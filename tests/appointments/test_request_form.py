"""The online request: validation in the reader's language, consent, nothing lost or doubled."""

import re

import pytest
from django.test import override_settings
from django.utils import translation

from appointments.choices import Channel, Status
from appointments.models import AppointmentRequest, RequestEvent
from tests.appointments.conftest import error_items, host_client, valid_data

pytestmark = pytest.mark.django_db


def new_requests(before):
    return AppointmentRequest.objects.exclude(pk__in=before)


def snapshot():
    return list(AppointmentRequest.objects.values_list("pk", flat=True))


def test_every_portal_page_links_to_the_form(web):
    for language, path in [("nl", "/nl/"), ("ar", "/ar/leven/werk/"), ("ro", "/ro/partners/")]:
        assert f'href="/{language}/onthaalgesprek/"' in web.get(path).content.decode()


def test_a_valid_request_is_saved_with_reference_consent_and_a_private_link(web, heidebeek):
    before = snapshot()
    response = web.post("/nl/onthaalgesprek/", valid_data(web))
    assert response.status_code == 302
    request = new_requests(before).get()
    assert re.fullmatch(r"ONT-\d{4}-\d{4}", request.reference)
    assert request.municipality == heidebeek
    assert (request.status, request.channel, request.language) == (Status.NEW, Channel.ONLINE, "nl")
    assert request.phone.as_e164 == "+32470123456"
    assert request.works is False and request.dutch_difficult is None
    assert request.consent_given_at is not None and "Heidebeek" in request.consent_text
    assert request.events.filter(kind=RequestEvent.Kind.CREATED).exists()
    page = web.get(response["Location"])
    assert request.reference in page.content.decode()
    assert "Bedankt" in page.content.decode()


def test_consent_is_not_pre_ticked_and_is_required(web):
    html = web.get("/nl/onthaalgesprek/").content.decode()
    consent = re.search(r'<input[^>]+name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent
    before = snapshot()
    data = valid_data(web)
    del data["consent"]
    response = web.post("/nl/onthaalgesprek/", data)
    assert response.status_code == 400
    assert "Zonder uw toestemming" in response.content.decode()
    assert not new_requests(before).exists()


@pytest.mark.parametrize("language", ["nl", "ar", "uk", "fr"])
def test_errors_are_in_the_readers_language_and_every_value_is_kept(web, language):
    from django.utils.html import escape

    with translation.override(language):
        required_message = escape(translation.gettext("This field is required."))
    assert language == "nl" or required_message != "This field is required."
    data = valid_data(web, language, name="", phone="", email="", question="Mijn vraag <b>x</b>",
                      postal_code="12")
    response = web.post(f"/{language}/onthaalgesprek/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert required_message in html
    with translation.override(language):
        assert escape(translation.gettext("Geef een telefoonnummer of een e-mailadres.")) in html
        assert escape(translation.gettext("Een Belgische postcode heeft vier cijfers.")) in html
    # Kept, and escaped rather than reflected as HTML.
    assert "Mijn vraag &lt;b&gt;x&lt;/b&gt;" in html
    assert 'value="12"' in html
    assert re.search(r'value="work"[^>]*checked|checked[^>]*value="work"', html)
    assert 'class="error-summary' in html and "autofocus" in html


def test_phone_numbers_are_checked_as_international_numbers(web):
    response = web.post("/nl/onthaalgesprek/", valid_data(web, phone="12", email=""))
    assert response.status_code == 400
    before = snapshot()
    response = web.post("/nl/onthaalgesprek/", valid_data(web, phone="+40 712 345 678"))
    assert response.status_code == 302
    assert new_requests(before).get().phone.as_e164 == "+40712345678"


def test_email_alone_is_enough(web):
    assert web.post("/nl/onthaalgesprek/", valid_data(web, phone="")).status_code == 302


def test_a_partner_organisation_must_name_itself(web):
    data = valid_data(web, filled_in_by="partner")
    assert web.post("/nl/onthaalgesprek/", data).status_code == 400
    data["partner_organisation"] = "OCMW Heidebeek"
    assert web.post("/nl/onthaalgesprek/", data).status_code == 302


def test_sending_twice_creates_one_request(web):
    before = snapshot()
    data = valid_data(web)
    first = web.post("/nl/onthaalgesprek/", data)
    second = web.post("/nl/onthaalgesprek/", data)
    assert first["Location"] == second["Location"]
    assert new_requests(before).count() == 1


def test_robots_filling_the_hidden_field_are_refused(web):
    before = snapshot()
    response = web.post("/nl/onthaalgesprek/", valid_data(web, website="http://spam.example"))
    assert response.status_code == 400
    assert not new_requests(before).exists()


@override_settings(ONTHAAL_FORM_MIN_SECONDS=60)
def test_a_form_sent_within_seconds_is_refused_but_can_be_sent_again(web):
    before = snapshot()
    response = web.post("/nl/onthaalgesprek/", valid_data(web))
    assert response.status_code == 400
    assert "Dat ging erg snel" in response.content.decode()
    assert not new_requests(before).exists()
    renewed = re.search(r'name="started" value="([^"]+)"', response.content.decode()).group(1)
    data = valid_data(web, started=renewed)
    with override_settings(ONTHAAL_FORM_MIN_SECONDS=0):
        assert web.post("/nl/onthaalgesprek/", data).status_code == 302


def test_a_forged_start_time_is_refused(web):
    response = web.post("/nl/onthaalgesprek/", valid_data(web, started="1234"))
    assert response.status_code == 400
    assert "verlopen" in " ".join(error_items(response))


@override_settings(ONTHAAL_REQUEST_RATE="2/m")
def test_rate_limit_per_address_with_a_clear_message_and_kept_values(demo):
    client = host_client()
    for number in range(2):
        response = client.post("/nl/onthaalgesprek/", valid_data(client, name=f"Persoon {number}"),
                               REMOTE_ADDR="192.0.2.10")
        assert response.status_code == 302
    before = snapshot()
    response = client.post("/nl/onthaalgesprek/", valid_data(client, name="Derde Persoon"),
                           REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 429
    assert "Wacht even" in response.content.decode()
    assert 'value="Derde Persoon"' in response.content.decode()
    assert not new_requests(before).exists()
    other = client.post("/nl/onthaalgesprek/", valid_data(client), REMOTE_ADDR="192.0.2.11")
    assert other.status_code == 302


def test_topics_are_the_municipalitys_own_life_domains(demo):
    html = host_client("linderode").get("/nl/onthaalgesprek/").content.decode()
    assert 'value="childcare"' in html
    assert 'value="mobility"' not in html  # Linderode has no page on mobility


def test_csrf_protection_is_on(demo):
    from django.test import Client

    client = Client(HTTP_HOST="heidebeek.localhost", enforce_csrf_checks=True)
    response = client.post("/nl/onthaalgesprek/", valid_data(client))
    assert response.status_code == 403


def test_control_characters_and_direction_overrides_are_removed(web):
    before = snapshot()
    data = valid_data(web, name="Ali\u202e reverse\x07", question="regel 1\nregel 2\x00")
    assert web.post("/nl/onthaalgesprek/", data).status_code == 302
    request = new_requests(before).get()
    assert request.name == "Ali reverse"
    assert request.question == "regel 1\nregel 2"
