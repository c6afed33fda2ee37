"""The history page of every municipality-scoped admin object opens for its own staff and
stays hidden for others (the scoping must not break Wagtail's log listing)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from appointments.models import Slot
from backoffice.models import InvitationLetterText
from home.models import Partner
from portal import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def objects_of(municipality):
    start = timezone.now() + timedelta(days=30)
    return {
        "slots": Slot.objects.create(municipality=municipality, starts_at=start,
                                     ends_at=start + timedelta(hours=1)),
        "letter_texts": InvitationLetterText.objects.create(municipality=municipality,
                                                            language="fr", body="Bienvenue."),
        "partners": Partner.objects.filter(municipality=municipality).first(),
    }


def history_url(namespace, obj):
    if namespace == "partners":
        return reverse(Partner.snippet_viewset.get_url_name("history"), args=[obj.pk])
    return reverse(f"{namespace}:history", args=[obj.pk])


# Read-only viewsets (inbox, new residents) have no history page: Wagtail asks "change".
@pytest.mark.parametrize("namespace", ["slots", "letter_texts", "partners"])
def test_history_pages_open_for_own_staff_only(client, demo, namespace):
    heidebeek, linderode = demo["heidebeek"], demo["linderode"]
    url = history_url(namespace, objects_of(heidebeek)[namespace])
    role = roles.REDACTEUR if namespace == "partners" else roles.COORDINATOR
    client.force_login(UserFactory(username="history-own", role=role,
                                   municipalities=[heidebeek]))
    assert client.get(url).status_code == 200
    client.force_login(UserFactory(username="history-other", role=role,
                                   municipalities=[linderode]))
    assert client.get(url).status_code == 404
