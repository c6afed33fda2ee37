"""A reader finds the privacy notice and the accessibility statement from the footer and the
form, in Dutch and in Arabic."""

import pytest

from tests.browser.conftest import serious_accessibility_violations


def html_attributes(tab):
    return tab.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("ar", "rtl")])
def test_both_statements_open_from_the_footer_and_are_accessible(
    page, demo_site, language, direction
):
    for link, slug in [(".statement-links a[href$='/privacy/']", "privacy"),
                       (".statement-links a[href$='/toegankelijkheid/']", "toegankelijkheid")]:
        page.goto(demo_site("heidebeek", f"/{language}/"))
        page.locator(link).click()
        page.wait_for_url(f"**/{language}/{slug}/")
        assert html_attributes(page) == [language, direction]
        assert page.locator("h1").count() == 1
        assert page.locator("main [role=note]").count() == 0  # no "not translated" notice
        assert serious_accessibility_violations(page) == []


def test_the_request_form_links_the_privacy_notice_beside_the_consent(page, demo_site):
    page.goto(demo_site("linderode", "/nl/onthaalgesprek/"))
    page.locator("a[href='/nl/privacy/']").first.click()
    page.wait_for_url("**/nl/privacy/")
    assert "Linderode" in page.locator("main").inner_text()
