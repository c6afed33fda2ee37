"""The fields a new-resident list can give, and which column holds which."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class InflowField:
    name: str  # also the default Dutch column header
    label: str
    required: bool = False


FIELDS = [
    InflowField("rijksregisternummer", _("Rijksregisternummer")),
    InflowField("naam", _("Naam"), required=True),
    InflowField("voornaam", _("Voornaam"), required=True),
    InflowField("geboortedatum", _("Geboortedatum"), required=True),
    InflowField("geslacht", _("Geslacht")),
    InflowField("nationaliteit", _("Nationaliteit")),
    InflowField("herkomst", _("Herkomst")),
    InflowField("datum_inschrijving", _("Datum van inschrijving"), required=True),
    InflowField("straat", _("Straat")),
    InflowField("huisnummer", _("Huisnummer")),
    InflowField("bus", _("Bus")),
    InflowField("postcode", _("Postcode")),
    InflowField("gemeente", _("Gemeente")),
    InflowField("telefoon", _("Telefoon")),
    InflowField("email", _("E-mail")),
]
FIELD_NAMES = [field.name for field in FIELDS]
LABELS = {field.name: field.label for field in FIELDS}

# Other headers seen in population software exports, in their simplified form.
ALIASES = {
    "rijksregisternummer": ["rrn", "insz", "rijksregister", "rijksregisternr",
                            "nationaal_nummer", "nationaalnummer", "identificatienummer"],
    "naam": ["familienaam", "achternaam"],
    "voornaam": ["voornamen"],
    "geboortedatum": ["geboorte_datum", "geb_datum", "datum_geboorte"],
    "geslacht": ["sexe", "gender"],
    "nationaliteit": ["nat", "nationaliteitscode"],
    "herkomst": ["origine"],
    "datum_inschrijving": ["inschrijvingsdatum", "datum_van_inschrijving", "ingeschreven_op",
                           "datum_inschr"],
    "straat": ["straatnaam"],
    "huisnummer": ["huisnr", "nummer", "nr"],
    "bus": ["busnummer", "busnr"],
    "postcode": ["post_code"],
    "gemeente": ["woonplaats", "plaats", "deelgemeente"],
    "telefoon": ["telefoonnummer", "tel", "gsm"],
    "email": ["e_mail", "e_mailadres", "emailadres", "mail"],
}


def simplified(header):
    """'Datum inschrijving ' and 'datum-inschrijving' both become 'datum_inschrijving'."""
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def guess_mapping(headers, remembered=None):
    """{field: header} for the given headers: the municipality's remembered choice where that
    header is present, else a header named like the field or one of its aliases."""
    remembered = remembered or {}
    by_simple = {simplified(header): header for header in headers}
    mapping = {}
    for name in FIELD_NAMES:
        if remembered.get(name) in headers:
            mapping[name] = remembered[name]
            continue
        for candidate in [name, *ALIASES.get(name, [])]:
            if candidate in by_simple:
                mapping[name] = by_simple[candidate]
                break
    return mapping


def missing_required(mapping):
    return [field for field in FIELDS if field.required and not mapping.get(field.name)]
