"""A newcomer asks for a welcome conversation on a phone, in Dutch, Arabic and Ukrainian:
first with mistakes, then correctly with a slot; then follows the private link and cancels."""

import re

import pytest

from tests.browser.conftest import serious_accessibility_violations


@pytest.mark.parametrize("language", ["nl", "ar", "uk"])
def test_newcomer_requests_a_conversation_then_cancels(page, demo_site, language):
    page.goto(demo_site("heidebeek", f"/{language}/"))
    page.locator(".nav-request").click()
    page.wait_for_url(f"**/{language}/onthaalgesprek/")
    assert serious_accessibility_violations(page) == []

    # First attempt: a wrong phone number and no consent.
    page.fill("#id_name", "Test Nieuwkomer")
    page.fill("#id_phone", "12")
    page.fill("#id_question", "Waar kan ik Nederlands leren?")
    page.check('input[name="topics"][value="dutch"]')
    page.locator('input[name="send"]').click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')")
    assert page.input_value("#id_name") == "Test Nieuwkomer"
    assert page.input_value("#id_question") == "Waar kan ik Nederlands leren?"
    assert page.is_checked('input[name="topics"][value="dutch"]')
    assert page.locator("#id_phone.is-invalid").count() == 1
    assert page.locator("#error_1_id_phone").is_visible()
    assert serious_accessibility_violations(page) == []

    # Second attempt: corrected, with consent and a slot.
    page.fill("#id_phone", "0470 12 34 56")
    page.check("#id_consent")
    slots = page.locator('input[name="slot"]')
    assert slots.count() >= 2
    slots.nth(1).check()
    page.locator('input[name="send"]').click()
    page.wait_for_url(re.compile(r".*/onthaalgesprek/[^/]+/\?verstuurd=1$"))
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"ONT-\d{4}-\d{4}", reference)
    assert page.locator('.request-state[data-status="scheduled"]').count() == 1
    assert serious_accessibility_violations(page) == []

    # Later: the private link, then cancel.
    page.goto(page.url.split("?")[0])
    assert page.locator(".reference").inner_text() == reference
    page.check("#id_cancel-confirm")
    page.locator('button[name="cancel"]').click()
    page.wait_for_url("**?geannuleerd=1")
    assert page.locator('.request-state[data-status="cancelled"]').count() == 1
    assert page.locator("html").get_attribute("lang") == language
