"""Property-based: whatever text lands in whatever field, the form answers without a server
error and the database holds either one complete request or nothing new."""

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appointments.models import AppointmentRequest
from tests.appointments.conftest import host_client, valid_data

pytestmark = pytest.mark.django_db

FIELDS = [
    "name", "phone", "email", "postal_code", "address", "arrival_date", "contact_language",
    "needs_interpreter", "topics", "question", "dutch_difficult", "works", "has_children",
    "preferred_moments", "contact_methods", "slot", "filled_in_by", "partner_organisation",
    "consent", "website", "started", "submission_key",
]
any_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300
) | st.sampled_from(["", " ", "\x00", "\u202e", "<script>alert(1)</script>", "' OR 1=1 --",
                     "9" * 5000, "０４７０", "2026-02-30", "-1"])


@override_settings(ONTHAAL_REQUEST_RATE="100000/m")
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=any_text, language=st.sampled_from(["nl", "ar", "uk"]))
def test_any_text_in_any_field_gives_a_saved_request_or_the_form_back(demo, field, value,
                                                                     language):
    client = host_client()
    data = valid_data(client, language)
    data[field] = value
    before = AppointmentRequest.objects.count()
    response = client.post(f"/{language}/onthaalgesprek/", data)
    assert response.status_code in {302, 400}
    after = AppointmentRequest.objects.count()
    if response.status_code == 302:
        assert after == before + 1
        saved = AppointmentRequest.objects.latest("pk")
        assert saved.reference and saved.consent_given_at and saved.name
        assert saved.phone or saved.email
    else:
        assert after == before
        assert "<script>alert(1)</script>" not in response.content.decode()
