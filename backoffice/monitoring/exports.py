"""Tables as files: CSV (for Excel in Flanders: semicolons, UTF-8 with BOM), XLSX with one
sheet per table, and the printable monthly report as PDF. Only counts, never a person."""

import csv
import io
import re
from dataclasses import dataclass

from django.template.loader import render_to_string

from portal.spreadsheets import cell as _cell


@dataclass
class Table:
    slug: str
    title: str
    columns: list
    rows: list  # each row: [label, value, ...]
    chart: str = ""


def csv_bytes(tables):
    """One table, or several one after the other, each under its title."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for index, table in enumerate(tables):
        if len(tables) > 1:
            if index:
                writer.writerow([])
            writer.writerow([str(table.title)])
        writer.writerow([str(column) for column in table.columns])
        for row in table.rows:
            writer.writerow([str(_cell(value)).replace(".", ",") if isinstance(value, float)
                             else _cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sheet_name(title, taken):
    """Excel allows 31 characters and no []:*?/\\ in a sheet name, each name once."""
    name = re.sub(r"[\[\]:*?/\\]", "", str(title))[:31] or "Tabel"
    base, number = name, 2
    while name in taken:
        suffix = f" ({number})"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name


def xlsx_bytes(tables):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = set()
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(table.title, taken))
        sheet.append([str(column) for column in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
        sheet.column_dimensions["A"].width = max(
            [len(str(row[0])) for row in table.rows] + [12]) + 2
        sheet.freeze_panes = "B2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pdf_bytes(report, context):
    from weasyprint import HTML

    html = render_to_string("backoffice/monitoring/report_pdf.html",
                            {"report": report, **context})
    return HTML(string=html).write_pdf()
