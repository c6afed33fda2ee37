"""Back-office access to portal content, for every role: editors only reach their own portals."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from home.models import Partner
from portal import roles
from tests.factories import UserFactory
from tests.home.conftest import domain_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(demo):
    heidebeek = demo["heidebeek"]
    made = {
        role: UserFactory(username=f"test-{index}", role=role, municipalities=[heidebeek])
        for index, role in enumerate(roles.ROLES)
    }
    from home.services import editor_group

    made[roles.REDACTEUR].groups.add(editor_group(heidebeek))
    made["superuser"] = UserFactory(username="test-super", is_superuser=True)
    return made


def partner_of(municipality):
    return Partner.objects.filter(municipality=municipality, locale__language_code="nl").first()


PARTNER_LIST = "wagtailsnippets_home_partner:list"
PARTNER_ADD = "wagtailsnippets_home_partner:add"
PARTNER_EDIT = "wagtailsnippets_home_partner:edit"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (roles.REDACTEUR, True), ("superuser", True), (roles.TOELEIDER, False),
        (roles.COORDINATOR, False), (roles.MODERATOR, False), (roles.BEHEERDER, False),
    ],
)
@pytest.mark.parametrize("view", [PARTNER_LIST, PARTNER_ADD, PARTNER_EDIT])
def test_partner_admin_per_role(client, demo, users, role, allowed, view):
    client.force_login(users[role])
    args = [partner_of(demo["heidebeek"]).pk] if view == PARTNER_EDIT else []
    response = client.get(reverse(view, args=args))
    assert (response.status_code == 200) is allowed, response.status_code


def test_anonymous_visitors_are_sent_to_the_login(client, demo):
    response = client.get(reverse(PARTNER_LIST))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editor_lists_only_partners_of_own_municipality(client, demo, users):
    client.force_login(users[roles.REDACTEUR])
    html = client.get(reverse(PARTNER_LIST)).content.decode()
    linderode_only = Partner.objects.filter(municipality=demo["linderode"]).exclude(
        name__in=Partner.objects.filter(municipality=demo["heidebeek"]).values("name")
    ).first()
    assert partner_of(demo["heidebeek"]).name in html
    assert linderode_only.name not in html


def test_editor_cannot_open_a_partner_of_another_municipality(client, demo, users):
    client.force_login(users[roles.REDACTEUR])
    response = client.get(reverse(PARTNER_EDIT, args=[partner_of(demo["linderode"]).pk]))
    assert response.status_code in {302, 403, 404}
    assert partner_of(demo["linderode"]).description not in response.content.decode()


def test_editor_adds_a_partner_only_to_own_municipality_and_keeps_input_on_error(
    client, demo, users
):
    client.force_login(users[roles.REDACTEUR])
    data = {
        "municipality": demo["linderode"].pk, "name": "Nieuw taalcafé", "kind": "dutch_practice",
        "description": "Elke week praten in het Nederlands.", "email": "geen-adres",
        "locale": demo["heidebeek"].site.root_page.locale_id,
    }
    response = client.post(reverse(PARTNER_ADD), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nieuw taalcafé" in html and "Elke week praten in het Nederlands." in html
    assert not Partner.objects.filter(name="Nieuw taalcafé").exists()

    data.update(municipality=demo["heidebeek"].pk, email="taalcafe@heidebeek.example")
    response = client.post(reverse(PARTNER_ADD), data)
    assert response.status_code == 302
    assert Partner.objects.get(name="Nieuw taalcafé").municipality == demo["heidebeek"]
    assert Partner.objects.get(name="Nieuw taalcafé").kind == "dutch_practice"


@pytest.mark.parametrize(
    ("municipality", "allowed"), [("heidebeek", True), ("linderode", False)]
)
def test_editor_edits_pages_of_own_portal_only(client, demo, users, municipality, allowed):
    client.force_login(users[roles.REDACTEUR])
    page = domain_page(demo[municipality], "work", "ar")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert (response.status_code == 200) is allowed


@pytest.mark.parametrize("role", [roles.TOELEIDER, roles.COORDINATOR, roles.MODERATOR])
def test_other_roles_cannot_edit_portal_pages(client, demo, users, role):
    client.force_login(users[role])
    page = domain_page(demo["heidebeek"], "work")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code != 200


def test_a_portal_has_one_page_per_life_domain(client, demo, users):
    client.force_login(users["superuser"])
    index = domain_page(demo["heidebeek"], "work").get_parent()
    url = reverse("wagtailadmin_pages:add", args=["home", "lifedomainpage", index.pk])
    response = client.post(url, {
        "title": "Nog eens werk", "slug": "nog-eens-werk", "domain": "work",
        "summary": "Dubbel.", "body-count": "0",
    })
    assert response.status_code == 200
    assert "al een pagina voor dit levensdomein" in response.content.decode()
    assert "Nog eens werk" in response.content.decode()


def test_role_groups_have_the_partner_permissions():
    group = Group.objects.get(name=roles.REDACTEUR)
    assert group.permissions.filter(codename="change_partner").exists()
