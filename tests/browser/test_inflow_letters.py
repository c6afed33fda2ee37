"""A coordinator imports the month's list, maps a column, and prints letters (real Chromium)."""

import re
from datetime import date

import pypdfium2
import zxingcpp

from tests.backoffice.inflow_files import HEADERS, csv_bytes, person
from tests.browser.test_toeleider_day import staff_tab

# The population software calls the last name differently: the user maps it once.
BROWSER_HEADERS = ["Achternaam van de persoon" if h == "naam" else h for h in HEADERS]
NOVEMBER = date(2026, 11, 2)
PEOPLE = [
    person("Demo-Browserhuis-Een", "Samira", date(1987, 6, 1), NOVEMBER, street="Lindeplein",
           number="1", serial=20),
    person("Demo-Browserhuis-Een", "Adam", date(2015, 6, 1), NOVEMBER, street="Lindeplein",
           number="1", sex="M", serial=21),
    person("Demo-Browserhuis-Twee", "Petro", date(1975, 3, 3), NOVEMBER, nationality="UA",
           street="Lindeplein", number="2", sex="M", serial=23),
    person("Demo-Browserhuis-Drie", "Nadia", date(1999, 9, 9), NOVEMBER, nationality="SY",
           street="Lindeplein", number="3", serial=24),
]


def test_import_map_and_print_letters_for_three_households(browser, demo_site, tmp_path):
    source = tmp_path / "nieuwe-inwoners-november.csv"
    source.write_bytes(csv_bytes(PEOPLE, headers=BROWSER_HEADERS))
    context, page = staff_tab(browser, demo_site, "coordinator")

    page.goto(demo_site("heidebeek", "/admin/inflow/import/"))
    if page.locator("#id_municipality").count():
        page.select_option("#id_municipality", label="Heidebeek")
    page.set_input_files("#id_file", str(source))
    with page.expect_navigation():
        page.get_by_role("button", name="Bestand nakijken").click()
    page.wait_for_url(re.compile(r".*/admin/inflow/import/[\w-]+/$"))
    assert "Kies eerst de kolommen" in page.content()

    page.select_option("#id_naam", "Achternaam van de persoon")
    with page.expect_navigation():
        page.get_by_role("button", name="Voorbeeld bijwerken").click()
    assert page.locator(".inflow-preview tbody tr").count() == 4
    assert "Samira Demo-Browserhuis-Een" in page.locator(".inflow-preview").inner_text()
    page.get_by_role("button", name="Inlezen", exact=True).click()
    page.wait_for_url(re.compile(r".*/admin/inflow_imports/inspect/\d+/$"))
    assert "4 nieuwe inwoners ingelezen" in page.content()

    page.goto(demo_site("heidebeek", "/admin/new_residents/?q=Browserhuis"))
    rows = page.locator("table.listing tbody tr")
    assert rows.count() == 4
    for first_name in ["Samira", "Petro", "Nadia"]:
        rows.filter(has_text=first_name).locator("input.bulk-action-checkbox").check()
    page.locator("[data-bulk-action-footer] a", has_text="Uitnodigingsbrieven").click()
    page.wait_for_url(re.compile(r".*/admin/bulk/backoffice/newresident/letters/.*"))
    assert page.locator(".letter-households li").count() == 3
    page.select_option("#id_language", "ar")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF maken").click()
    pdf_path = tmp_path / "brieven.pdf"
    download_info.value.save_as(pdf_path)
    context.close()

    document = pypdfium2.PdfDocument(str(pdf_path))
    assert len(document) == 3
    texts = [page.get_textpage().get_text_range() for page in document]
    first = next(text for text in texts if "Samira" in text)
    assert "Adam" in first  # the whole household on one letter
    assert "Uitnodiging voor een onthaalgesprek" in first
    assert "دعوة" in first
    image = document[texts.index(first)].render(scale=3).to_pil()
    targets = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    assert len(targets) == 1
    assert re.fullmatch(r"http://heidebeek\.localhost(:\d+)?/u/[A-Z2-9]{8}/", targets[0]), targets
