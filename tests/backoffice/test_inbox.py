"""The inbox: filters, search by name, phone or reference, only one's own municipalities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appointments.models import AppointmentRequest

pytestmark = pytest.mark.django_db

INBOX = "appointment_requests:index"


@pytest.fixture
def inbox(client, staff):
    client.force_login(staff["toeleider A"])

    def get(**params):
        return client.get(reverse(INBOX), params).content.decode()

    return get


def test_search_by_name_reference_and_phone_in_any_notation(inbox, case_of):
    case = case_of(name="Fatima Zoekbaar", phone="+32470121212")
    assert case.reference in inbox(q="zoekbaar")
    assert case.reference in inbox(q=case.reference)
    assert case.reference in inbox(q="0470 12 12 12")
    assert case.reference in inbox(q="+32 470/12.12.12")
    assert case.reference not in inbox(q="Niemand Anders")


def test_never_lists_or_finds_another_municipalitys_cases(inbox, case_of):
    other = case_of("linderode", name="Anders Elders", phone="+32470343434")
    assert other.reference not in inbox()
    assert other.reference not in inbox(q="Anders Elders")
    assert other.reference not in inbox(q="0470343434")


def test_filters(inbox, case_of, staff):
    interpreter = case_of(needs_interpreter=True)
    plain = case_of()
    AppointmentRequest.objects.filter(pk=plain.pk).update(assigned_to=staff["toeleider A"])
    with_interpreter = inbox(needs_interpreter="true")
    assert interpreter.reference in with_interpreter and plain.reference not in with_interpreter
    mine = inbox(assigned_to=staff["toeleider A"].pk)
    assert plain.reference in mine and interpreter.reference not in mine
    assert plain.reference not in inbox(status="closed")


def test_query_count_does_not_grow_with_the_cases_listed(client, staff, case_of):
    """Measured on a list only the test's cases reach (the demo fills whole pages), with
    an assignee and a municipality on each row, so that a missing join would show."""
    toeleider = staff["toeleider A"]
    client.force_login(toeleider)

    def add(number):
        for _number in range(number):
            AppointmentRequest.objects.filter(pk=case_of().pk).update(assigned_to=toeleider)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(INBOX), {"assigned_to": toeleider.pk})
            assert response.status_code == 200
        return len(queries), len(response.context["object_list"])

    add(1)
    few, listed = count()
    assert listed == 1
    add(25)
    many, listed = count()
    assert listed == 26
    assert many <= few
