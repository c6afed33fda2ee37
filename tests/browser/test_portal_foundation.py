"""A newcomer opens the demo portal on a phone, in Dutch and in Arabic, and switches language."""

from tests.browser.conftest import serious_accessibility_violations


def html_attributes(tab):
    return tab.evaluate(
        "() => [document.documentElement.lang, document.documentElement.dir]"
    )


def fits_the_screen(tab):
    return tab.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_dutch_home_page_is_left_to_right_and_accessible(page, demo_site):
    page.goto(demo_site("heidebeek", "/nl/"))
    assert html_attributes(page) == ["nl", "ltr"]
    assert page.locator("h1").count() == 1
    assert "Heidebeek" in page.locator("header").inner_text()
    assert fits_the_screen(page)
    assert serious_accessibility_violations(page) == []


def test_arabic_home_page_is_right_to_left_and_accessible(page, demo_site):
    page.goto(demo_site("heidebeek", "/ar/"))
    assert html_attributes(page) == ["ar", "rtl"]
    direction = page.evaluate("() => getComputedStyle(document.body).direction")
    assert direction == "rtl"
    assert fits_the_screen(page)
    assert serious_accessibility_violations(page) == []


def test_switch_language_with_the_switcher_and_stay_on_the_page(page, demo_site):
    page.goto(demo_site("heidebeek", "/nl/"))
    page.get_by_text("Taal:").click()
    page.get_by_role("link", name="العربيّة").click()
    page.wait_for_url("**/ar/")
    assert html_attributes(page) == ["ar", "rtl"]

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Українська").click()
    page.wait_for_url("**/uk/")
    assert html_attributes(page) == ["uk", "ltr"]
    assert serious_accessibility_violations(page) == []


def test_root_address_opens_the_portal_in_the_browser_language(browser, demo_site):
    context = browser.new_context(locale="ar")
    tab = context.new_page()
    tab.goto(demo_site("heidebeek", "/"))
    assert tab.url.endswith("/ar/")
    context.close()


def test_second_municipality_offers_only_its_languages(page, demo_site):
    page.goto(demo_site("linderode", "/nl/"))
    assert "Linderode" in page.locator("header").inner_text()
    page.locator(".language-switcher summary").click()
    names = page.locator(".language-switcher li a").all_inner_texts()
    assert "Türkçe" in names
    assert "فارسی" not in names


def test_skip_link_is_the_first_stop_and_visible_on_focus(page, demo_site):
    page.goto(demo_site("heidebeek", "/nl/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert "skip-link" in focused
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
