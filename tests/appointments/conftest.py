import re

import pytest
from django.test import Client

from appointments.models import Slot


def host_client(slug="heidebeek"):
    return Client(HTTP_HOST=f"{slug}.localhost")


def form_fields(client, language="nl"):
    """The hidden fields of a freshly shown request form."""
    html = client.get(f"/{language}/onthaalgesprek/").content.decode()
    return {
        "started": re.search(r'name="started" value="([^"]+)"', html).group(1),
        "submission_key": re.search(r'name="submission_key" value="([^"]+)"', html).group(1),
    }


def valid_data(client, language="nl", **overrides):
    data = {
        **form_fields(client, language),
        "name": "Nadia Voorbeeld",
        "phone": "0470 12 34 56",
        "email": "nadia@example.org",
        "postal_code": "3999",
        "contact_language": language,
        "topics": ["work", "dutch"],
        "question": "Waar kan ik Nederlandse les volgen?",
        "works": "no",
        "preferred_moments": ["tue_morning"],
        "contact_methods": ["phone"],
        "filled_in_by": "self",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def heidebeek(demo):
    return demo["heidebeek"]


@pytest.fixture
def web(demo):
    return host_client("heidebeek")


@pytest.fixture
def free_slot(heidebeek):
    return Slot.objects.bookable(heidebeek).first()


def error_items(response):
    return re.findall(r'<li><a href="#[^"]+">([^<]+)</a></li>', response.content.decode())
