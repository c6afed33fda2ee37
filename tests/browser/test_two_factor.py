"""Two-factor authentication in real Chromium: set it up from the QR page, sign out, sign in
with the password and a code."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from portal import roles
from portal.models import Municipality
from tests.factories import UserFactory

USERNAME = "toeleider.tweestaps"
PASSWORD = "correct-horse-battery"  # noqa: S105 - the factory's test password


@pytest.fixture(scope="module")
def staff_member(django_db_setup, django_db_blocker):
    """A committed account, so that the server thread sees it; removed afterwards."""
    with django_db_blocker.unblock():
        user = UserFactory(username=USERNAME, role=roles.TOELEIDER,
                           municipalities=[Municipality.objects.get(slug="heidebeek")])
        yield user
        user.delete()


def code_for(secret, steps_ahead=0):
    totp = TOTP(b32decode(secret.replace(" ", "")))
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def sign_in_with_password(page, demo_site):
    page.goto(demo_site("heidebeek", "/admin/login/"))
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()


def test_enrol_sign_out_and_sign_in_with_a_code(browser, demo_site, staff_member):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in_with_password(page, demo_site)
    page.wait_for_url("**/admin/")

    page.goto(demo_site("heidebeek", "/admin/two-factor/"))
    assert page.locator("figure.two-factor-qr svg").is_visible()
    secret = page.locator("#two-factor-secret").inner_text()
    page.fill("#id_code", code_for(secret))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)

    # Sign out with Wagtail's account menu.
    page.goto(demo_site("heidebeek", "/admin/"))
    page.locator(".sidebar-footer__account").click()
    page.get_by_role("button", name=re.compile("Uitloggen|Log out")).click()
    page.wait_for_url(re.compile(r".*/admin/login/.*"))

    sign_in_with_password(page, demo_site)
    page.wait_for_url(re.compile(r".*/admin/two-factor/verify/.*"))
    page.fill("#id_code", code_for(secret, steps_ahead=1))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url("**/admin/")
    expect(page.locator("#wagtail-sidebar")).to_have_count(1)
    context.close()
