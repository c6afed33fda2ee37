"""A year of invented new-resident lists ("instroommeting") for both demo municipalities.

Everyone is made up: last names start with "Demo-", phone numbers lie in a range nobody
has (+3247099xxxx), e-mail addresses use example.org. The register numbers are valid in
form only and are never stored, only their keyed hash. Generated with a fixed seed.
"""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from backoffice.demo import pick
from backoffice.inflow.figures import shift_months
from backoffice.inflow.services import BATCH_SIZE, anonymise_due_residents, resident_from
from backoffice.inflow.values import folded, register_number_for
from backoffice.models import InflowImport, NewResident
from portal.models import Municipality

MONTHS = 12  # full months before the current one
MONTHLY = {"heidebeek": (70, 110), "linderode": (40, 70)}
BELGIAN_SHARE = 0.6
BELGIAN_FOREIGN_ORIGIN = 0.2
IN_HOUSEHOLD = 0.2  # share of arrivals that are a household: about 40% of the people
HOUSEHOLD_SIZES = [(2, 40), (3, 30), (4, 20), (5, 10)]
WITHOUT_REGISTER_NUMBER = 0.1

# Nationality: weight and the names that go with it.
NATIONALITIES = [
    ("NL", 12, "low"), ("RO", 10, "east"), ("PL", 5, "east"), ("BG", 4, "east"),
    ("FR", 5, "south"), ("IT", 3, "south"), ("ES", 3, "south"), ("PT", 3, "south"),
    ("MA", 8, "mena"), ("TR", 5, "mena"), ("UA", 8, "east"), ("SY", 5, "mena"),
    ("AF", 5, "mena"), ("ER", 4, "africa"), ("IN", 4, "asia"), ("CD", 3, "africa"),
    ("BR", 3, "south"), ("GN", 3, "africa"), ("SO", 2, "africa"), ("IR", 2, "mena"),
    ("RU", 2, "east"),
]
# Names of Belgians of non-Belgian origin.
BELGIAN_ORIGINS = [("mena", 45), ("africa", 20), ("east", 15), ("south", 15), ("asia", 5)]
FIRST_NAMES = {  # region: (men, women)
    "low": (["Arne", "Bram", "Jef", "Jonas", "Koen", "Lars", "Pieter", "Stijn", "Thomas",
             "Wout", "Ruben", "Senne"],
            ["Anke", "Eline", "Fien", "Hanne", "Ine", "Lien", "Lotte", "Marie", "Nele",
             "Sofie", "Jolien", "Elise"]),
    "east": (["Andrei", "Bogdan", "Dmytro", "Ivan", "Mihai", "Nikolai", "Pawel", "Taras",
              "Vasyl", "Georgi"],
             ["Ana", "Elena", "Galyna", "Irina", "Katarzyna", "Maria", "Olena", "Oksana",
              "Ugne", "Yana"]),
    "south": (["Hugo", "Joao", "Luca", "Marco", "Mateo", "Pablo", "Rafael", "Tiago"],
              ["Beatriz", "Camille", "Chiara", "Giulia", "Ines", "Lucia", "Mariana", "Sara"]),
    "mena": (["Ahmad", "Emre", "Farid", "Hamza", "Karim", "Omar", "Qadir", "Reza", "Tarik",
              "Yusuf"],
             ["Amal", "Elif", "Fatima", "Khadija", "Leila", "Mariam", "Rasha", "Sina", "Wafa",
              "Yara", "Zeynep"]),
    "africa": (["Abdi", "Dawit", "Jean-Paul", "Mamadou", "Samuel", "Yonas", "Ibrahima"],
               ["Aissatou", "Grace", "Hodan", "Miriam", "Selam", "Fanta", "Nadia"]),
    "asia": (["Arjun", "Rahul", "Vikram", "Sanjay"], ["Ananya", "Priya", "Sneha", "Divya"]),
}
LAST_NAMES = {
    "low": ["Demo-Claes", "Demo-De Smet", "Demo-Goossens", "Demo-Jacobs", "Demo-Janssens",
            "Demo-Maes", "Demo-Mertens", "Demo-Peeters", "Demo-Van Damme", "Demo-Vermeulen",
            "Demo-Willems", "Demo-Wouters", "Demo-Bakker", "Demo-Jansen"],
    "east": ["Demo-Dimitrov", "Demo-Ivanova", "Demo-Lungu", "Demo-Nowak", "Demo-Petrenko",
             "Demo-Popescu", "Demo-Shevchuk", "Demo-Radu"],
    "south": ["Demo-Costa", "Demo-Dupont", "Demo-Ferreira", "Demo-Garcia", "Demo-Moreau",
              "Demo-Rossi", "Demo-Silva"],
    "mena": ["Demo-Abadi", "Demo-El Amrani", "Demo-Haddad", "Demo-Hassan", "Demo-Karimi",
             "Demo-Kaya", "Demo-Rahimi", "Demo-Yilmaz", "Demo-Bennani"],
    "africa": ["Demo-Bah", "Demo-Diallo", "Demo-Farah", "Demo-Mbuyi", "Demo-Mensah",
               "Demo-Osman", "Demo-Tesfaye"],
    "asia": ["Demo-Nair", "Demo-Patel", "Demo-Sharma"],
}
STREETS = {
    "heidebeek": ["Akkerweg", "Beekstraat", "Berkenlaan", "Bosstraat", "Brugstraat",
                  "Dorpsstraat", "Eikenlaan", "Heidelaan", "Hoogstraat", "Kapelstraat",
                  "Kerkstraat", "Lindelaan", "Molenweg", "Nieuwstraat", "Schoolstraat",
                  "Stationsstraat", "Veldstraat", "Vennestraat", "Weidestraat", "Zandstraat"],
    "linderode": ["Bleekweg", "Hofstraat", "Kasteeldreef", "Kloosterstraat", "Lindeplein",
                  "Meersstraat", "Molenstraat", "Populierenlaan", "Rodestraat", "Smidsestraat",
                  "Vijverstraat", "Wilgenweg"],
}
BOXES = ["1", "2", "3", "0.1", "0.2", "101", "102", "201", "A", "B"]
# Single arrivals: age ranges and weights.
SINGLE_AGES = [((18, 19), 5), ((20, 29), 36), ((30, 39), 29), ((40, 49), 14),
               ((50, 64), 11), ((65, 80), 5)]
OUTREACH = {
    # Older lists: letters went out, some were called or came by.
    "old": [(NewResident.Outreach.INVITED, 42), (NewResident.Outreach.REACHED, 22),
            (NewResident.Outreach.CALLED, 15), (NewResident.Outreach.NOT_INTERESTED, 11),
            (NewResident.Outreach.NEW, 10)],
    "last": [(NewResident.Outreach.NEW, 75), (NewResident.Outreach.INVITED, 20),
             (NewResident.Outreach.CALLED, 3), (NewResident.Outreach.REACHED, 2)],
    "current": [(NewResident.Outreach.NEW, 95), (NewResident.Outreach.INVITED, 5)],
}


def load():
    if NewResident.objects.exists():
        return []
    # Demo data, not security: a fixed seed makes the same demo every time.
    rng = random.Random(2027)  # noqa: S311  # nosec B311
    made = 0
    with transaction.atomic():
        for municipality in Municipality.objects.filter(slug__in=MONTHLY).order_by("slug"):
            made += build(municipality, rng)
        # What the daily retention job would have done by now.
        anonymised = anonymise_due_residents()
    return [f"  {made} demo new residents over the last {MONTHS} months and this one "
            f"({anonymised} past the retention period, anonymised)"]


def month_start(day, months_ago):
    return shift_months(day.replace(day=1), -months_ago)


def build(municipality, rng):
    today, now = timezone.localdate(), timezone.now()
    staff = get_user_model().objects.filter(municipalities=municipality,
                                            groups__name="Toeleider").order_by("username")
    user = staff.filter(username=f"toeleider.{municipality.slug}").first() or staff.first()
    low, high = MONTHLY[municipality.slug]
    used_numbers = set()
    residents = []
    for months_ago in range(MONTHS, -1, -1):
        first = month_start(today, months_ago)
        end = month_start(today, months_ago - 1) - timedelta(days=1)
        last = min(end, today)
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        workdays = [day for day in days if day.weekday() < 5] or days
        target = round(rng.randint(low, high) * len(days) / end.day)
        imported_at = min(now, timezone.make_aware(datetime.combine(
            end + timedelta(days=rng.randint(2, 5)), time(9, rng.randint(0, 59)))))
        batch = InflowImport(
            municipality=municipality, imported_by=user, imported_at=imported_at,
            file_name=f"nieuwe-inwoners-{first:%Y-%m}.csv", problems=[],
        )
        weights = OUTREACH["old" if months_ago >= 2 else "last" if months_ago else "current"]
        month = []
        while len(month) < target:
            day = rng.choice(workdays)
            address = new_address(rng, municipality)
            size = pick(rng, HOUSEHOLD_SIZES) if rng.random() < IN_HOUSEHOLD else 1
            outreach = pick(rng, weights)
            changed = None
            if outreach != NewResident.Outreach.NEW:
                changed = min(now, imported_at + timedelta(days=rng.randint(2, 40),
                                                           hours=rng.randint(0, 8)))
            for values in arrival(rng, size, day, address, used_numbers):
                resident = resident_from(values, municipality)
                resident.source_import = batch
                resident.imported_at = imported_at
                resident.outreach = outreach
                resident.outreach_changed_at = changed
                month.append(resident)
        batch.rows_imported = len(month)
        batch.rows_duplicate = rng.choice([0, 0, 1, 1, 2, 3])
        batch.rows_total = batch.rows_imported + batch.rows_duplicate
        batch.save()
        residents.extend(month)
    NewResident.objects.bulk_create(residents, batch_size=BATCH_SIZE)
    return len(residents)


def new_address(rng, municipality):
    return {
        "straat": rng.choice(STREETS[municipality.slug]),
        "huisnummer": str(rng.randint(1, 160)),
        "bus": rng.choice(BOXES) if rng.random() < 0.18 else "",
        "postcode": municipality.postal_code,
        "gemeente": municipality.city,
    }


def background(rng):
    """(nationality, origin, region of the names) of one arrival."""
    if rng.random() < BELGIAN_SHARE:
        if rng.random() < BELGIAN_FOREIGN_ORIGIN:
            return "BE", NewResident.Origin.FOREIGN, pick(rng, BELGIAN_ORIGINS)
        return "BE", NewResident.Origin.BELGIAN, "low"
    nationality, _weight, region = rng.choices(
        NATIONALITIES, weights=[weight for _code, weight, _region in NATIONALITIES])[0]
    return nationality, NewResident.Origin.FOREIGN, region


def random_sex(rng):
    if rng.random() < 0.003:
        return "X"
    return rng.choice("MF")


def arrival(rng, size, day, address, used_numbers):
    """The cleaned values of one person, or of a household registered together."""
    nationality, origin, region = background(rng)
    family = rng.choice(LAST_NAMES[region])
    common = {"nationaliteit": nationality, "herkomst": origin, "datum_inschrijving": day,
              **address}

    def person(sex, age, last_name):
        return values_for(rng, sex=sex, age=age, last_name=last_name, region=region,
                          day=day, used_numbers=used_numbers, **common)

    if size == 1:
        low, high = pick(rng, SINGLE_AGES)
        return [person(random_sex(rng), rng.randint(low, high), family)]
    adults = 2 if rng.random() < (0.6 if size == 2 else 0.75) else 1
    age = rng.randint(22, 48)
    sex = random_sex(rng)
    people = [person(sex, age, family)]
    youngest = age
    if adults == 2:
        partner_age = max(19, age + rng.randint(-6, 6))
        youngest = min(age, partner_age)
        partner_sex = {"M": "F", "F": "M"}.get(sex, random_sex(rng))
        if rng.random() < 0.05:
            partner_sex = sex
        partner_name = family if rng.random() < 0.7 else rng.choice(LAST_NAMES[region])
        people.append(person(partner_sex, partner_age, partner_name))
    oldest_child = max(0, min(17, youngest - 19))
    for _n in range(size - adults):
        people.append(person(random_sex(rng), rng.randint(0, oldest_child), family))
    return people


def values_for(rng, *, sex, age, last_name, region, day, used_numbers, **common):
    birth = day - timedelta(days=int(age * 365.25) + rng.randint(0, 364))
    men, women = FIRST_NAMES[region]
    first_name = rng.choice(men if sex == "M" else women if sex == "F" else men + women)
    adult = age >= 16
    phone = email = None
    if adult and rng.random() < 0.7:
        phone = f"+3247099{rng.randint(0, 9999):04d}"
    if adult and rng.random() < 0.35:
        first, last = (folded(name).replace(" ", "-")
                       for name in (first_name, last_name.removeprefix("Demo-")))
        email = f"{first}.{last}{rng.randint(1, 99)}@example.org"
    number = None
    if rng.random() >= WITHOUT_REGISTER_NUMBER:
        number = register_number(rng, birth, sex, used_numbers)
    return {
        "rijksregisternummer": number, "naam": last_name, "voornaam": first_name,
        "geboortedatum": birth, "geslacht": sex, "telefoon": phone, "email": email,
        **common,
    }


def register_number(rng, birth, sex, used_numbers):
    """A national register number of the right form: birth date, serial (odd for men,
    even for women), and the check number (modulo 97, with a 2 in front from 2000 on)."""
    while True:
        serial = rng.randint(1, 997)
        if (sex == "M" and serial % 2 == 0) or (sex == "F" and serial % 2 == 1):
            serial += 1
        number = register_number_for(birth, serial)
        if number not in used_numbers:
            used_numbers.add(number)
            return number
