"""A newcomer walks the portal on a phone: Arabic home, a life domain, the Dutch text beside
it, Ukrainian, and a search for a partner. Every page type passes an axe-core scan."""

from tests.browser.conftest import serious_accessibility_violations


def html_attributes(tab):
    return tab.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


def fits_the_screen(tab):
    return tab.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_newcomer_walks_the_portal_in_arabic_then_ukrainian(page, demo_site):
    page.goto(demo_site("heidebeek", "/ar/"))
    assert html_attributes(page) == ["ar", "rtl"]
    assert page.locator(".tile").count() >= 8
    assert fits_the_screen(page)
    assert serious_accessibility_violations(page) == []

    # Open a life domain from its tile.
    page.locator(".tile").nth(1).click()
    page.wait_for_url("**/ar/leven/werk/")
    assert html_attributes(page) == ["ar", "rtl"]
    assert page.locator(".faq-item").count() >= 2
    page.locator(".faq-item summary").first.click()
    assert page.locator(".faq-item").first.evaluate("(el) => el.open")
    assert serious_accessibility_violations(page) == []

    # Read the Dutch text beside the Arabic one.
    page.locator('a[href="?beside=nl"]').click()
    page.wait_for_url("**/ar/leven/werk/?beside=nl")
    dutch_columns = page.locator(".beside-dutch")
    assert dutch_columns.count() >= 4
    assert dutch_columns.first.evaluate("(el) => getComputedStyle(el).direction") == "ltr"
    assert fits_the_screen(page)
    assert serious_accessibility_violations(page) == []

    # Switch to Ukrainian on the same page: the Dutch text stays beside it.
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Українська").click()
    page.wait_for_url("**/uk/leven/werk/?beside=nl")
    assert html_attributes(page) == ["uk", "ltr"]
    assert page.locator(".beside-dutch").count() >= 4

    # Search for a partner.
    page.locator(".portal-nav li:last-child a").click()
    page.wait_for_url("**/uk/zoeken/")
    page.locator("#search-q").fill("VDAB")
    page.locator(".search-form button").click()
    page.wait_for_url("**/uk/zoeken/?q=VDAB")
    assert page.locator(".partner-card").count() >= 1
    assert "VDAB" in page.locator(".partner-card").first.inner_text()
    assert serious_accessibility_violations(page) == []


def test_partner_directory_filter_and_fallback_page_are_accessible(page, demo_site):
    page.goto(demo_site("linderode", "/nl/partners/"))
    everyone = page.locator(".partner-card").count()
    page.select_option("#domain-filter", "childcare")
    page.locator(".directory-filter button").click()
    page.wait_for_url("**/nl/partners/?domain=childcare")
    assert 0 < page.locator(".partner-card").count() < everyone
    assert serious_accessibility_violations(page) == []

    page.goto(demo_site("linderode", "/ro/leven/"))
    assert html_attributes(page) == ["ro", "ltr"]
    assert page.locator(".alert-info").count() == 1
    assert serious_accessibility_violations(page) == []
