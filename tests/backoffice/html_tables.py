"""Read a table of a rendered page back as rows of cell texts, as a person reads it."""

from html.parser import HTMLParser


class _TableReader(HTMLParser):
    def __init__(self, name):
        super().__init__()
        self.name, self.depth, self.rows, self.cell = name, 0, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and (self.depth or dict(attrs).get("data-table") == self.name):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html, name):
    """The rows (header row first) of the table with data-table="name"."""
    reader = _TableReader(name)
    reader.feed(html if isinstance(html, str) else html.decode())
    return reader.rows
