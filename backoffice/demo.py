"""Two years of invented case work for both demo municipalities, for the work lists and the
monitoring.

Each case is played from the request to where it stands today, the way staff would have
recorded it: contact attempts, appointments, no-shows, cancellations, conversations with
needs and referrals, follow-ups. The people are made up: last names start with "Demo-",
phone numbers lie in a range nobody has, e-mail addresses use example.org. The needs notes
name nobody. Generated with a fixed seed, so every demo is the same (relative to today).
"""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from appointments.choices import OPEN_STATUSES, Channel, FilledInBy, Status
from appointments.models import (
    AppointmentRequest,
    ReferenceSequence,
    ReferralSource,
    RequestEvent,
)
from appointments.services import consent_text, next_reference
from backoffice.inflow.figures import shift_months
from backoffice.models import ContactAttempt, Conversation, NeedCategory, Referral
from home.models import Partner, PartnerKind
from portal.models import Municipality

MONTHS = 24  # full months before the current one: a year and the year before it
# Cases per month two years ago and now, without the desk presence (it brings more).
MONTHLY = {"heidebeek": (14, 28), "linderode": (8, 17)}
DESK_SINCE = {"heidebeek": 16, "linderode": 9}  # months ago the desk presence started
DESK_BOOST = 1.3
DESK_DAYS = {"heidebeek": (1, 3), "linderode": (2,)}  # Tuesday and Thursday; Wednesday
# Fewer people in the summer holidays and December, more after the summer.
SEASON = {1: 1.1, 2: 1.0, 3: 1.05, 4: 1.0, 5: 0.95, 6: 0.9, 7: 0.7, 8: 0.65, 9: 1.25,
          10: 1.15, 11: 1.05, 12: 0.8}
CHANNELS_BEFORE_DESK = [(Channel.LETTER, 35), (Channel.PHONE, 25), (Channel.ONLINE, 22),
                        (Channel.PARTNER, 18)]
CHANNELS_WITH_DESK = [(Channel.DESK, 40), (Channel.LETTER, 20), (Channel.PHONE, 12),
                      (Channel.ONLINE, 16), (Channel.PARTNER, 12)]
# Channels where the person (or a partner for them) fills in the online form.
FORM_CHANNELS = {Channel.ONLINE, Channel.LETTER, Channel.PARTNER}

# People --------------------------------------------------------------------------------

# Nationality, weight, region of the names, contact languages. "" is not asked or unknown.
NATIONALITIES = [
    ("UA", 11, "ua", [("uk", 7), ("ru", 3)]), ("MA", 10, "mena", [("ar", 6), ("fr", 3)]),
    ("RO", 9, "east", [("ro", 1)]), ("SY", 8, "mena", [("ar", 1)]),
    ("AF", 7, "mena", [("fa", 3), ("ps", 2)]), ("PL", 6, "east", [("pl", 1)]),
    ("NL", 3, "low", [("nl", 1)]), ("TR", 5, "mena", [("tr", 1)]),
    ("ER", 5, "africa", [("ti", 1)]), ("IN", 4, "asia", [("en", 1)]),
    ("BG", 4, "east", [("bg", 1)]), ("CD", 3, "africa", [("fr", 1)]),
    ("SO", 2, "africa", [("so", 1)]), ("IR", 2, "mena", [("fa", 1)]),
    ("ES", 2, "south", [("es", 1)]), ("BR", 2, "south", [("pt", 1)]),
    ("IT", 1, "south", [("it", 1)]),
    # Belgians who come to the welcome desk mostly have roots elsewhere.
    ("BE", 8, "belgian", [("nl", 2), ("ar", 3), ("fr", 3), ("en", 1)]),
    ("", 3, "any", [("en", 2), ("fr", 1), ("ar", 1)]),
]
BELGIAN_REGIONS = [("mena", 5), ("africa", 2), ("low", 2), ("east", 1)]
FIRST_NAMES = {  # region: (men, women)
    "low": (["Bram", "Jonas", "Koen", "Pieter", "Stijn", "Wout"],
            ["Anke", "Eline", "Lotte", "Marie", "Nele", "Sofie"]),
    "east": (["Andrei", "Bogdan", "Georgi", "Mihai", "Pawel", "Piotr"],
             ["Ana", "Elena", "Ioana", "Katarzyna", "Maria", "Yana"]),
    "ua": (["Dmytro", "Oleksandr", "Taras", "Vasyl"], ["Galyna", "Iryna", "Olena", "Oksana"]),
    "south": (["Joao", "Luca", "Mateo", "Rafael"], ["Beatriz", "Chiara", "Ines", "Lucia"]),
    "mena": (["Ahmad", "Emre", "Farid", "Hamza", "Karim", "Omar", "Qadir", "Reza", "Tarik"],
             ["Amal", "Elif", "Fatima", "Khadija", "Leila", "Mariam", "Rasha", "Wafa",
              "Yara", "Zeynep"]),
    "africa": (["Abdi", "Dawit", "Mamadou", "Samuel", "Yonas"],
               ["Aissatou", "Grace", "Hodan", "Miriam", "Selam"]),
    "asia": (["Arjun", "Rahul", "Vikram"], ["Ananya", "Priya", "Sneha"]),
}
LAST_NAMES = {
    "low": ["Demo-Bakker", "Demo-Jansen", "Demo-Peeters", "Demo-Visser"],
    "east": ["Demo-Dimitrov", "Demo-Ivanova", "Demo-Lungu", "Demo-Nowak", "Demo-Popescu"],
    "ua": ["Demo-Bondarenko", "Demo-Kovalenko", "Demo-Petrenko", "Demo-Shevchuk"],
    "south": ["Demo-Costa", "Demo-Ferreira", "Demo-Rossi", "Demo-Silva"],
    "mena": ["Demo-Abadi", "Demo-Haddad", "Demo-Hassan", "Demo-Karimi", "Demo-Kaya",
             "Demo-Rahimi", "Demo-Yilmaz"],
    "africa": ["Demo-Bah", "Demo-Diallo", "Demo-Farah", "Demo-Mensah", "Demo-Osman",
               "Demo-Tesfaye"],
    "asia": ["Demo-Nair", "Demo-Patel", "Demo-Sharma"],
}
SEXES = [("F", 52), ("M", 46), ("X", 0.5), ("", 1.5)]
AGES = [((18, 25), 20), ((26, 35), 36), ((36, 50), 29), ((51, 65), 12), ((66, 80), 3)]
INTERPRETER_LANGUAGES = {"ar", "fa", "ps", "ti", "so", "uk", "ru", "tr", "bg", "ro"}
SOURCES = {  # channel: who sent them (labels of the referral sources)
    Channel.DESK: ["Onthaal van het gemeentehuis", "Dienst bevolking", "Dienst vreemdelingen",
                   "Wijkagent"],
    Channel.LETTER: ["Dienst bevolking"],
    Channel.PHONE: ["Onthaal van het gemeentehuis", "Dienst bevolking", "Huisarts"],
    Channel.PARTNER: ["Sociale dienst / OCMW", "Lokaal opvanginitiatief (LOI)", "School",
                      "Huisarts", "Andere partner"],
}

# Needs ---------------------------------------------------------------------------------

# Need category: (weight, life domain, partner kinds it leads to). The weights change with
# the person (children, work, from outside the EU): see needs_of().
NEEDS = {
    "Nederlandse les": (30, "dutch", [PartnerKind.DUTCH_CLASSES]),
    "Oefenkansen Nederlands": (14, "dutch", [PartnerKind.DUTCH_PRACTICE]),
    "Werk zoeken": (20, "work", [PartnerKind.WORK]),
    "Erkenning van een diploma": (6, "work", [PartnerKind.INBURGERING]),
    "Een woning zoeken": (12, "housing", [PartnerKind.HOUSING]),
    "Sociale huisvesting aanvragen": (7, "housing", [PartnerKind.HOUSING]),
    "Kinderopvang": (0, "childcare", [PartnerKind.CHILDCARE]),
    "School voor de kinderen": (0, "education", [PartnerKind.EDUCATION]),
    "Vrije tijd voor de kinderen": (0, "leisure", [PartnerKind.LEISURE]),
    "Dossier bij de dienst vreemdelingen": (2, "administration", [PartnerKind.INBURGERING]),
    "Inburgering": (5, "inburgering", [PartnerKind.INBURGERING]),
    "Huisarts en ziekenfonds": (9, "health", [PartnerKind.WELFARE, PartnerKind.HEALTH]),
    "Geldzorgen": (6, "administration", [PartnerKind.WELFARE]),
    "Verplaatsen en vervoer": (4, "mobility", []),
    "Afval en milieu": (2, "waste", [PartnerKind.OTHER]),
}
WITH_CHILDREN = {"Kinderopvang": 12, "School voor de kinderen": 12,
                 "Vrije tijd voor de kinderen": 7}
FROM_OUTSIDE_EU = {"Dossier bij de dienst vreemdelingen": 9, "Inburgering": 14}
EU = {"BE", "NL", "RO", "PL", "BG", "ES", "IT"}
# Needs heard more and more over the two years.
RISING = {"Een woning zoeken": 0.6, "Geldzorgen": 0.8}
# What staff noted in the person's words (without names: used as policy signals).
NOTES = {
    "Nederlandse les": [
        "Wil Nederlands leren, maar de lessen overdag vallen samen met de ploegen op het werk.",
        "Heeft een trage leerlijn nodig; ging in het land van herkomst weinig naar school.",
        "Staat al maanden op een wachtlijst voor Nederlandse les.",
        "Kan alleen naar de les als er tegelijk opvang is voor de kleinste.",
        "Zoekt een les in de avond of in het weekend.",
        "Wil sneller Nederlands leren om met het diploma aan de slag te kunnen.",
    ],
    "Oefenkansen Nederlands": [
        "Volgt les, maar spreekt buiten de klas nooit Nederlands. Zoekt een plek om te praten.",
        "Vraagt naar een praatgroep op zaterdag.",
        "Wil vrijwilligerswerk doen om Nederlands te oefenen met buren.",
        "Durft op het werk nog geen Nederlands te spreken; wil eerst oefenen in een kleine groep.",
    ],
    "Werk zoeken": [
        "Zoekt werk in de zorg, maar weet niet waar te beginnen.",
        "Werkt met korte contracten via een uitzendkantoor; wil een vaste job.",
        "Het rijbewijs van het thuisland geldt hier niet; dat maakt werk zoeken moeilijk.",
        "Vindt geen werk met uren die passen bij de schooluren van de kinderen.",
    ],
    "Erkenning van een diploma": [
        "Was verpleegkundige en wil weten hoe het diploma erkend wordt.",
        "De erkenning van het diploma duurt lang en kost veel; werkt nu onder het eigen niveau.",
        "Weet niet welke documenten nodig zijn om een diploma gelijkwaardig te laten verklaren.",
    ],
    "Een woning zoeken": [
        "Woont tijdelijk bij familie en vindt geen betaalbare huurwoning.",
        "Verhuurders vragen een vast contract; met interimwerk lukt huren niet.",
        "De woning is te klein en vochtig voor het gezin.",
        "Krijgt geen antwoord meer van verhuurders na een eerste telefoontje.",
    ],
    "Sociale huisvesting aanvragen": [
        "Wil zich inschrijven voor een sociale woning, maar begrijpt de voorwaarden niet.",
        "Staat al lang op de wachtlijst voor een sociale woning en hoort niets.",
    ],
    "Kinderopvang": [
        "Geen plaats in de kinderopvang voor de jongste; de wachtlijst loopt tot volgend jaar.",
        "Kan pas naar de les of naar werk als er opvang is voor de baby.",
        "De opvang in de buurt is te duur; zoekt opvang met een prijs volgens inkomen.",
    ],
    "School voor de kinderen": [
        "Zoekt midden in het schooljaar een school voor de kinderen.",
        "Het oudste kind gaat naar het secundair; de ouders kennen het schoolsysteem niet.",
        "Vraagt hoe je een kind aanmeldt voor de kleuterklas.",
    ],
    "Vrije tijd voor de kinderen": [
        "Zoekt een sportclub voor de kinderen, maar het lidgeld is hoog.",
        "Vraagt naar speelpleinwerking in de zomervakantie.",
        "De kinderen willen voetballen; de ouders weten niet hoe inschrijven werkt.",
    ],
    "Dossier bij de dienst vreemdelingen": [
        "Heeft vragen over het verlengen van de verblijfskaart.",
        "Wacht op een beslissing over gezinshereniging en is ongerust.",
        "Begrijpt een brief van de dienst vreemdelingen niet.",
    ],
    "Inburgering": [
        "Weet niet of het inburgeringstraject verplicht is.",
        "Wil de cursus maatschappelijke oriëntatie volgen in de eigen taal.",
        "Moet inburgeren, maar de cursus valt tijdens de werkuren.",
    ],
    "Huisarts en ziekenfonds": [
        "Vindt geen huisarts die nog nieuwe patiënten aanneemt.",
        "Is nog niet bij een ziekenfonds aangesloten en weet niet hoe dat moet.",
        "Vraagt uitleg over wanneer je naar de huisarts gaat en wanneer naar de spoed.",
    ],
    "Geldzorgen": [
        "Het loon is te laag voor huur en eten; vraagt naar steun.",
        "Krijgt facturen die ze niet begrijpt en heeft achterstallen.",
        "Wil weten of het gezin recht heeft op een schooltoelage.",
    ],
    "Verplaatsen en vervoer": [
        "Het werk ligt ver en 's avonds rijdt er geen bus meer.",
        "Vraagt waar je goedkoop een fiets kunt kopen.",
    ],
    "Afval en milieu": [
        "Begrijpt niet welke afvalzak waarvoor dient.",
        "Vraagt hoe je grofvuil laat ophalen.",
    ],
}
FOLLOW_UP_NOTES = [
    ("Oefenkansen Nederlands", "Volgt nu Nederlandse les en wil er een oefenmoment bij."),
    ("Een woning zoeken", "Heeft werk gevonden; zoekt nu een grotere woning."),
    ("Kinderopvang", "De kinderen gaan naar school; zoekt nog opvang na de schooluren."),
    ("Nederlandse les", "Stopte met de les door een nieuwe job; wil opnieuw beginnen 's avonds."),
    (None, "Alles loopt goed; geen nieuwe vragen."),
    ("Werk zoeken", "Haalde het eerste niveau Nederlands en wil nu een opleiding volgen."),
]
PURPOSES = {
    PartnerKind.DUTCH_CLASSES: "Intake en inschrijving voor Nederlandse les",
    PartnerKind.DUTCH_PRACTICE: "Oefenkansen Nederlands",
    PartnerKind.INBURGERING: "Inburgering en juridisch advies",
    PartnerKind.WORK: "Inschrijven als werkzoekende",
    PartnerKind.WELFARE: "Gesprek met een maatschappelijk werker",
    PartnerKind.HOUSING: "Advies over huren en sociale huur",
    PartnerKind.EDUCATION: "Inschrijving op school",
    PartnerKind.CHILDCARE: "Plaats in de kinderopvang",
    PartnerKind.LEISURE: "Vrije tijd en UiTPAS",
    PartnerKind.HEALTH: "Huisarts en ziekenfonds",
    PartnerKind.OTHER: "Praktische informatie",
}

# Work on a case ------------------------------------------------------------------------

CONTACT_METHODS = {
    Channel.ONLINE: [("phone", 6), ("email", 2), ("sms", 2)],
    Channel.LETTER: [("phone", 6), ("sms", 2), ("home_visit", 1)],
    Channel.PHONE: [("phone", 1)],
    Channel.PARTNER: [("phone", 5), ("email", 2)],
}
REACH_CHANCE = {Channel.ONLINE: 0.75, Channel.LETTER: 0.6, Channel.PHONE: 0.65,
                Channel.PARTNER: 0.8}
NOT_REACHED_NOTES = ["Geen antwoord.", "Voicemail ingesproken.", "Gevraagd om terug te bellen.",
                     ""]
MAX_TRIES = 4
CONVERSATION_AT_DESK = 0.4  # registered at the desk and talked at once
CANCELLED_ONLINE = 0.07  # cancels through their private link while the request is open
CANCELLED_BY_STAFF = 0.025  # moved away, no longer wanted: staff cancel the appointment
NO_SHOW = 0.12
RESCHEDULED = 0.55  # after a no-show, called again and given a new appointment
DECLINED = 0.05  # reached, but did not want a conversation
FOLLOW_UPS = [(Conversation.FollowUp.NONE, 55), (Conversation.FollowUp.CONVERSATION, 35),
              (Conversation.FollowUp.TRAJECTORY, 10)]
FOLLOW_UP_FORGOTTEN = 0.2  # due but not done: overdue in the work list
FOLLOW_UP_TALK = 0.7  # a follow-up done as a second conversation
# Referred to Dutch classes or practice: at the first conversation (Dutch speakers rarely),
# and at a follow-up conversation, mostly to practise what they learn in class.
TO_DUTCH = {"nl": 0.2, "other": 0.86, "follow_up": 0.6}
DUTCH_FIRST = [([PartnerKind.DUTCH_CLASSES], 60), ([PartnerKind.DUTCH_PRACTICE], 22),
               ([PartnerKind.DUTCH_CLASSES, PartnerKind.DUTCH_PRACTICE], 18)]
DUTCH_FOLLOW_UP = [([PartnerKind.DUTCH_PRACTICE], 70), ([PartnerKind.DUTCH_CLASSES], 30)]


def load():
    from backoffice.inflow import demo as inflow_demo  # it uses pick() from here

    return load_cases() + inflow_demo.load()


def load_cases():
    if Conversation.objects.exists():
        return []
    # Demo data, not security: a fixed seed makes the same demo every time.
    rng = random.Random(2026)  # noqa: S311  # nosec B311
    made = 0
    with transaction.atomic():
        for municipality in Municipality.objects.filter(slug__in=MONTHLY).order_by("slug"):
            made += build(municipality, rng)
    return [f"  {made} demo cases over the last {MONTHS} months and this one"]


def pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


@dataclass
class Office:
    """What a municipality's cases are made with."""

    municipality: Municipality
    now: datetime
    staff: list
    needs: dict  # label: need category
    sources: dict  # label: referral source
    partners: dict  # kind: partners
    labels: dict  # choices: {value: label}
    consent: str  # the consent sentence of the online form

    @classmethod
    def of(cls, municipality):
        partners = {}
        for partner in Partner.objects.filter(municipality=municipality,
                                              locale__language_code="nl").order_by("pk"):
            partners.setdefault(partner.kind, []).append(partner)
        return cls(
            municipality=municipality, now=timezone.now(),
            staff=list(get_user_model().objects.filter(
                municipalities=municipality, groups__name="Toeleider").order_by("username")),
            needs={need.label: need for need in NeedCategory.objects.filter(archived=False)},
            sources={source.label: source for source in ReferralSource.objects.all()},
            partners=partners,
            # Translated once: a lazy label per event would make the demo slow.
            labels={choices: {value: str(label) for value, label in choices.choices}
                    for choices in (Status, Channel, Referral.Status, ContactAttempt.Method)},
            consent=consent_text(municipality),
        )


def build(municipality, rng):
    office = Office.of(municipality)
    stories = []
    for months_ago in range(MONTHS, -1, -1):
        for case in cases_of_month(office, rng, months_ago):
            story = Story(case, rng, office)
            story.play()
            stories.append(story)
    cases = sorted((story.case for story in stories), key=lambda case: case.created_at)
    for year in sorted({case.created_at.year for case in cases}):
        of_year = [case for case in cases if case.created_at.year == year]
        for case, reference in zip(of_year, references(year, len(of_year)), strict=True):
            case.reference = reference
    AppointmentRequest.objects.bulk_create(cases, batch_size=500)
    gather = {name: [item for story in stories for item in getattr(story, name)]
              for name in ("events", "attempts", "conversations", "referrals")}
    RequestEvent.objects.bulk_create(gather["events"], batch_size=1000)
    ContactAttempt.objects.bulk_create(gather["attempts"], batch_size=1000)
    Conversation.objects.bulk_create(gather["conversations"], batch_size=1000)
    Through = Conversation.needs.through
    Through.objects.bulk_create([
        Through(conversation_id=conversation.pk, needcategory_id=need.pk)
        for conversation in gather["conversations"] for need in conversation.demo_needs
    ], batch_size=1000)
    Referral.objects.bulk_create(gather["referrals"], batch_size=1000)
    return len(cases)


def references(year, count):
    """`count` references of the year in one go, numbered as next_reference() numbers them
    one by one (one query instead of a few per case keeps the demo fast)."""
    prefix, number = next_reference(year).rsplit("-", 1)
    ReferenceSequence.objects.filter(year=year).update(last_number=F("last_number") + count - 1)
    return [f"{prefix}-{int(number) + n:0{len(number)}d}" for n in range(count)]


def cases_of_month(office, rng, months_ago):
    """The requests that came in one month (up to now for the current one)."""
    slug = office.municipality.slug
    today = timezone.localdate(office.now)
    first = shift_months(today.replace(day=1), -months_ago)
    last = shift_months(first, 1) - timedelta(days=1)
    low, high = MONTHLY[slug]
    growth = (MONTHS - months_ago) / MONTHS
    desk = months_ago < DESK_SINCE[slug]
    expected = (low + (high - low) * growth) * SEASON[first.month] * (DESK_BOOST if desk else 1)
    count = round(expected * rng.uniform(0.85, 1.15) * (min(last, today).day / last.day))
    channels = CHANNELS_WITH_DESK if desk else CHANNELS_BEFORE_DESK
    days = [first + timedelta(days=n) for n in range((min(last, today) - first).days + 1)]
    cases = []
    for _n in range(count):
        channel = pick(rng, channels)
        created = request_moment(rng, channel, days, DESK_DAYS[slug])
        if created is not None and created <= office.now:
            cases.append(new_case(office, rng, channel, created, growth))
    return cases


def request_moment(rng, channel, days, desk_days):
    """When a request comes in: online at any hour, at the desk on its days, else office hours."""
    if channel == Channel.DESK:
        days = [day for day in days if day.weekday() in desk_days]
    elif channel not in FORM_CHANNELS:
        days = [day for day in days if day.weekday() < 5]
    if not days:
        return None
    day = rng.choice(days)
    if channel in FORM_CHANNELS:
        return local(day, rng.randint(7, 22), rng.randint(0, 59))
    return local(day, rng.randint(9, 15), rng.randint(0, 59))


def new_case(office, rng, channel, created, growth):
    municipality = office.municipality
    nationality, region, languages = background(rng)
    sex = pick(rng, SEXES)
    men, women = FIRST_NAMES[region]
    first_name = rng.choice({"M": men, "F": women}.get(sex, men + women))
    last_name = rng.choice(LAST_NAMES[region])
    language = pick(rng, languages)
    low, high = pick(rng, AGES)
    age = rng.randint(low, high)
    # Children and work: asked at the desk or in the form, sometimes left open.
    has_children = rng.random() < (0.6 if 26 <= age <= 50 else 0.25)
    works = rng.random() < 0.35
    user = rng.choice(office.staff) if office.staff else None
    source = rng.choice(SOURCES[channel]) if channel in SOURCES else None
    registered_by_staff = channel not in FORM_CHANNELS
    case = AppointmentRequest(
        municipality=municipality, status=Status.NEW, channel=channel,
        language="nl" if registered_by_staff else language_of_form(language),
        name=f"{first_name} {last_name}", phone=f"+3247000{rng.randint(1000, 9999)}",
        email=f"{first_name.lower()}.{rng.randint(10, 99)}@example.org"
        if rng.random() < 0.6 else "",
        postal_code=municipality.postal_code, contact_language=language,
        arrival_date=(created - timedelta(days=rng.randint(7, 120))).date()
        if rng.random() < 0.6 else None,
        needs_interpreter=language in INTERPRETER_LANGUAGES and rng.random() < 0.45,
        dutch_difficult=language != "nl" and rng.random() < 0.8,
        works=works if rng.random() < 0.85 else None,
        has_children=has_children if rng.random() < 0.85 else None,
        birth_year=created.year - age if rng.random() < 0.9 else None,
        nationality=nationality, sex=sex,
        referral_source=office.sources.get(source),
        filled_in_by=FilledInBy.PARTNER if channel == Channel.PARTNER else FilledInBy.SELF,
        assigned_to=user,
        consent_given_at=created,
        consent_text=office.consent if not registered_by_staff else
        f"Mondelinge toestemming, genoteerd door {user_name(user)}.",
        created_at=created,
    )
    case.demo_needs = needs_of(rng, language, nationality, has_children, works, growth)
    case.topics = sorted({NEEDS[label][1] for label in case.demo_needs[:2]})
    return case


def background(rng):
    """(nationality, region of the names, contact languages) of one person."""
    nationality, _weight, region, languages = rng.choices(
        NATIONALITIES, weights=[row[1] for row in NATIONALITIES])[0]
    if region == "belgian":
        region = pick(rng, BELGIAN_REGIONS)
    elif region == "any":
        region = rng.choice(list(FIRST_NAMES))
    return nationality, region, languages


def language_of_form(language):
    field = AppointmentRequest._meta.get_field("language")
    return language if language in dict(field.choices) else "en"


def user_name(user):
    return (user.get_full_name() or user.username) if user else "het onthaal"


def needs_of(rng, language, nationality, has_children, works, growth):
    """The person's needs, most important first: what the conversation will be about."""
    weights = {}
    for label, (weight, _domain, _kinds) in NEEDS.items():
        if has_children:
            weight += WITH_CHILDREN.get(label, 0)
        if nationality not in EU:
            weight += FROM_OUTSIDE_EU.get(label, 0)
        weight *= 1 + RISING.get(label, 0) * growth
        weights[label] = weight
    if language == "nl":
        weights["Nederlandse les"] = weights["Oefenkansen Nederlands"] = 1
    if works:
        weights["Werk zoeken"] /= 3
    chosen = []
    for _n in range(pick(rng, [(1, 25), (2, 40), (3, 25), (4, 10)])):
        options = [(label, weight) for label, weight in weights.items()
                   if weight and label not in chosen]
        chosen.append(pick(rng, options))
    return chosen


def local(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class Story:
    """One case from its request to where it stands today, recorded as staff would have."""

    def __init__(self, case, rng, office):
        self.case, self.rng, self.now = case, rng, office.now
        self.needs, self.partners, self.labels = office.needs, office.partners, office.labels
        self.staff = case.assigned_to
        self.events, self.attempts, self.conversations, self.referrals = [], [], [], []
        self.contacts = []  # moments of successful contact: the earliest is reached_at
        self.cancel_at = None
        if case.channel in FORM_CHANNELS and rng.random() < CANCELLED_ONLINE:
            self.cancel_at = case.created_at + timedelta(hours=rng.randint(6, 24 * 30))

    def play(self):
        case = self.case
        self.event(RequestEvent.Kind.CREATED, case.created_at, self.labels[Channel][case.channel],
                   by_person=case.channel in FORM_CHANNELS)
        if case.channel == Channel.DESK:
            case.status = Status.CONTACTED
            self.contacts.append(case.created_at)
            if self.rng.random() < CONVERSATION_AT_DESK:
                self.held(case.created_at + timedelta(minutes=self.rng.randint(5, 40)))
            else:
                self.appointments(case.created_at, at_once=True)
        else:
            reached = self.try_to_reach()
            if reached is not None:
                self.after_contact(reached)
        case.reached_at = min(self.contacts, default=None)
        if case.channel in FORM_CHANNELS and case.status == Status.NEW and not self.attempts:
            case.assigned_to = None  # still in the inbox

    # Steps ---------------------------------------------------------------------------

    def try_to_reach(self):
        case, rng = self.case, self.rng
        at = self.later(case.created_at, 0, 3)
        for _try in range(MAX_TRIES):
            if self.stopped(at):
                return None
            reached = rng.random() < REACH_CHANCE[case.channel]
            self.attempt(at, pick(rng, CONTACT_METHODS[case.channel]), reached)
            if reached:
                self.change(Status.CONTACTED, at)
                return at
            at = self.later(at, 1, 6)
        # Never reached: closed some days after the last try.
        self.close(self.later(at, 5, 20))
        return None

    def after_contact(self, at):
        if self.rng.random() < DECLINED:
            self.close(at + timedelta(minutes=5))
        else:
            self.appointments(at)

    def appointments(self, at, at_once=False):
        """Book an appointment; a no-show may get another one, up to three in all."""
        rng = self.rng
        # Booked during the contact, or in a call some days later.
        booked = at + timedelta(minutes=rng.randint(2, 30)) if at_once or rng.random() < 0.65 \
            else self.later(at, 1, 6)
        for appointment in range(3):
            if self.stopped(booked):
                return
            meeting = self.later(booked, 3, 18)
            self.event(RequestEvent.Kind.SLOT_BOOKED, booked, f"{meeting:%d/%m/%Y %H:%M}")
            self.case.status = Status.SCHEDULED
            if rng.random() < CANCELLED_BY_STAFF:
                cancelled = self.later(booked, 1, 10)
                if not self.stopped(min(cancelled, meeting)):
                    self.change(Status.CANCELLED, min(cancelled, meeting))
                return
            if self.stopped(meeting):
                return
            if rng.random() >= NO_SHOW:
                self.held(meeting)
                return
            missed = meeting + timedelta(hours=1)
            if self.stopped(missed):
                return
            self.change(Status.NO_SHOW, missed)
            if appointment == 2 or rng.random() >= RESCHEDULED:
                self.close(self.later(missed, 20, 45))
                return
            booked = self.later(missed, 1, 5)
            if self.stopped(booked):
                return
            self.attempt(booked, "phone", True)

    def held(self, at):
        rng = self.rng
        if self.stopped(at):
            return
        needs = self.case.demo_needs
        conversation = self.converse(at, needs, follow_up=pick(rng, FOLLOW_UPS))
        language = "nl" if self.case.contact_language == "nl" else "other"
        self.refer(conversation, at, needs, TO_DUTCH[language], DUTCH_FIRST)
        if conversation.follow_up == Conversation.FollowUp.NONE:
            self.close(self.later(at, 5, 40))
            return
        days = Conversation.DEFAULT_FOLLOW_UP.days if rng.random() < 0.8 else 91
        conversation.follow_up_on = timezone.localdate(at) + timedelta(days=days)
        done = self.later(local(conversation.follow_up_on, 9), 0, 20)
        if rng.random() < FOLLOW_UP_FORGOTTEN or self.stopped(done):
            return  # overdue, or not due yet
        if (conversation.follow_up == Conversation.FollowUp.CONVERSATION
                and rng.random() < FOLLOW_UP_TALK):
            need, note = rng.choice(FOLLOW_UP_NOTES)
            needs = [need] if need else []
            talk = self.converse(done, needs, note=note, is_follow_up=True)
            self.refer(talk, done, needs, TO_DUTCH["follow_up"], DUTCH_FOLLOW_UP)
        conversation.follow_up_done_at = min(done + timedelta(minutes=50), self.now)
        self.event(RequestEvent.Kind.FOLLOW_UP_DONE, conversation.follow_up_done_at)
        trajectory = conversation.follow_up == Conversation.FollowUp.TRAJECTORY
        self.close(self.later(done, 20, 90) if trajectory else self.later(done, 0, 14))

    def converse(self, at, needs, *, follow_up=Conversation.FollowUp.NONE, note=None,
                 is_follow_up=False):
        case, rng = self.case, self.rng
        if note is None and needs and rng.random() < 0.7:
            note = " ".join(rng.choice(NOTES[label]) for label in needs[:rng.choice([1, 1, 2])])
        conversation = Conversation(
            request=case, municipality_id=case.municipality_id,
            held_on=timezone.localdate(at), is_follow_up=is_follow_up,
            duration_minutes=rng.choice([30, 45, 45, 60, 75] if case.needs_interpreter
                                        else [30, 30, 45, 45, 60]),
            language=case.contact_language,
            interpreter_used=case.needs_interpreter and rng.random() < 0.8,
            themes=sorted({NEEDS[label][1] for label in needs} | set(case.topics)),
            needs_text=note or "", follow_up=follow_up, by=self.staff,
            created_at=min(at + timedelta(minutes=50), self.now),
        )
        conversation.demo_needs = [self.needs[label] for label in needs if label in self.needs]
        self.conversations.append(conversation)
        self.contacts.append(local(conversation.held_on, 12))
        self.change(Status.HELD, at)
        conversation.demo_recorded = self.event(RequestEvent.Kind.CONVERSATION_RECORDED,
                                                conversation.created_at, "0 doorverwijzing(en)")
        return conversation

    def refer(self, conversation, at, needs, to_dutch, dutch_kinds):
        """To Dutch classes or practice with the chance `to_dutch`; further as the needs ask."""
        rng = self.rng
        kinds = list(pick(rng, dutch_kinds)) if rng.random() < to_dutch else []
        for label in needs:
            if NEEDS[label][2] and rng.random() < 0.55:
                kinds.append(rng.choice(NEEDS[label][2]))
        made = 0
        for kind in dict.fromkeys(kinds):
            if not self.partners.get(kind):
                continue
            status, updated = self.referral_status(at)
            partner = rng.choice(self.partners[kind])
            self.referrals.append(Referral(conversation=conversation, partner=partner,
                                           purpose=PURPOSES[kind], status=status))
            made += 1
            if updated:
                self.event(RequestEvent.Kind.REFERRAL_UPDATED, updated,
                           f"{partner}: {self.labels[Referral.Status][status]}")
        conversation.demo_recorded.note = f"{made} doorverwijzing(en)"

    def referral_status(self, held):
        """Where a referral stands today: older ones mostly have the partner's feedback."""
        age = (self.now - held).days
        if age < 7:
            options = [(Referral.Status.PROPOSED, 6), (Referral.Status.MADE, 4)]
        elif age < 30:
            options = [(Referral.Status.MADE, 5), (Referral.Status.CONFIRMED, 4),
                       (Referral.Status.FEEDBACK, 1)]
        elif age < 90:
            options = [(Referral.Status.MADE, 2), (Referral.Status.CONFIRMED, 4),
                       (Referral.Status.FEEDBACK, 4)]
        else:
            options = [(Referral.Status.MADE, 1), (Referral.Status.CONFIRMED, 2),
                       (Referral.Status.FEEDBACK, 7)]
        status = pick(self.rng, options)
        if status == Referral.Status.PROPOSED:
            return status, None
        updated = held + timedelta(days=self.rng.randint(1, max(1, min(age, 60))))
        return status, min(updated, self.now)

    # Recording -------------------------------------------------------------------------

    def stopped(self, at):
        """The story ends before `at`: that lies in the future, or the case was cancelled
        (the person's own cancellation is recorded here when it comes first)."""
        case = self.case
        if self.cancel_at and self.cancel_at <= min(at, self.now):
            if case.status not in OPEN_STATUSES:
                self.cancel_at = None  # the link cannot cancel now: the moment passed
            else:
                self.event(RequestEvent.Kind.CANCELLED, self.cancel_at,
                           status=Status.CANCELLED, by_person=True)
                case.status, case.closed_at = Status.CANCELLED, self.cancel_at
                return True
        return at > self.now or case.status == Status.CANCELLED

    def later(self, moment, low, high):
        """A moment in office hours `low` to `high` days later, on a working day."""
        day = timezone.localdate(moment) + timedelta(days=self.rng.randint(low, high))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        at = local(day, self.rng.randint(9, 16), self.rng.randint(0, 59))
        return max(at, moment + timedelta(minutes=self.rng.randint(10, 90)))

    def event(self, kind, at, note="", status="", by_person=False):
        event = RequestEvent(request=self.case, kind=kind, at=at, note=str(note)[:250],
                             status=status, actor=None if by_person else self.staff)
        self.events.append(event)
        return event

    def change(self, status, at):
        case = self.case
        if case.status == status:
            return
        note = f"{self.labels[Status][case.status]} → {self.labels[Status][status]}"
        case.status = status
        case.closed_at = at if status in {Status.CLOSED, Status.CANCELLED} else None
        self.event(RequestEvent.Kind.STATUS_CHANGED, at, note, status=status)

    def close(self, at):
        if not self.stopped(at):
            self.change(Status.CLOSED, at)

    def attempt(self, at, method, reached):
        note = "" if reached else self.rng.choice(NOT_REACHED_NOTES)
        self.attempts.append(ContactAttempt(request=self.case, at=at, method=method,
                                            reached=reached, note=note, by=self.staff))
        outcome = "bereikt" if reached else "niet bereikt"
        self.event(RequestEvent.Kind.CONTACT_ATTEMPT, at,
                   f"{self.labels[ContactAttempt.Method][method]}: {outcome}")
        if reached:
            self.contacts.append(at)
