"""Real-browser tests: Playwright driving Debian's Chromium against Django's live server."""

import os
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an event loop in this thread; Django's database calls from
# the test thread are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("ONTHAAL_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def portal_server(django_db_setup, django_db_blocker):
    """One real HTTP server for the whole run, serving the demo loaded at session start.

    It runs in a thread with its own database connections, so it sees the committed demo
    installation and nothing a test writes inside its own transaction.
    """
    with django_db_blocker.unblock():
        server = LiveServerThread("localhost", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield server
        server.terminate()


@pytest.fixture
def demo_site(portal_server, db):
    """`url(slug, path)` addresses a demo portal on the running server."""

    def url(slug="heidebeek", path="/nl/"):
        return f"http://{slug}.localhost:{portal_server.port}{path}"

    return url


def serious_accessibility_violations(tab):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes, first: "
        f"{violation['nodes'][0]['target']})"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
