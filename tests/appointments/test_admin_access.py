"""Back-office URLs of requests and slots, for every role: only one's own municipalities."""

import uuid
from datetime import timedelta

import pytest
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
    assert AppointmentRequest.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
