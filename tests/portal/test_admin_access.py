"""Who may open the municipality administration (the Beheerder role and superusers)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URLS = [
    ("municipalities:index", False),
    ("municipalities:add", False),
    ("municipalities:edit", True),
    ("municipalities:inspect", True),
    ("municipalities:delete", True),
]


@pytest.fixture
def users(demo):
    heidebeek = demo["heidebeek"]
    return {
        "beheerder": UserFactory(role=roles.BEHEERDER),
        "superuser": UserFactory(is_superuser=True),
        "coordinator": UserFactory(role=roles.COORDINATOR, municipalities=[heidebeek]),
        "toeleider": UserFactory(role=roles.TOELEIDER, municipalities=[heidebeek]),
        "redacteur": UserFactory(role=roles.REDACTEUR, municipalities=[heidebeek]),
        "moderator": UserFactory(role=roles.MODERATOR),
    }


def url_for(name, needs_pk, demo):
    return reverse(name, args=[demo["heidebeek"].pk]) if needs_pk else reverse(name)


@pytest.mark.parametrize(("name", "needs_pk"), URLS)
@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("toeleider", False),
        ("coordinator", False),
        ("redacteur", False),
        ("moderator", False),
        ("beheerder", True),
        ("superuser", True),
    ],
)
def test_municipality_admin_permissions(client, demo, users, name, needs_pk, role, allowed):
    if role != "anonymous":
        client.force_login(users[role])
    response = client.get(url_for(name, needs_pk, demo))
    if allowed:
        assert response.status_code == 200
        assert "Heidebeek" in response.content.decode()
    elif role == "anonymous":
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    else:
        # Wagtail answers a refused admin view by sending the user back with a message.
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/admin/" in response["Location"]


def test_every_role_group_exists_and_may_enter_the_admin(db):
    for name in roles.ROLES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


def test_beheerder_can_change_the_languages_of_a_municipality(client, demo, users):
    municipality = demo["linderode"]
    client.force_login(users["beheerder"])
    url = reverse("municipalities:edit", args=[municipality.pk])
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    data["staff"] = [user.pk for user in data.get("staff", [])]
    data["site"] = municipality.site_id
    data["languages"] = ["nl", "uk", "ar"]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    municipality.refresh_from_db()
    assert municipality.languages == ["nl", "ar", "uk"]


def test_admin_form_refuses_a_portal_without_dutch_and_keeps_the_input(client, demo, users):
    municipality = demo["linderode"]
    client.force_login(users["beheerder"])
    url = reverse("municipalities:edit", args=[municipality.pk])
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    data["staff"] = []
    data["site"] = municipality.site_id
    data["languages"] = ["fr", "en"]
    data["name"] = "Linderode (gewijzigd)"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Nederlands is altijd aangeboden" in response.content.decode()
    assert response.context["form"]["name"].value() == "Linderode (gewijzigd)"
    municipality.refresh_from_db()
    assert municipality.name == "Linderode"
