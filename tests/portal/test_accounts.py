"""Staff accounts: lockout after failed sign-ins, sign-out after inactivity, password rules,
and accounts created by invitation."""

import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal import roles
from portal.accounts import services
from portal.models import Invitation
from tests.factories import UserFactory
from tests.portal.test_two_factor import code, enrol

PASSWORD = "correct-horse-battery"  # noqa: S105 - the factory's test password
STRONG = "Zeven-wilde-zwanen-1989"  # noqa: S105
ADMIN = "/admin/"
LOGIN = "/admin/login/"


def fail_sign_in(client, username, times):
    responses = [client.post(LOGIN, {"username": username, "password": "fout-wachtwoord"})
                 for _i in range(times)]
    return responses[-1]


# Lockout

def test_five_failures_lock_the_username_from_that_address(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    assert fail_sign_in(client, user.username, 4).status_code == 200
    locked = fail_sign_in(client, user.username, 1)
    assert locked.status_code == 429
    assert "Tijdelijk geblokkeerd" in locked.content.decode()
    # The right password does not help now.
    right = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert right.status_code == 429
    assert client.get(ADMIN).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    fail_sign_in(client, user.username, 5)
    with time_machine.travel(timezone.now() + timedelta(minutes=31), tick=False):
        right = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
        assert right.status_code == 302
        assert client.get(ADMIN).status_code == 200


def test_another_username_is_not_locked(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    other = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    fail_sign_in(client, user.username, 5)
    assert client.post(LOGIN, {"username": other.username,
                               "password": PASSWORD}).status_code == 302


def test_wrong_codes_lock_out_too_and_sign_out(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    enrol(user)
    client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    answers = [client.post(reverse("accounts_verify"), {"code": "000000"}) for _i in range(5)]
    assert [a.status_code for a in answers] == [400, 400, 400, 400, 429]
    assert client.get(ADMIN).status_code == 302
    # Signing in with the password again does not give five new tries.
    assert client.post(LOGIN, {"username": user.username,
                               "password": PASSWORD}).status_code == 429


def test_failed_sign_ins_log_no_username(client, demo, caplog):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    with caplog.at_level("INFO"):
        fail_sign_in(client, user.username, 5)
    assert caplog.records
    assert user.username not in caplog.text
    assert "127.0.0.1" not in caplog.text


# Inactivity

def test_staff_are_signed_out_after_inactivity(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    client.force_login(user)
    with time_machine.travel(time.time(), tick=False) as clock:
        assert client.get(ADMIN).status_code == 200
        clock.shift(timedelta(minutes=29))
        assert client.get(ADMIN).status_code == 200
        clock.shift(timedelta(minutes=29))
        assert client.get(ADMIN).status_code == 200  # activity in between counts
        clock.shift(timedelta(minutes=31))
        response = client.get("/admin/cases/new/")
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)
        login_page = client.get(response.url)
        assert "niet actief" in login_page.content.decode()
        assert client.get(ADMIN).status_code == 302


def test_idle_minutes_is_a_setting(client, demo, settings):
    settings.ONTHAAL_STAFF_IDLE_MINUTES = 5
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    client.force_login(user)
    with time_machine.travel(time.time(), tick=False) as clock:
        client.get(ADMIN)
        clock.shift(timedelta(minutes=6))
        assert client.get(ADMIN).status_code == 302


# Passwords

def test_wagtails_password_change_applies_the_password_rules(demo):
    from wagtail.admin.forms.auth import PasswordChangeForm

    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    for weak in ["kort-1", "123456789012", "password1234", user.username + "x"]:
        form = PasswordChangeForm(user, {"old_password": PASSWORD, "new_password1": weak,
                                         "new_password2": weak})
        assert not form.is_valid(), weak
        assert "new_password2" in form.errors
    form = PasswordChangeForm(user, {"old_password": PASSWORD, "new_password1": STRONG,
                                     "new_password2": STRONG})
    assert form.is_valid()


def test_the_account_page_refuses_a_weak_password(client, demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    client.force_login(user)
    response = client.post("/admin/account/", {"password-old_password": PASSWORD,
                                               "password-new_password1": "kort-1",
                                               "password-new_password2": "kort-1"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# Invitations

@pytest.fixture
def invite(client, django_capture_on_commit_callbacks):
    """Send an invitation as `inviter`; the mail goes after the commit."""

    def send(inviter, **data):
        client.force_login(inviter)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("accounts_new_invitation"), data)

    return send


def link_in_last_mail():
    return re.search(r"http://testserver(/account/invitation/\S+/)", mail.outbox[-1].body).group(1)


@pytest.fixture
def beheerder(demo):
    return get_user_model().objects.get(username="beheerder")


def test_an_invitation_mails_a_link_that_creates_the_account_once(client, demo, beheerder, invite):
    response = invite(beheerder, email="nieuw@heidebeek.example",
                      role=roles.TOELEIDER, municipalities=[demo["heidebeek"].pk])
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["nieuw@heidebeek.example"]
    link = link_in_last_mail()
    client.logout()

    assert client.get(link).status_code == 200
    weak = client.post(link, {"username": "nieuw", "password1": "kort", "password2": "kort"})
    assert weak.status_code == 400
    assert not get_user_model().objects.filter(username="nieuw").exists()

    made = client.post(link, {"username": "nieuw", "password1": STRONG, "password2": STRONG})
    assert made.status_code == 302
    user = get_user_model().objects.get(username="nieuw")
    assert user.email == "nieuw@heidebeek.example"
    assert user.groups.filter(name=roles.TOELEIDER).exists()
    assert list(user.municipalities.all()) == [demo["heidebeek"]]
    assert client.post(LOGIN, {"username": "nieuw", "password": STRONG}).status_code == 302

    client.logout()
    assert client.get(link).status_code == 410
    again = client.post(link, {"username": "nieuw2", "password1": STRONG, "password2": STRONG})
    assert again.status_code == 410
    assert not get_user_model().objects.filter(username="nieuw2").exists()


def test_an_invitation_expires_after_seven_days(client, demo, beheerder, invite):
    invite(beheerder, email="laat@heidebeek.example", role=roles.TOELEIDER,
           municipalities=[demo["heidebeek"].pk])
    link = link_in_last_mail()
    client.logout()
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert client.get(link).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert client.get(link).status_code == 410


def test_a_forged_or_withdrawn_link_does_not_work(client, demo, beheerder, invite):
    invite(beheerder, email="weg@heidebeek.example", role=roles.TOELEIDER,
           municipalities=[demo["heidebeek"].pk])
    link = link_in_last_mail()
    assert client.get(link[:-3] + "xx/").status_code == 410
    invitation = Invitation.objects.get(email="weg@heidebeek.example")
    client.post(reverse("accounts_withdraw_invitation", kwargs={"pk": invitation.pk}))
    client.logout()
    assert client.get(link).status_code == 410


def test_a_coordinator_invites_toeleiders_of_their_own_municipalities(portal_factory, invite):
    own = portal_factory("eigengem")
    other = portal_factory("andergem")
    coordinator = UserFactory(role=roles.COORDINATOR, municipalities=[own])
    # Not mandatory here: this test is about invitations.
    own.require_two_factor = False
    own.save()
    assert invite(coordinator, email="t@eigengem.example", role=roles.TOELEIDER,
                  municipalities=[own.pk]).status_code == 302
    assert invite(coordinator, email="b@eigengem.example", role=roles.BEHEERDER,
                  municipalities=[own.pk]).status_code == 400
    assert invite(coordinator, email="t@andergem.example", role=roles.TOELEIDER,
                  municipalities=[other.pk]).status_code == 400
    assert Invitation.objects.filter(invited_by=coordinator).count() == 1


@pytest.mark.parametrize("role", [roles.TOELEIDER, roles.REDACTEUR, roles.MODERATOR, roles.DPO])
def test_other_roles_may_not_invite(client, demo, role):
    user = UserFactory(role=role, municipalities=[demo["linderode"]])
    client.force_login(user)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert client.get(reverse("accounts_invitations")).url == ADMIN
    assert client.post(reverse("accounts_new_invitation"), {
        "email": "x@linderode.example", "role": roles.TOELEIDER,
    }).url == ADMIN
    assert not Invitation.objects.filter(email="x@linderode.example").exists()
    assert not services.can_invite(user)


def test_a_beheerder_sees_the_invitations_menu(client, beheerder):
    client.force_login(beheerder)
    assert "Uitnodigingen" in client.get(ADMIN).content.decode()
    assert client.get(reverse("accounts_invitations")).status_code == 200


def test_the_codes_these_tests_compute_are_accepted(demo):
    user = UserFactory(role=roles.TOELEIDER, municipalities=[demo["linderode"]])
    device, _codes = enrol(user)
    assert services.check_code(user, code(device, 1)) == device
