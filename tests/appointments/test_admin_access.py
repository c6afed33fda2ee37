"""Back-office URLs of requests and slots, for every role: only one's own municipalities."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from appointments.models import AppointmentRequest, Slot
from appointments.services import submit_request
from portal import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ALLOWED_TO_READ = {roles.TOELEIDER, roles.COORDINATOR, "superuser"}


@pytest.fixture
def users(demo):
    made = {
        role: UserFactory(username=f"appt-{index}", role=role, municipalities=[demo["heidebeek"]])
        for index, role in enumerate(roles.ROLES)
    }
    made["superuser"] = UserFactory(username="appt-super", is_superuser=True)
    return made


@pytest.fixture
def requests_of(demo):
    def make(slug):
        request, _created = submit_request(
            municipality=demo[slug], language="nl", submission_key=uuid.uuid4(),
            fields={"name": f"Persoon {slug}", "phone": "+32470000111",
                    "contact_language": "nl"},
        )
        return request

    return make


def slot_of(municipality):
    return Slot.objects.filter(municipality=municipality).first()


@pytest.mark.parametrize("role", [*roles.ROLES, "superuser"])
@pytest.mark.parametrize("view", ["appointment_requests:index", "backoffice_case"])
def test_request_views_per_role(client, demo, users, requests_of, role, view):
    request = requests_of("heidebeek")
    client.force_login(users[role])
    args = [request.pk] if view == "backoffice_case" else []
    response = client.get(reverse(view, args=args))
    assert (response.status_code == 200) is (role in ALLOWED_TO_READ), response.status_code


@pytest.mark.parametrize("role", [*roles.ROLES, "superuser"])
def test_nobody_adds_a_request_in_the_admin(client, users, role):
    client.force_login(users[role])
    assert client.get(reverse("appointment_requests:add")).status_code != 200


@pytest.mark.parametrize("role", [roles.TOELEIDER, roles.COORDINATOR])
def test_staff_see_and_open_only_requests_of_their_municipality(client, users, requests_of, role):
    own, other = requests_of("heidebeek"), requests_of("linderode")
    client.force_login(users[role])
    listing = client.get(reverse("appointment_requests:index")).content.decode()
    assert own.reference in listing and other.reference not in listing
    response = client.get(reverse("backoffice_case", args=[other.pk]))
    assert response.status_code == 404
    assert "Persoon linderode" not in response.content.decode()
    case = client.get(reverse("backoffice_case", args=[own.pk])).content.decode()
    assert "Persoon heidebeek" in case


@pytest.mark.parametrize("role", [roles.TOELEIDER, "superuser"])
def test_the_generic_edit_view_is_closed_changes_go_through_the_case_page(client, users,
                                                                          requests_of, role):
    client.force_login(users[role])
    request = requests_of("heidebeek")
    assert client.get(reverse("appointment_requests:edit", args=[request.pk])).status_code != 200


@pytest.mark.parametrize("role", [*roles.ROLES, "superuser"])
@pytest.mark.parametrize("view", ["index", "add", "edit", "delete"])
def test_slot_views_per_role(client, demo, users, role, view):
    client.force_login(users[role])
    args = [slot_of(demo["heidebeek"]).pk] if view in {"edit", "delete"} else []
    response = client.get(reverse(f"slots:{view}", args=args))
    assert (response.status_code == 200) is (role in ALLOWED_TO_READ), response.status_code


def test_toeleider_publishes_a_slot_for_own_municipality_only(client, demo, users):
    toeleider = users[roles.TOELEIDER]
    client.force_login(toeleider)
    start = timezone.localtime() + timedelta(days=10)
    data = {
        "municipality": demo["linderode"].pk, "toeleider": toeleider.pk,
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + timedelta(minutes=45)).strftime("%Y-%m-%d %H:%M"),
        "kind": "phone", "place": "", "languages": ["nl", "ar"],
    }
    response = client.post(reverse("slots:add"), data)
    assert response.status_code == 200  # Linderode is not offered
    assert not Slot.objects.filter(toeleider=toeleider).exists()
    data["municipality"] = demo["heidebeek"].pk
    data["ends_at"] = (start - timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    response = client.post(reverse("slots:add"), data)
    assert response.status_code == 200
    assert "Het einde moet na het begin liggen." in response.content.decode()
    data["ends_at"] = (start + timedelta(minutes=45)).strftime("%Y-%m-%d %H:%M")
    response = client.post(reverse("slots:add"), data)
    assert response.status_code == 302
    assert Slot.objects.get(toeleider=toeleider).municipality == demo["heidebeek"]


def test_toeleider_cannot_open_a_slot_of_another_municipality(client, demo, users):
    client.force_login(users[roles.TOELEIDER])
    other = slot_of(demo["linderode"])
    assert client.get(reverse("slots:edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("slots:delete", args=[other.pk])).status_code == 404
    assert Slot.objects.filter(pk=other.pk).exists()


def test_anonymous_visitors_go_to_the_login(client, demo):
    for name in ["appointment_requests:index", "slots:index"]:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_requests_are_ordered_newest_first(client, users, requests_of):
    first, second = requests_of("heidebeek"), requests_of("heidebeek")
    client.force_login(users[roles.TOELEIDER])
    listing = client.get(reverse("appointment_requests:index")).content.decode()
    assert listing.index(second.reference) < listing.index(first.reference)


@pytest.fixture
def booked_slot(demo):
    slot = Slot.objects.bookable(demo["heidebeek"]).first()
    submit_request(
        municipality=demo["heidebeek"], language="nl", submission_key=uuid.uuid4(), slot=slot,
        fields={"name": "Persoon met afspraak", "phone": "+32470000222",
                "contact_language": "nl"},
    )
    return slot


def slot_data(slot, **changes):
    """The edit form of a slot as the browser sends it, with some values changed."""
    data = {
        "municipality": slot.municipality_id, "toeleider": slot.toeleider_id or "",
        "starts_at": timezone.localtime(slot.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(slot.ends_at).strftime("%Y-%m-%d %H:%M"),
        "kind": slot.kind, "place": slot.place, "languages": slot.languages,
    }
    return {**data, **changes}


def test_a_booked_slot_keeps_its_time_and_municipality(client, demo, users, booked_slot):
    client.force_login(users[roles.TOELEIDER])
    url = reverse("slots:edit", args=[booked_slot.pk])
    reference = AppointmentRequest.objects.get(slot=booked_slot).reference
    later = timezone.localtime(booked_slot.starts_at) + timedelta(hours=2)
    for change in [
        {"starts_at": later.strftime("%Y-%m-%d %H:%M"),
         "ends_at": (later + timedelta(minutes=45)).strftime("%Y-%m-%d %H:%M")},
        {"ends_at": (later + timedelta(minutes=45)).strftime("%Y-%m-%d %H:%M")},
    ]:
        response = client.post(url, slot_data(booked_slot, **change))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Dit afspraakmoment is geboekt" in html and reference in html
    unchanged = Slot.objects.get(pk=booked_slot.pk)
    assert (unchanged.starts_at, unchanged.ends_at) == (booked_slot.starts_at, booked_slot.ends_at)
    # What the person was not told can change.
    response = client.post(url, slot_data(booked_slot, place="Gemeentehuis, zaal 2"))
    assert response.status_code == 302
    assert Slot.objects.get(pk=booked_slot.pk).place == "Gemeentehuis, zaal 2"
    # A free slot still moves.
    free = Slot.objects.bookable(demo["heidebeek"]).first()
    response = client.post(reverse("slots:edit", args=[free.pk]), slot_data(
        free, starts_at=later.strftime("%Y-%m-%d %H:%M"),
        ends_at=(later + timedelta(minutes=45)).strftime("%Y-%m-%d %H:%M"),
    ))
    assert response.status_code == 302
    assert Slot.objects.get(pk=free.pk).starts_at == later.replace(second=0, microsecond=0)


def test_a_booked_slot_is_not_deleted(client, demo, users, booked_slot):
    client.force_login(users[roles.TOELEIDER])
    url = reverse("slots:delete", args=[booked_slot.pk])
    for response in [client.get(url), client.post(url)]:
        assert response.status_code == 302
        assert response["Location"] == reverse("slots:index")
    assert AppointmentRequest.objects.get(slot=booked_slot).name == "Persoon met afspraak"
    html = client.get(response["Location"]).content.decode()
    assert "kan niet verwijderd worden" in html
    free = Slot.objects.bookable(demo["heidebeek"]).first()
    assert client.post(reverse("slots:delete", args=[free.pk])).status_code == 302
    assert not Slot.objects.filter(pk=free.pk).exists()


def test_the_slot_list_does_not_query_per_row(client, demo, users):
    client.force_login(users["superuser"])
    url = reverse("slots:index") + "?kind=video"
    start = timezone.now() + timedelta(days=40)

    def add_video_slots(first, count):
        for number in range(first, first + count):
            Slot.objects.create(
                municipality=demo["heidebeek" if number % 2 else "linderode"],
                toeleider=UserFactory(username=f"appt-video-{number}"),
                starts_at=start + timedelta(hours=number),
                ends_at=start + timedelta(hours=number, minutes=30), kind="video",
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add_video_slots(0, 1)
    queries()  # warm up caches
    one = queries()
    add_video_slots(1, 5)
    assert queries() == one


def test_slot_toeleiders_are_active_staff_of_own_municipalities(client, demo, users):
    UserFactory(username="appt-left", municipalities=[demo["heidebeek"]], is_active=False)
    client.force_login(users[roles.TOELEIDER])
    form = client.get(reverse("slots:add")).context["form"]
    names = set(form.fields["toeleider"].queryset.values_list("username", flat=True))
    assert {"toeleider.heidebeek", users[roles.TOELEIDER].username} <= names
    assert "toeleider.linderode" not in names and "appt-left" not in names
