"""Demo slots and requests. The people are invented; addresses use example domains."""

import uuid
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from appointments.choices import Channel, SlotKind, Status
from appointments.models import AppointmentRequest, Slot
from appointments.services import submit_request
from portal.models import Municipality

SLOT_TIMES = [time(9, 0), time(10, 0), time(11, 0), time(14, 0), time(15, 0)]
# weekday (0 = Monday) the toeleider holds conversations in each municipality
DESK_DAYS = {"heidebeek": [1, 3], "linderode": [2]}
PLACES = {
    "heidebeek": "Gemeentehuis Heidebeek, onthaalbalie, Marktplein 1",
    "linderode": "Sociaal Huis Linderode, spreekkamer 2, Kerkstraat 14",
}
TOELEIDERS = {"heidebeek": "toeleider.heidebeek", "linderode": "toeleider.linderode"}

PEOPLE = [
    # municipality, name, phone, e-mail, language, status, topics
    ("heidebeek", "Amina Demo", "+32470000101", "amina.demo@example.org", "ar", Status.NEW,
     ["dutch", "childcare"]),
    ("heidebeek", "Oleksandr Demo", "+32470000102", "", "uk", Status.CONTACTED,
     ["work", "dutch"]),
    ("heidebeek", "Ioana Demo", "", "ioana.demo@example.org", "ro", Status.NEW, ["housing"]),
    ("linderode", "Samira Demo", "+32470000104", "samira.demo@example.org", "fr", Status.NEW,
     ["education", "leisure"]),
]


def load():
    lines = ["", "Demo requests: private links are in the confirmation mails (console)."]
    User = get_user_model()
    for slug, weekdays in DESK_DAYS.items():
        municipality = Municipality.objects.get(slug=slug)
        if Slot.objects.filter(municipality=municipality).exists():
            continue
        toeleider = User.objects.filter(username=TOELEIDERS[slug]).first()
        today = timezone.localdate()
        for offset in range(2, 30):
            day = today + timedelta(days=offset)
            if day.weekday() not in weekdays:
                continue
            for start in SLOT_TIMES:
                starts_at = timezone.make_aware(datetime.combine(day, start))
                Slot.objects.create(
                    municipality=municipality, toeleider=toeleider, starts_at=starts_at,
                    ends_at=starts_at + timedelta(minutes=45), kind=SlotKind.PLACE,
                    place=PLACES[slug], languages=["nl", "fr", "en", "ar"],
                )
    if not AppointmentRequest.objects.exists():
        for slug, name, phone, email, language, status, topics in PEOPLE:
            municipality = Municipality.objects.get(slug=slug)
            request, _created = submit_request(
                municipality=municipality,
                language=language,
                submission_key=uuid.uuid4(),
                fields={
                    "name": name, "phone": phone, "email": email, "postal_code":
                    municipality.postal_code, "contact_language": language, "topics": topics,
                    "channel": Channel.ONLINE, "contact_methods": ["phone", "email"],
                },
            )
            AppointmentRequest.objects.filter(pk=request.pk).update(status=status)
        lines.append(f"  {AppointmentRequest.objects.count()} requests, "
                     f"{Slot.objects.count()} slots")
    return lines
