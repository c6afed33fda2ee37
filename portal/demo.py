"""Demo municipalities and staff. Everything here is fictional; addresses use example domains."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal import roles
from portal.languages import LANGUAGE_CODES
from portal.models import Municipality
from portal.setup import ensure_locales_and_groups

# Known on purpose: the demo is for trying Onthaal, never for production (see the command).
DEMO_PASSWORD = "onthaal-demo"  # noqa: S105  # nosec B105

CLUSTER_NAME = "Samenwerkingsverband Woudrand (fictief)"

MUNICIPALITIES = [
    {
        "slug": "heidebeek",
        "name": "Heidebeek",
        "nis_code": "99001",
        "email": "onthaal@heidebeek.example",
        "phone": "+32 11 99 01 00",
        "street_address": "Marktplein 1",
        "postal_code": "3999",
        "city": "Heidebeek",
        "languages": LANGUAGE_CODES,
    },
    {
        "slug": "linderode",
        "name": "Linderode",
        "nis_code": "99002",
        "email": "welkom@linderode.example",
        "phone": "+32 11 99 02 00",
        "street_address": "Kerkstraat 12",
        "postal_code": "3998",
        "city": "Linderode",
        # Linderode offers fewer languages: the switcher lists only these.
        "languages": ["nl", "fr", "en", "ar", "tr", "ro", "uk", "ru"],
    },
]

STAFF = [
    # username, first name, last name, role, municipalities, superuser
    ("beheerder", "Bea", "Beheer", roles.BEHEERDER, ["heidebeek", "linderode"], True),
    ("coordinator", "Cor", "Dinator", roles.COORDINATOR, ["heidebeek", "linderode"], False),
    ("toeleider.heidebeek", "Hanne", "Demo", roles.TOELEIDER, ["heidebeek"], False),
    ("toeleider.linderode", "Lode", "Demo", roles.TOELEIDER, ["linderode"], False),
    ("toeleider.cluster", "Samir", "Demo", roles.TOELEIDER, ["heidebeek", "linderode"], False),
    ("redacteur", "Rita", "Demo", roles.REDACTEUR, ["heidebeek", "linderode"], False),
    ("moderator", "Mo", "Demo", roles.MODERATOR, [], False),
    ("dpo", "Dirk", "Privacy", roles.DPO, ["heidebeek", "linderode"], False),
]


def load():
    ensure_locales_and_groups()
    municipalities = {}
    for data in MUNICIPALITIES:
        # The demo is tried with the password alone; anyone can still set up two-factor
        # authentication under Account, and a municipality's settings make it mandatory.
        values = {"require_two_factor": False, **data}
        slug = values.pop("slug")
        municipalities[slug], _created = Municipality.objects.update_or_create(
            slug=slug, defaults=values
        )

    User = get_user_model()
    lines = ["", f"Demo: {CLUSTER_NAME}", "", "Demo logins (password for all: "
             f"{DEMO_PASSWORD}) at http://127.0.0.1:8000/admin/"]
    for username, first, last, role, slugs, superuser in STAFF:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@woudrand.example",
                "is_staff": True,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=role))
        for slug in slugs:
            municipalities[slug].staff.add(user)
        where = ", ".join(municipalities[slug].name for slug in slugs) or "-"
        lines.append(f"  {username:<22} {role:<22} {where}")
    return lines
