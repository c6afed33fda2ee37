"""Eighteen months of invented case work for both demo municipalities.

The people are made up from lists of first and last names; their addresses use example
domains and numbers nobody has. Generated with a fixed seed, so every demo is the same.
"""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from appointments.choices import Channel, Status
from appointments.models import AppointmentRequest, ReferralSource, RequestEvent
from appointments.services import next_reference
from backoffice.models import ContactAttempt, Conversation, NeedCategory, Referral
from home.models import Partner
from portal.models import Municipality

MONTHS = 18
# Cases per month: a desk presence makes the numbers grow, as in practice.
MONTHLY = {"heidebeek": (14, 34), "linderode": (8, 22)}
CHANNELS = [(Channel.DESK, 45), (Channel.LETTER, 18), (Channel.PHONE, 15),
            (Channel.ONLINE, 12), (Channel.PARTNER, 10)]
LANGUAGES = [("ar", 20), ("uk", 15), ("ro", 12), ("en", 10), ("fr", 10), ("tr", 8), ("pl", 6),
             ("ru", 5), ("fa", 5), ("ti", 4), ("so", 3), ("nl", 2)]
FIRST_NAMES = ["Amal", "Bogdan", "Chiara", "Dawit", "Elif", "Farid", "Galyna", "Hamza", "Irina",
               "Jonas", "Khadija", "Luca", "Mariam", "Nikolai", "Olena", "Pawel", "Qadir",
               "Rasha", "Sina", "Tarik", "Ugne", "Vasyl", "Wafa", "Yara", "Zeynep"]
LAST_NAMES = ["Demo-Abadi", "Demo-Bakker", "Demo-Costa", "Demo-Dimitrov", "Demo-Eriksen",
              "Demo-Farah", "Demo-Gashi", "Demo-Haddad", "Demo-Ivanova", "Demo-Jansen",
              "Demo-Kaya", "Demo-Lungu", "Demo-Mensah", "Demo-Nowak", "Demo-Osman"]
TOPICS = ["dutch", "work", "housing", "education", "childcare", "leisure", "health",
          "administration"]


def load():
    from backoffice.inflow import demo as inflow_demo  # it uses pick() from here

    return load_cases() + inflow_demo.load()


def load_cases():
    if Conversation.objects.exists():
        return []
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    made = 0
    with transaction.atomic():
        for municipality in Municipality.objects.filter(slug__in=MONTHLY):
            made += build(municipality, rng)
    return [f"  {made} demo cases over the last {MONTHS} months"]


def pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def build(municipality, rng):
    User = get_user_model()
    staff = list(User.objects.filter(municipalities=municipality, groups__name="Toeleider"))
    needs = list(NeedCategory.objects.filter(archived=False))
    sources = list(ReferralSource.objects.all())
    partners = list(Partner.objects.filter(municipality=municipality,
                                           locale__language_code="nl"))
    dutch_partner = next((p for p in partners if "Nederlands" in p.name), partners[0])
    today = timezone.localdate()
    low, high = MONTHLY[municipality.slug]
    cases = []
    for months_ago in range(MONTHS, -1, -1):
        first = (today.replace(day=1) - timedelta(days=30 * months_ago)).replace(day=1)
        growth = (MONTHS - months_ago) / MONTHS
        for _n in range(rng.randint(low, low + int((high - low) * growth))):
            day = first + timedelta(days=rng.randint(0, 27))
            if day > today:
                continue
            moment = timezone.make_aware(datetime.combine(day, time(rng.randint(8, 17),
                                                                     rng.randint(0, 59))))
            age_days = (today - day).days
            channel = pick(rng, CHANNELS)
            first_name, last_name = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            language = pick(rng, LANGUAGES)
            status = status_for(rng, age_days)
            cases.append(AppointmentRequest(
                municipality=municipality, status=status, channel=channel, language="nl",
                name=f"{first_name} {last_name}",
                phone=f"+3247000{rng.randint(1000, 9999)}",
                email=f"{first_name.lower()}.{rng.randint(10, 99)}@example.org"
                if rng.random() < 0.6 else "",
                postal_code=municipality.postal_code, contact_language=language,
                needs_interpreter=language not in {"nl", "fr", "en"} and rng.random() < 0.4,
                topics=rng.sample(TOPICS, rng.randint(1, 3)),
                dutch_difficult=language != "nl" and rng.random() < 0.8,
                works=rng.random() < 0.35, has_children=rng.random() < 0.5,
                birth_year=rng.randint(1960, 2006),
                referral_source=rng.choice(sources) if channel != Channel.ONLINE else None,
                assigned_to=rng.choice(staff) if staff and status != Status.NEW else None,
                consent_given_at=moment,
                consent_text="Toestemming (demo).",
                created_at=moment,
                closed_at=moment + timedelta(days=40) if status in {
                    Status.CLOSED, Status.CANCELLED} else None,
            ))
    for case in sorted(cases, key=lambda c: c.created_at):
        case.reference = next_reference(case.created_at.year)
    AppointmentRequest.objects.bulk_create(cases)
    events, attempts, conversations = [], [], []
    for case in cases:
        events.append(RequestEvent(request=case, kind=RequestEvent.Kind.CREATED,
                                   at=case.created_at))
        if case.status == Status.NEW:
            continue
        attempts.append(ContactAttempt(
            request=case, at=case.created_at + timedelta(days=rng.randint(1, 6)),
            method=rng.choice(["phone", "phone", "letter", "desk"]), reached=True,
            by=case.assigned_to,
        ))
        if case.status in {Status.HELD, Status.CLOSED}:
            held = (case.created_at + timedelta(days=rng.randint(5, 25))).date()
            follow = rng.random() < 0.4
            conversations.append(Conversation(
                request=case, held_on=held, duration_minutes=rng.choice([30, 45, 60, 75]),
                language=case.contact_language, interpreter_used=case.needs_interpreter,
                themes=case.topics, by=case.assigned_to,
                follow_up=Conversation.FollowUp.CONVERSATION if follow else "none",
                follow_up_on=held + Conversation.DEFAULT_FOLLOW_UP if follow else None,
                follow_up_done_at=timezone.now() if follow and case.status == Status.CLOSED
                else None,
            ))
    RequestEvent.objects.bulk_create(events)
    ContactAttempt.objects.bulk_create(attempts)
    Conversation.objects.bulk_create(conversations)
    needs_links, referrals = [], []
    Through = Conversation.needs.through
    for conversation in conversations:
        for need in rng.sample(needs, rng.randint(1, 3)):
            needs_links.append(Through(conversation_id=conversation.pk, needcategory_id=need.pk))
        # About nine in ten are referred to Dutch classes or practice.
        if rng.random() < 0.9:
            referrals.append(Referral(conversation=conversation, partner=dutch_partner,
                                      purpose="Nederlandse les of oefenkansen",
                                      status=rng.choice(list(Referral.Status.values))))
        if rng.random() < 0.5:
            referrals.append(Referral(conversation=conversation, partner=rng.choice(partners),
                                      purpose="Verdere hulp", status=Referral.Status.MADE))
    Through.objects.bulk_create(needs_links)
    Referral.objects.bulk_create(referrals)
    return len(cases)


def status_for(rng, age_days):
    if age_days < 10:
        return pick(rng, [(Status.NEW, 6), (Status.CONTACTED, 3), (Status.SCHEDULED, 1)])
    if age_days < 45:
        return pick(rng, [(Status.CONTACTED, 2), (Status.HELD, 5), (Status.NO_SHOW, 1),
                          (Status.CANCELLED, 1), (Status.NEW, 1)])
    return pick(rng, [(Status.CLOSED, 7), (Status.HELD, 1), (Status.NO_SHOW, 1),
                      (Status.CANCELLED, 1)])

