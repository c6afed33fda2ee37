"""New-resident lists as population software writes them: built by the tests, as real files."""

import csv
import io
from datetime import date

from openpyxl import Workbook

from backoffice.inflow.columns import FIELD_NAMES as HEADERS
from backoffice.inflow.values import register_number_for as register_number


def person(last, first, birth, registered, *, nationality="MA", sex="V", origin="",
           street="Kerkstraat", number="1", box="", phone="", email="", with_number=True,
           serial=2):
    return {
        "rijksregisternummer": register_number(birth, serial) if with_number else "",
        "naam": last, "voornaam": first, "geboortedatum": birth.strftime("%d/%m/%Y"),
        "geslacht": sex, "nationaliteit": nationality, "herkomst": origin,
        "datum_inschrijving": registered.strftime("%d/%m/%Y"), "straat": street,
        "huisnummer": number, "bus": box, "postcode": "9999", "gemeente": "Proefdorp",
        "telefoon": phone, "email": email,
    }


OCTOBER = date(2026, 10, 6)

# Three households (one of three people, one of two, one alone) and two more people.
PEOPLE = [
    person("Demo-Haddad", "Amina", date(1988, 3, 14), OCTOBER, street="Molenweg", number="12",
           phone="0470 99 12 34", origin="niet-Belgisch", serial=2),
    person("Demo-Haddad", "Youssef", date(1985, 7, 2), OCTOBER, street="Molenweg", number="12",
           sex="M", origin="niet-Belgisch", serial=3),
    person("Demo-Haddad", "Lina", date(2016, 11, 30), OCTOBER, street="Molenweg", number="12",
           origin="niet-Belgisch", serial=4),
    person("Demo-Kovalenko", "Olena", date(1979, 1, 20), date(2026, 10, 9),
           nationality="Oekraïne", street="Heidelaan", number="3", box="2", serial=6,
           email="olena@example.org", origin="buitenlandse herkomst"),
    person("Demo-Kovalenko", "Taras", date(2009, 5, 5), date(2026, 10, 9),
           nationality="UKR", street="Heidelaan", number="3", box="2", sex="M", serial=7),
    person("Demo-Lefèvre", "Zoë", date(1996, 8, 8), date(2026, 10, 14), nationality="FR",
           street="Stationsplein", number="7", serial=8, origin="Frankrijk"),
    person("Demo-Peeters", "Jan", date(1990, 2, 2), date(2026, 10, 20), nationality="België",
           sex="M", street="Dorpsstraat", number="40", serial=9, origin="Belgisch"),
    person("Demo-Osei", "Kwame", date(2001, 12, 24), date(2026, 10, 22), nationality="GH",
           sex="M", street="Beekstraat", number="5", with_number=False,
           phone="+32 470 99 55 66"),
]


def csv_bytes(rows, *, headers=HEADERS, delimiter=";", encoding="utf-8"):
    """The rows in HEADERS order, under the given header line (other software's names)."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in HEADERS])
    return text.getvalue().encode(encoding)


def xlsx_bytes(rows, *, headers=HEADERS):
    """An XLSX with real date cells, as spreadsheet users save it."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        values = []
        for header in HEADERS:
            value = row.get(header, "")
            if header in ("geboortedatum", "datum_inschrijving"):
                day, month, year = value.split("/")
                value = date(int(year), int(month), int(day))
            values.append(value)
        sheet.append(values)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
