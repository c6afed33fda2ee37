"""Booking slots: free slots only, never twice, freed again by cancelling."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone, translation

from appointments.choices import SlotKind, Status
from appointments.forms import RequestForm
from appointments.models import AppointmentRequest, Slot
from appointments.services import SlotTaken, cancel_request, lock_free_slot, submit_request
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


def test_the_last_free_slot_taken_meanwhile_is_refused_not_dropped(web, heidebeek, free_slot):
    """The chosen slot was the last one; someone booked it while this person filled in."""
    Slot.objects.bookable(heidebeek).exclude(pk=free_slot.pk).delete()
    data = valid_data(web, slot=free_slot.pk, name="Tweede Persoon")
    submit_request(municipality=heidebeek, fields=FIELDS, language="nl",
                   submission_key=uuid.uuid4(), slot=free_slot)
    assert not Slot.objects.bookable(heidebeek).exists()
    with translation.override("nl"):
        form = RequestForm(data, municipality=heidebeek, language="nl")
        assert not form.is_valid()
        assert form.errors["slot"] == ["Dit moment is niet meer vrij. Kies een ander."]
    response = web.post("/nl/onthaalgesprek/", data)
    assert response.status_code == 400
    assert not AppointmentRequest.objects.filter(name="Tweede Persoon").exists()
    # A fresh form has nothing to offer, so it asks no slot at all.
    assert "slot" not in RequestForm(municipality=heidebeek, language="nl").fields


def test_a_slot_tells_where_the_conversation_is(free_slot):
    assert free_slot.location == free_slot.place
    free_slot.kind, free_slot.place = SlotKind.PHONE, ""
    with translation.override("nl"):
        assert free_slot.location == "Telefonisch"
    free_slot.place = "Bel 011 98 00 00"
    assert free_slot.location == "Bel 011 98 00 00"


def test_staff_may_book_a_slot_within_the_notice_but_not_one_that_started(heidebeek, free_slot):
    soon = timezone.now() + timedelta(hours=1)
    Slot.objects.filter(pk=free_slot.pk).update(
        starts_at=soon, ends_at=soon + timedelta(minutes=30)
    )
    assert not Slot.objects.bookable(heidebeek).filter(pk=free_slot.pk).exists()
    staff_choice = Slot.objects.bookable(heidebeek, notice=timedelta(0))
    assert staff_choice.filter(pk=free_slot.pk).exists()
    with transaction.atomic():
        assert lock_free_slot(free_slot, heidebeek) == free_slot
    started = timezone.now() - timedelta(minutes=1)
    Slot.objects.filter(pk=free_slot.pk).update(starts_at=started)
    assert not staff_choice.filter(pk=free_slot.pk).exists()


def test_service_refuses_a_slot_of_another_municipality_or_in_the_past(demo, free_slot):
    with pytest.raises(SlotTaken):
        submit_request(municipality=demo["linderode"], fields=FIELDS, language="nl",
                       submission_key=uuid.uuid4(), slot=free_slot)
    free_slot.starts_at = timezone.now() - timedelta(days=1)
    free_slot.ends_at = free_slot.starts_at + timedelta(minutes=30)
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
