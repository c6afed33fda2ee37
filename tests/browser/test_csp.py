"""In Chromium, with the real Content Security Policy: no public page breaks the policy or
asks anything of another host; neither does the admin with its own policy."""

from urllib.parse import urlsplit

from practices.models import PracticePage
from tests.browser.test_toeleider_day import log_in

# Collects what the browser reports, in the page itself, before any of the page's own code.
LISTEN_FOR_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


class Watch:
    """Console messages about the policy, violations and requests of a browser context."""

    def __init__(self, context, page):
        self.page = page
        self.console = []
        self.requests = []
        context.add_init_script(LISTEN_FOR_VIOLATIONS)
        page.on("console", lambda message: self.console.append(message.text))
        context.on("request", lambda request: self.requests.append(request.url))

    def visit(self, url, settle=False):
        response = self.page.goto(url)
        if settle:  # the admin's scripts go on fetching after the load event
            self.page.wait_for_load_state("networkidle")
        return response

    def problems(self):
        violations = self.page.evaluate("window.__violations || []")
        policy_messages = [
            text for text in self.console if "Content Security Policy" in text
        ]
        return violations + policy_messages


def fiche_path():
    return PracticePage.objects.live().order_by("pk").first().get_url_parts()[2]


PUBLIC_PATHS = [
    "/nl/",
    "/nl/leven/werk/",
    "/nl/partners/",
    "/nl/zoeken/?q=werk",
    "/nl/onthaalgesprek/",
    "/nl/praktijken/",
    "/nl/praktijken/fiche-indienen/",
    "/ar/",
    "/ar/leven/werk/",
    "/fr/bestaat-niet/",
]


def test_public_pages_break_no_policy_and_stay_on_the_site(browser, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watch(context, page)
    fiche = fiche_path()
    paths = [*PUBLIC_PATHS, fiche, f"{fiche}wij-ook/"]
    statuses = {}
    for path in paths:
        response = watch.visit(demo_site("heidebeek", path))
        statuses[path] = response.status
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], path
        assert watch.problems() == [], path

    # A search sent from the page's own form (form-action 'self').
    watch.visit(demo_site("heidebeek", "/nl/zoeken/"))
    page.locator("main #search-q").fill("werk")
    with page.expect_navigation():
        page.locator("main .search-form [type=submit]").click()
    assert "q=werk" in page.url
    assert watch.problems() == []

    # The watch itself works: an inline script slipped into the page is reported.
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
    }""")
    assert page.evaluate("window.injected") is None
    assert any("script-src" in problem for problem in watch.problems())

    assert statuses["/fr/bestaat-niet/"] == 404
    assert all(status == 200 for path, status in statuses.items() if "bestaat" not in path)
    hosts = {urlsplit(url).netloc for url in watch.requests if not url.startswith("data:")}
    assert hosts == {urlsplit(demo_site("heidebeek", "/")).netloc}
    # The stylesheets were loaded, not blocked: the site header has its colour.
    colour = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(10, 75, 125)"
    context.close()


def test_the_admin_works_under_its_policy(browser, demo_site, demo):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(20_000)
    watch = Watch(context, page)
    log_in(page, demo_site, "beheerder")
    home = demo["heidebeek"].site.root_page
    for path in ["/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/edit/",
                 "/admin/snippets/", "/admin/images/"]:
        response = watch.visit(demo_site("heidebeek", path), settle=True)
        assert response.status == 200, path
        assert watch.problems() == [], path
    # The admin's own scripts ran (the last page visited is the image library).
    assert page.evaluate("typeof window.wagtail") == "object"
    hosts = {urlsplit(url).netloc for url in watch.requests if not url.startswith("data:")}
    assert hosts == {urlsplit(demo_site("heidebeek", "/")).netloc}
    context.close()
