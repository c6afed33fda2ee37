"""Booking slots: free slots only, never twice, freed again by cancelling."""

import threading
import uuid

import pytest
from django.db import connection
from django.utils import timezone

from appointments.choices import Status
from appointments.models import AppointmentRequest, Slot
from appointments.services import SlotTaken, cancel_request, submit_request
from tests.appointments.conftest import valid_data

pytestmark = pytest.mark.django_db

FIELDS = {"name": "Test", "phone": "+32470000000", "contact_language": "nl"}


def test_the_form_offers_free_slots_and_booking_one_schedules_the_request(web, free_slot):
    html = web.get("/nl/onthaalgesprek/").content.decode()
    assert f'value="{free_slot.pk}"' in html
    response = web.post("/nl/onthaalgesprek/", valid_data(web, slot=free_slot.pk))
    assert response.status_code == 302
    request = AppointmentRequest.objects.get(slot=free_slot)
    assert request.status == Status.SCHEDULED
    assert f'value="{free_slot.pk}"' not in web.get("/nl/onthaalgesprek/").content.decode()


def test_a_booked_slot_is_refused_with_a_message_and_the_values_kept(web, heidebeek, free_slot):
    submit_request(municipality=heidebeek, fields=FIELDS, language="nl",
                   submission_key=uuid.uuid4(), slot=free_slot)
    response = web.post("/nl/onthaalgesprek/", valid_data(web, slot=free_slot.pk,
                                                           name="Tweede Persoon"))
    assert response.status_code == 400
    assert 'value="Tweede Persoon"' in response.content.decode()
    assert AppointmentRequest.objects.filter(slot=free_slot).count() == 1


def test_service_refuses_a_slot_of_another_municipality_or_in_the_past(demo, free_slot):
    with pytest.raises(SlotTaken):
        submit_request(municipality=demo["linderode"], fields=FIELDS, language="nl",
                       submission_key=uuid.uuid4(), slot=free_slot)
    free_slot.starts_at = timezone.now() - timezone.timedelta(days=1)
    free_slot.ends_at = free_slot.starts_at + timezone.timedelta(minutes=30)
    free_slot.save()
    with pytest.raises(SlotTaken):
        submit_request(municipality=demo["heidebeek"], fields=FIELDS, language="nl",
                       submission_key=uuid.uuid4(), slot=free_slot)


def test_cancelling_frees_the_slot(heidebeek, free_slot):
    request, _created = submit_request(municipality=heidebeek, fields=FIELDS, language="nl",
                                       submission_key=uuid.uuid4(), slot=free_slot)
    cancel_request(request)
    request.refresh_from_db()
    assert request.status == Status.CANCELLED and request.slot is None
    assert Slot.objects.bookable(heidebeek).filter(pk=free_slot.pk).exists()


def test_two_people_booking_one_slot_at_the_same_moment_exactly_one_wins(heidebeek):
    """Two real PostgreSQL connections race for a committed demo slot."""
    if connection.vendor != "postgresql":
        pytest.skip("the race needs PostgreSQL row locks")
    slot = Slot.objects.bookable(heidebeek).last()
    barrier = threading.Barrier(2)
    outcomes, created = [], []

    def book(number):
        from django.db import connections

        try:
            barrier.wait()
            request, _new = submit_request(
                municipality=heidebeek, fields={**FIELDS, "name": f"Racer {number}"},
                language="nl", submission_key=uuid.uuid4(), slot=slot,
            )
            created.append(request.pk)
            outcomes.append("booked")
        except SlotTaken:
            outcomes.append("taken")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    try:
        assert sorted(outcomes) == ["booked", "taken"]
    finally:
        # The racers committed on their own connections: undo that for the other tests.
        def clean():
            from django.db import connections

            AppointmentRequest.objects.filter(pk__in=created).delete()
            connections.close_all()

        cleaner = threading.Thread(target=clean)
        cleaner.start()
        cleaner.join(timeout=30)
