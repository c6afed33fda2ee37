"""Read an uploaded CSV or XLSX list into headers and rows of text, in memory only."""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

MAX_BYTES = 15 * 1024 * 1024  # a large municipality's month is well under 1 MB
MAX_ROWS = 100_000


class UnreadableFile(Exception):
    """The file cannot be read as a list; the message says why, in the user's language."""


@dataclass
class Table:
    headers: list
    # (row number as a spreadsheet shows it, [cell text, ...]); the header is row 1.
    rows: list = field(default_factory=list)

    def records(self, mapping):
        """Each row as {field: text} under the given {field: header} mapping."""
        index = {name: self.headers.index(header) for name, header in mapping.items()
                 if header in self.headers}
        for number, cells in self.rows:
            yield number, {name: cells[i] for name, i in index.items()}


def read_table(file_name, data):
    if not data:
        raise UnreadableFile(_("Het bestand is leeg."))
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_("Het bestand is groter dan 15 MB."))
    if data[:2] == b"PK" or file_name.lower().endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif file_name.lower().endswith((".csv", ".txt")) or b"\x00" not in data[:4096]:
        rows = _csv_rows(data)
    else:
        raise UnreadableFile(_("Dit is geen CSV- of XLSX-bestand."))
    return _table(rows)


def _table(rows):
    numbered = [(number, cells) for number, cells in rows if any(c.strip() for c in cells)]
    if not numbered:
        raise UnreadableFile(_("Het bestand is leeg."))
    _header_number, header_cells = numbered[0]
    headers = []
    for position, header in enumerate(header_cells, start=1):
        name = header.strip() or _("kolom %(number)s") % {"number": position}
        while name in headers:
            name = f"{name} ({position})"
        headers.append(name)
    body = numbered[1:]
    if not body:
        raise UnreadableFile(_("Het bestand heeft een kopregel maar geen rijen."))
    if len(body) > MAX_ROWS:
        raise UnreadableFile(_("Het bestand heeft meer dan %(max)s rijen.") % {"max": MAX_ROWS})
    width = len(headers)
    return Table(headers, [(number, [c.strip() for c in (cells + [""] * width)[:width]])
                           for number, cells in body])


def _decode(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(_("De tekens in het bestand zijn niet te lezen: bewaar het als "
                           "UTF-8 of Windows-1252."))


def _csv_rows(data):
    text = _decode(data)
    if "\x00" in text:
        raise UnreadableFile(_("Dit is geen CSV- of XLSX-bestand."))
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    try:
        return list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                              start=1))
    except csv.Error as error:
        raise UnreadableFile(_("Het CSV-bestand is niet goed gevormd.")) from error


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [(number, [_cell_text(value) for value in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
        workbook.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError) as error:
        raise UnreadableFile(_("Dit XLSX-bestand is niet te lezen.")) from error
    return rows


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
