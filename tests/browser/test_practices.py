"""The practice database in a real browser: find and share a search; submit a fiche with an
image; the moderator asks for a change, the sender corrects, the moderator publishes; a
municipality says "we do this too" and shows on the fiche once the moderator accepts."""

import io
import re

import pytest
from PIL import Image

from practices.models import PracticePage, Submission
from tests.browser.conftest import serious_accessibility_violations
from tests.browser.test_toeleider_day import staff_tab

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def forget_what_the_browser_made():
    """The live server commits; remove what these tests sent, so later tests see the demo."""
    before = set(Submission.objects.values_list("pk", flat=True))
    pages_before = set(PracticePage.objects.values_list("pk", flat=True))
    yield
    Submission.objects.exclude(pk__in=before).delete()
    for page in PracticePage.objects.exclude(pk__in=pages_before):
        page.delete()


def titles(tab):
    return tab.locator(".practice-card h3").all_inner_texts()


def test_filter_search_and_share_the_address(browser, demo_site, page):
    page.goto(demo_site("heidebeek", "/nl/praktijken/"))
    everything = int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())
    assert everything >= 12

    page.locator("#facet-beleidsdomein ~ ul a.facet-value", has_text="Taal").first.click()
    page.wait_for_url(re.compile(r"beleidsdomein=taal"))
    page.fill("#practice-q", "oefenen")
    page.locator("#practice-q").press("Enter")
    page.wait_for_url(re.compile(r"q=oefenen"))
    found = int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())
    assert 0 < found < everything
    shown = titles(page)
    assert shown and len(shown) == min(found, 20)
    # The selected value is marked, and can be removed again.
    assert page.locator("a.facet-value[aria-current='true']", has_text="Taal").count() == 1

    shared = page.locator("#share-url").input_value()
    assert "beleidsdomein=taal" in shared and "q=oefenen" in shared
    colleague = browser.new_context(locale="fr-BE").new_page()
    colleague.goto(shared)
    assert titles(colleague) == shown
    colleague.context.close()
    assert serious_accessibility_violations(page) == []


def png_file(tmp_path):
    path = tmp_path / "taalwandeling.png"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), (40, 120, 90)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def fill_fiche(tab, *, title):
    tab.fill("#id_title", title)
    tab.fill("#id_intro", "Vrijwilligers wandelen elke week met nieuwkomers en praten Nederlands.")
    tab.select_option("#id_category", index=1)
    tab.locator("input[name=policy_domains]").first.check()
    tab.fill("#id_description", "Elke dinsdag vertrekt een groep aan het gemeentehuis.")
    tab.fill("#id_municipality_name", "Voorbeeldegem")
    tab.select_option("#id_province", "vlaams-brabant")
    tab.fill("#id_how", "Met de bibliotheek en twee buurthuizen.")
    tab.fill("#id_contact_email", "taal@voorbeeldegem.example")
    tab.fill("#id_sender_name", "Dienst Samenleven")
    tab.fill("#id_email", "samenleven@voorbeeldegem.example")
    tab.check("#id_confirm")


def send(tab, button_text):
    with tab.expect_navigation():
        tab.get_by_role("button", name=button_text).click()


def workflow_action(tab, name, comment=None):
    """Click a workflow action in the page editor's footer menu (opening it when needed);
    with a comment, the action's dialog asks for it."""
    modal = "[data-workflow-action-modal-url]"
    kind = modal if comment else f":not({modal})"
    button = tab.locator(f"button[data-workflow-action-name='{name}']{kind}").first
    if not button.is_visible():
        tab.locator("footer .w-dropdown__toggle").first.click()
    if comment is None:
        with tab.expect_navigation():
            button.click()
        return
    button.click()
    tab.locator(".modal textarea[name=comment]").fill(comment)
    with tab.expect_navigation():
        tab.locator(".modal button[type=submit]").click()


def test_submit_a_fiche_then_moderate_it(browser, demo_site, page, tmp_path,
                                         forget_what_the_browser_made):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site("heidebeek", "/nl/praktijken/fiche-indienen/"))
    fill_fiche(page, title="Taalwandeling met buren")
    page.set_input_files("#id_image", str(png_file(tmp_path)))
    page.fill("#id_image_alt", "Een groep wandelaars op een pad")
    send(page, "Fiche versturen")
    status_url = page.url.split("?")[0]
    assert "/nl/praktijken/inzending/" in status_url
    assert "Wacht op nalezing" in page.content()

    submission = Submission.objects.get(page__title="Taalwandeling met buren")
    fiche = submission.page
    assert not fiche.live and fiche.get_latest_revision_as_object().image is not None
    # Not public while in moderation.
    draft_url = demo_site("heidebeek", "/nl/praktijken/taalwandeling-met-buren/")
    assert page.goto(draft_url).status == 404

    context, moderator = staff_tab(browser, demo_site, "moderator")
    moderator.goto(demo_site("heidebeek", f"/admin/pages/{fiche.pk}/edit/"))
    workflow_action(moderator, "reject", comment="Vermeld ook hoeveel mensen meewandelen.")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED

    # The sender reads the remark on the private page and corrects the fiche there.
    page.goto(status_url)
    assert "Vermeld ook hoeveel mensen meewandelen." in page.content()
    page.fill("#id_results", "Gemiddeld twaalf wandelaars per week.")
    page.check("#id_confirm")
    send(page, "Aangepaste fiche versturen")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW

    moderator.goto(demo_site("heidebeek", f"/admin/pages/{fiche.pk}/edit/"))
    workflow_action(moderator, "approve")
    context.close()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED

    page.goto(demo_site("heidebeek", "/nl/praktijken/taalwandeling-met-buren/"))
    assert page.locator("h1").inner_text() == "Taalwandeling met buren"
    assert "Gemiddeld twaalf wandelaars per week." in page.content()
    assert page.locator("main img").count() >= 1
    assert "taal@voorbeeldegem.example" not in page.content()
    assert serious_accessibility_violations(page) == []


def test_we_do_this_too_shows_after_approval(browser, demo_site, page,
                                             forget_what_the_browser_made):
    # A fiche with nothing else waiting: accepting publishes it again.
    fiche = PracticePage.objects.live().filter(has_unpublished_changes=False).exclude(
        applied_in__municipality_name="Heidebeek").order_by("pk").first()
    fiche_url = demo_site("heidebeek", fiche.get_url_parts()[2])
    page.goto(fiche_url)
    page.get_by_role("link", name="Wij doen dit ook").click()
    page.fill("#id_municipality_name", "Heidebeek")
    page.select_option("#id_province", "limburg")
    page.fill("#id_description", "Onze toeleiders doen het samen met de bibliotheek.")
    page.fill("#id_contact_email", "onthaal@heidebeek.example")
    page.fill("#id_sender_name", "Team Onthaal")
    page.fill("#id_email", "onthaal@heidebeek.example")
    send(page, "Versturen")
    assert "/nl/praktijken/inzending/" in page.url
    page.goto(fiche_url)
    assert "Heidebeek" not in page.locator("[aria-labelledby=applied-heading]").inner_text()

    submission = Submission.objects.get(page=fiche, kind=Submission.Kind.ADOPTION,
                                        municipality_name="Heidebeek")
    context, moderator = staff_tab(browser, demo_site, "moderator")
    moderator.goto(demo_site("heidebeek", f"/admin/practices/submissions/edit/{submission.pk}/"))
    moderator.locator("input[name=decision][value=accept]").check()
    with moderator.expect_navigation():
        moderator.locator("button[type=submit]", has_text="Beslissing bewaren").first.click()
    context.close()

    # Another reader (browsers may keep a public page for a minute) sees it at once.
    reader = browser.new_context().new_page()
    reader.goto(fiche_url)
    assert "Heidebeek" in reader.locator("[aria-labelledby=applied-heading]").inner_text()
    reader.context.close()
