"""Policy signals: the needs and gaps heard in conversations, counted and quoted without
anyone being recognisable, for the college, the council and the integration agency."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from backoffice.monitoring import counts
from backoffice.monitoring.exports import Table

REMOVED = "[…]"

# What could point to a person in a note: e-mail and web addresses, phone and register
# numbers (any run of six or more digits, spaces, dots, slashes or dashes), postcodes with
# a place, and street addresses with a house number.
PATTERNS = [
    re.compile(r"\S+@\S+"),
    re.compile(r"(https?://|www\.)\S+", re.IGNORECASE),
    re.compile(r"\+?\d[\d\s./-]{5,}\d"),
    re.compile(r"\b\d{4}\s+[A-ZÀ-Ý][\w-]+"),
    re.compile(
        r"\b[\w-]*(straat|laan|weg|plein|steenweg|dreef|lei|baan|markt|kaai|hof)\s+\d+\w*",
        re.IGNORECASE,
    ),
]


# Parts of names that are also ordinary words in a Dutch note: never removed on their own.
NAME_PARTICLES = {"van", "de", "den", "der", "het", "ten", "ter", "te", "el", "al", "ben",
                  "bin", "le", "la", "du", "di", "da", "op", "in", "t"}


def anonymise_quote(text, names=()):
    """The note with contact details, addresses and the person's own names left out."""
    for pattern in PATTERNS:
        text = pattern.sub(REMOVED, text)
    parts = {part for name in names for part in str(name).split()
             if len(part) > 1 and part.lower() not in NAME_PARTICLES}
    if parts:
        words = "|".join(re.escape(part) for part in sorted(parts, key=len, reverse=True))
        text = re.sub(rf"\b({words})\b", REMOVED, text, flags=re.IGNORECASE)
    return " ".join(text.split())


@dataclass
class Quote:
    month: str
    municipality: str
    needs: str
    text: str


def quotes(municipalities, start, end):
    """Every needs note of the period, anonymised, oldest first."""
    held = (counts.conversations(municipalities, start, end).exclude(needs_text="")
            .select_related("request__municipality").prefetch_related("needs")
            .order_by("held_on", "pk"))
    return [
        Quote(
            month=f"{conversation.held_on:%m/%Y}",
            municipality=conversation.request.municipality.name,
            needs=", ".join(need.label for need in conversation.needs.all()),
            text=anonymise_quote(conversation.needs_text, [conversation.request.name]),
        )
        for conversation in held
    ]


def signal_tables(municipalities, period):
    """Two tables: every need category with its count, and the anonymised quotes."""
    needs = counts.needs_by_category(municipalities, period.start, period.end)
    return [
        Table("signals", _("Vragen en noden"), [_("Vraag of nood"), _("Gesprekken")],
              [list(row) for row in needs]),
        Table("quotes", _("In eigen woorden (geanonimiseerd)"),
              [_("Maand"), _("Gemeente"), _("Vragen en noden"), _("Citaat")],
              [[quote.month, quote.municipality, quote.needs, quote.text]
               for quote in quotes(municipalities, period.start, period.end)]),
    ]
