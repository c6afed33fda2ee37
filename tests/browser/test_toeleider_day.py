"""A toeleider's day in the back office, and a coordinator reassigning work (real Chromium)."""

import re

from tests.browser.conftest import serious_accessibility_violations


def staff_tab(browser, demo_site, username, timeout=20_000):
    """A desktop-sized tab that accepts downloads, signed in to the admin as `username`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE",
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(timeout)
    log_in(page, demo_site, username)
    return context, page


def log_in(page, demo_site, username):
    page.goto(demo_site("heidebeek", "/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", "onthaal-demo")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


def submit(page, selector):
    """Send a case-page form and wait for the case page to come back."""
    with page.expect_navigation():
        page.locator(selector).click()
    assert re.search(r"/admin/cases/\d+/$", page.url), page.url


def test_a_toeleiders_day_from_desk_to_closed_case(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, demo_site, "toeleider.heidebeek")
    assert page.locator(".onthaal-work").is_visible()
    assert page.locator('.onthaal-work [data-count="new"] strong').inner_text().isdigit()

    # A walk-in at the desk.
    page.goto(demo_site("heidebeek", "/admin/cases/new/"))
    page.fill("#id_name", "Browser Balie")
    page.fill("#id_birth_year", "1991")
    page.fill("#id_email", "browser.balie@example.org")
    page.select_option("#id_contact_language", "uk")
    page.check("#id_consent")
    page.get_by_role("button", name=re.compile("Registreren|Register")).click()
    page.wait_for_url(re.compile(r".*/admin/cases/\d+/$"))
    assert "Browser Balie" in page.locator("#case-person").inner_text()

    # Schedule it in a free slot.
    options = page.locator("#id_schedule-slot option")
    page.select_option("#id_schedule-slot", index=1 if options.count() > 1 else 0)
    submit(page, "#action-schedule button")
    assert page.locator(".case[data-status='scheduled']").count() == 1

    # Record the conversation: needs, two referrals, a follow-up in six months.
    form = page.locator("#action-conversation")
    form.locator('input[name="conversation-needs"]').nth(0).check()
    form.locator('input[name="conversation-needs"]').nth(1).check()
    form.locator('input[name="conversation-themes"][value="dutch"]').check()
    page.select_option("#id_conversation-follow_up", "conversation")
    page.check("#id_conversation-follow_up_in_six_months")
    for number, purpose in enumerate(["NT2-screening", "Inschrijving VDAB"]):
        page.select_option(f"#id_referral-{number}-partner", index=number + 1)
        page.fill(f"#id_referral-{number}-purpose", purpose)
    submit(page, "#action-conversation button[type=submit]")
    assert page.locator(".case[data-status='held']").count() == 1
    assert page.locator(".referrals li").count() == 2
    # Let Wagtail's "saved" message finish fading in before checking its contrast.
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    assert serious_accessibility_violations(page) == []

    # Close the case.
    submit(page, "#action-status button[value='closed']")
    assert page.locator(".case[data-status='closed']").count() == 1
    kinds = page.locator(".timeline li").evaluate_all("items => items.map(i => i.dataset.kind)")
    assert {"created", "slot_booked", "conversation_recorded", "status_changed"} <= set(kinds)
    context.close()


def test_a_coordinator_reassigns_a_case(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, demo_site, "coordinator")
    page.goto(demo_site("heidebeek", "/admin/appointment_requests/?status=new"))
    page.locator("table tbody a").first.click()
    page.wait_for_url(re.compile(r".*/admin/cases/\d+/$"))
    page.select_option("#id_assign-assignee", label="Samir Demo")
    submit(page, "#action-assign button")
    assert "Samir Demo" in page.locator(".case-assignee").inner_text()
    context.close()
