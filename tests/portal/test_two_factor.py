"""Two-factor authentication in the admin: enrolment, the code step, recovery codes, and
the municipalities that make it mandatory."""

import re
import time

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import roles
from portal.accounts import services
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"  # noqa: S105 - the factory's test password
ADMIN = "/admin/"


def code(device, steps_ahead=0):
    """The device's current code, or a later one (a code is accepted only once)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def after_throttle():
    """django-otp makes a device wait a moment after a wrong code."""
    return time_machine.travel(time.time() + 10, tick=True)


def enrol(user):
    device = services.pending_device(user)
    codes = services.confirm_device(device, code(device))
    return TOTPDevice.objects.get(pk=device.pk), codes


def sign_in(client, user):
    response = client.post(reverse("wagtailadmin_login"),
                           {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


@pytest.fixture
def strict(demo):
    """Heidebeek makes two-factor authentication mandatory."""
    heidebeek = demo["heidebeek"]
    heidebeek.require_two_factor = True
    heidebeek.save()
    return heidebeek


def test_enrolment_shows_qr_and_secret_and_a_first_code_confirms_it(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["heidebeek"]])
    client.force_login(user)
    page = client.get(reverse("accounts_two_factor"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', html).group(1)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert secret.replace(" ", "") == services.secret_text(device).replace(" ", "")

    wrong = client.post(reverse("accounts_two_factor"), {"action": "confirm", "code": "000000"})
    assert wrong.status_code == 400
    assert not services.has_two_factor(user)

    device.refresh_from_db()
    with after_throttle():
        done = client.post(reverse("accounts_two_factor"),
                           {"action": "confirm", "code": code(device, 1)})
    assert done.status_code == 200
    assert len(done.context["codes"]) == services.RECOVERY_CODE_COUNT
    assert services.has_two_factor(user)
    # Verified right away: the admin opens.
    assert client.get(ADMIN).status_code == 200


def test_sign_in_asks_for_the_code_before_any_admin_page(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["heidebeek"]])
    device, _codes = enrol(user)
    sign_in(client, user)
    response = client.get("/admin/cases/new/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts_verify"))

    # The code page's icons load before the code is given.
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200

    wrong = client.post(reverse("accounts_verify"), {"code": "123456", "next": "/admin/cases/new/"})
    assert wrong.status_code == 400
    assert client.get(ADMIN).status_code == 302

    with after_throttle():
        right = client.post(reverse("accounts_verify"),
                            {"code": code(device, 1), "next": "/admin/cases/new/"})
    assert right.status_code == 302 and right.url == "/admin/cases/new/"
    assert client.get(ADMIN).status_code == 200


def test_the_code_page_refuses_to_send_elsewhere(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["heidebeek"]])
    device, _codes = enrol(user)
    sign_in(client, user)
    response = client.post(reverse("accounts_verify"),
                           {"code": code(device, 1), "next": "https://evil.example/"})
    assert response.url == ADMIN


def test_a_recovery_code_works_once(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["heidebeek"]])
    _device, codes = enrol(user)
    sign_in(client, user)
    assert client.post(reverse("accounts_verify"), {"code": codes[0]}).status_code == 302
    assert client.get(ADMIN).status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == len(codes) - 1

    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, user)
    again = client.post(reverse("accounts_verify"), {"code": codes[0]})
    assert again.status_code == 400
    assert client.get(ADMIN).status_code == 302


def test_mandatory_for_a_toeleider_of_a_strict_municipality(client, strict):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[strict])
    client.force_login(user)
    response = client.get(ADMIN)
    assert response.status_code == 302 and response.url == reverse("accounts_two_factor")
    # The enrolment page itself stays open and says why.
    page = client.get(reverse("accounts_two_factor"))
    assert page.status_code == 200 and page.context["required"]


def test_not_mandatory_where_the_municipality_does_not_ask_it(client, demo):
    assert not demo["linderode"].require_two_factor
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    client.force_login(user)
    assert client.get(ADMIN).status_code == 200


def test_not_mandatory_for_who_sees_no_personal_data(client, strict):
    editor = UserFactory(role=roles.REDACTEUR, municipalities=[strict])
    client.force_login(editor)
    assert client.get(ADMIN).status_code == 200


def test_new_recovery_codes_and_removal_need_a_fresh_code(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["heidebeek"]])
    device, old_codes = enrol(user)
    client.force_login(user)
    client.post(reverse("accounts_verify"), {"code": code(device, 1)})

    refused = client.post(reverse("accounts_two_factor"), {"action": "recovery", "code": "1"})
    assert refused.status_code == 400
    with after_throttle():
        renewed = client.post(reverse("accounts_two_factor"),
                              {"action": "recovery", "code": old_codes[0]})
        new_codes = renewed.context["codes"]
        assert set(new_codes).isdisjoint(old_codes)
        assert services.check_code(user, old_codes[1]) is None
    with after_throttle(), after_throttle():
        removed = client.post(reverse("accounts_two_factor"),
                              {"action": "remove", "code": new_codes[0]})
    assert removed.status_code == 302
    assert not services.has_two_factor(user)


@pytest.mark.parametrize(("username", "outcome"), [
    (None, "login"), ("toeleider.heidebeek", "denied"), ("coordinator", "denied"),
    ("moderator", "denied"), ("dpo", "denied"), ("beheerder", 200),
])
def test_only_who_manages_accounts_may_remove_someone_elses_devices(client, demo, username,
                                                                    outcome):
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.get(username="toeleider.linderode")
    enrol(person)
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    url = reverse("accounts_reset_two_factor", args=[person.pk])
    response = client.get(url)
    if outcome == "login":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    elif outcome == "denied":  # Wagtail sends a refused admin user to the dashboard
        assert response.status_code == 302 and response["Location"] == ADMIN
    else:
        assert response.status_code == outcome
    response = client.post(url)
    assert services.has_two_factor(person) == (outcome != 200)


def test_an_administrator_removes_lost_devices_from_the_user_list(client, demo):
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.get(username="toeleider.linderode")
    enrol(person)
    client.force_login(get_user_model().objects.get(username="beheerder"))
    url = reverse("accounts_reset_two_factor", args=[person.pk])
    assert url in client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Tweestapsverificatie verwijderen" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not services.has_two_factor(person)
    assert not StaticToken.objects.filter(device__user=person).exists()
    # Nothing to remove any more: the page says so.
    assert "heeft geen tweestapsverificatie" in client.get(url).content.decode()
