"""A coordinator reads the monitoring, switches period and municipality, and downloads the
tables and the monthly report; the files are opened and checked (real Chromium)."""

import csv
import io

import pypdfium2
from django.utils import timezone
from openpyxl import load_workbook

from tests.backoffice.html_tables import table_rows
from tests.browser.conftest import serious_accessibility_violations
from tests.browser.test_toeleider_day import staff_tab


def download(page, selector, path):
    with page.expect_download() as download_info:
        page.locator(selector).click()
    download_info.value.save_as(path)
    return path.read_bytes()


def test_switch_period_and_municipality_and_download_every_format(browser, demo_site,
                                                                  tmp_path):
    context, page = staff_tab(browser, demo_site, "coordinator", timeout=30_000)

    page.goto(demo_site("heidebeek", "/admin/"))
    page.get_by_role("button", name="Rapporten").click()
    page.get_by_role("link", name="Monitoring").click()
    heading = page.locator("#monitoring-heading")
    assert "alle gemeenten samen" in heading.inner_text()
    assert page.locator('[data-table="municipalities"]').count() == 1

    year = timezone.localdate().year
    page.select_option("#id_kind", "year")
    page.fill("#id_year", str(year))
    page.select_option("#id_municipality", label="Linderode")
    with page.expect_navigation():
        page.get_by_role("button", name="Tonen").click()
    assert heading.inner_text() == f"Monitoring {year}, Linderode"
    assert page.locator('[data-table="municipalities"]').count() == 0
    assert page.locator("svg[role=img]").count() == 3
    assert serious_accessibility_violations(page) == []

    summary = {row[0]: row[1] for row in table_rows(page.content(), "summary")}
    months = table_rows(page.content(), "months")

    csv_text = download(page, '[data-download="csv"]', tmp_path / "m.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    assert rows[0] == ["Kerncijfers"]
    assert ["Mensen bereikt", summary["Mensen bereikt"]] == rows[2][:2]
    assert months[1] in rows  # the first month, the same in the file as on screen

    workbook = load_workbook(io.BytesIO(
        download(page, '[data-download="xlsx"]', tmp_path / "m.xlsx")))
    assert workbook.sheetnames[0] == "Kerncijfers"
    sheet = workbook["Kerncijfers"]
    assert sheet["A2"].value == "Mensen bereikt"
    assert sheet["B2"].value == int(summary["Mensen bereikt"])

    pdf = pypdfium2.PdfDocument(download(page, '[data-download="pdf"]', tmp_path / "m.pdf"))
    text = "\n".join(pdf_page.get_textpage().get_text_range() for pdf_page in pdf)
    assert f"Monitoring {year}, Linderode" in text
    assert "Kerncijfers" in text and "Per maand: bereikt per kanaal" in text
    assert "Doorverwijzing door een partner" in text  # the chart's legend, drawn as text

    signals = download(page, '[data-download="signals-csv"]', tmp_path / "s.csv")
    assert signals.decode("utf-8-sig").startswith("Vragen en noden")
    context.close()
