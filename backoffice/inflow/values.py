"""Turn one row's text into clean values, or say per field what is wrong.

Problems never repeat the value itself: the validation report can be downloaded and
passed around without spreading personal data.
"""

import hashlib
import hmac
import re
import unicodedata
from datetime import date, datetime
from functools import cache

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from backoffice.inflow.columns import FIELDS
from backoffice.models import NewResident

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y", "%Y%m%d"]
MAX_LENGTHS = {"naam": 100, "voornaam": 100, "straat": 150, "huisnummer": 10, "bus": 10,
               "gemeente": 100}


class Invalid(ValueError):
    pass


def folded(text):
    """Lower case, no accents, single spaces: for comparing names and addresses."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def parse_date(text):
    text = text.strip()
    for pattern in DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if pattern == "%d/%m/%y" and parsed > timezone.localdate():
            parsed = parsed.replace(year=parsed.year - 100)
        return parsed
    raise Invalid(_("geen geldige datum (gebruik bv. 31/01/2026 of 2026-01-31)"))


def check_number(first_nine, born_from_2000):
    """The last two digits of a national register number: 97 minus the first nine modulo 97,
    with a 2 in front of them for people born from 2000 on."""
    return 97 - (int(first_nine) + (2_000_000_000 if born_from_2000 else 0)) % 97


def register_number_for(birth, serial):
    """A register number of the right form for this birth date and serial (demo and tests)."""
    first_nine = f"{birth:%y%m%d}{serial:03d}"
    return f"{first_nine}{check_number(first_nine, birth.year >= 2000):02d}"


def parse_register_number(text):
    """The 11 digits of a valid national register number (dots and dashes allowed)."""
    digits = re.sub(r"[\s.\-/]", "", text)
    if not re.fullmatch(r"\d{11}", digits):
        raise Invalid(_("een rijksregisternummer heeft 11 cijfers"))
    if int(digits[9:]) not in (check_number(digits[:9], False), check_number(digits[:9], True)):
        raise Invalid(_("het controlegetal van het rijksregisternummer klopt niet"))
    return digits


SEXES = {"m": "M", "man": "M", "mannelijk": "M", "male": "M", "h": "M", "homme": "M",
         "v": "F", "vrouw": "F", "vrouwelijk": "F", "f": "F", "female": "F", "femme": "F",
         "x": "X"}


def parse_sex(text):
    try:
        return SEXES[folded(text)]
    except KeyError:
        raise Invalid(_("gebruik M, V of X")) from None


@cache
def country_codes():
    """Simplified country names (Dutch and English), ISO alpha-2 and alpha-3 codes -> alpha-2."""
    from django_countries import countries

    names = {}
    for language in ("en", "nl"):
        with translation.override(language):
            for code, name in countries:
                names[folded(name)] = code
    for code, _name in countries:
        names[code.lower()] = code
        alpha3 = countries.alpha3(code)
        if alpha3:
            names[alpha3.lower()] = code
    names.update({"belg": "BE", "belgisch": "BE", "belgische": "BE", "belgie": "BE"})
    return names


def parse_nationality(text):
    try:
        return country_codes()[folded(text)]
    except KeyError:
        raise Invalid(_("onbekende nationaliteit: gebruik een ISO-code (bv. MA) of de "
                        "Nederlandse landnaam")) from None


BELGIAN_ORIGIN = {"belg", "belgisch", "belgische", "belgische herkomst", "belg van belgische "
                  "herkomst", "be", "bel", "belgie"}
FOREIGN_ORIGIN = {"niet belg", "niet belgisch", "niet belgische herkomst", "buitenlands",
                  "buitenlandse herkomst", "vreemd", "vreemde herkomst",
                  "belg van niet belgische herkomst"}


def parse_origin(text):
    value = folded(text)
    if value in BELGIAN_ORIGIN:
        return NewResident.Origin.BELGIAN
    if value in FOREIGN_ORIGIN:
        return NewResident.Origin.FOREIGN
    code = country_codes().get(value)
    if code:
        return NewResident.Origin.BELGIAN if code == "BE" else NewResident.Origin.FOREIGN
    raise Invalid(_("gebruik Belgisch of niet-Belgisch, of een land"))


def parse_phone(text):
    try:
        number = phonenumbers.parse(text, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise Invalid(_("geen geldig telefoonnummer"))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_email(text):
    try:
        validate_email(text)
    except ValidationError:
        raise Invalid(_("geen geldig e-mailadres")) from None
    return text.lower()


def parse_postcode(text):
    if not re.fullmatch(r"\d{4}", text):
        raise Invalid(_("een Belgische postcode heeft vier cijfers"))
    return text


PARSERS = {
    "rijksregisternummer": parse_register_number, "geboortedatum": parse_date,
    "datum_inschrijving": parse_date, "geslacht": parse_sex,
    "nationaliteit": parse_nationality, "herkomst": parse_origin, "telefoon": parse_phone,
    "email": parse_email, "postcode": parse_postcode,
}


def clean_record(record, today=None):
    """(values, problems): values by field name; problems as [(field, text)]."""
    today = today or timezone.localdate()
    values, problems = {}, []
    for field in FIELDS:
        text = (record.get(field.name) or "").strip()
        if not text:
            if field.required:
                problems.append((field.name, _("ontbreekt")))
            values[field.name] = None if field.name in PARSERS else ""
            continue
        if len(text) > MAX_LENGTHS.get(field.name, 254):
            problems.append((field.name, _("te lang")))
            continue
        try:
            values[field.name] = PARSERS.get(field.name, str)(text)
        except Invalid as problem:
            problems.append((field.name, str(problem)))
    birth, registered = values.get("geboortedatum"), values.get("datum_inschrijving")
    if isinstance(birth, date) and not date(1900, 1, 1) <= birth <= today:
        problems.append(("geboortedatum", _("ligt in de toekomst of voor 1900")))
    if isinstance(registered, date) and not date(1990, 1, 1) <= registered <= today:
        problems.append(("datum_inschrijving", _("ligt in de toekomst of voor 1990")))
    if isinstance(birth, date) and isinstance(registered, date) and birth > registered:
        problems.append(("geboortedatum", _("ligt na de datum van inschrijving")))
    return values, problems


def keyed_hash(purpose, *parts):
    """HMAC-SHA256 with the installation's key: the same person gives the same hash in every
    list, and the hash cannot be turned back into the number or name."""
    secret = settings.ONTHAAL_REGISTER_HASH_KEY or settings.SECRET_KEY
    key = f"{secret}:{purpose}".encode()
    message = "|".join(str(part) for part in parts).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
