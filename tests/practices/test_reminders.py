"""The yearly review: which fiches are overdue, and one digest per moderator."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from portal import roles
from practices.models import PracticePage
from practices.reminders import overdue_practices, send_review_reminders
from tests.factories import UserFactory
from tests.practices.test_proposals import make_fiche

pytestmark = pytest.mark.django_db

TODAY = date(2031, 3, 15)
BRUSSELS = ZoneInfo("Europe/Brussels")


def published_on(day, title, **fields):
    with time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=BRUSSELS),
                             tick=False):
        return make_fiche(title, **fields)


@pytest.fixture
def fiches(demo):
    """Demo fiches are reviewed "today"; our own cover each case around the year."""
    PracticePage.objects.update(last_reviewed=TODAY)
    year_ago = TODAY - timedelta(days=365)
    return {
        "reviewed long ago": published_on(date(2026, 1, 5), "Welkomstwandeling",
                                          last_reviewed=date(2028, 6, 1)),
        "never, published long ago": published_on(date(2029, 2, 1), "Taalmaatjes"),
        "reviewed a year ago today": published_on(date(2027, 1, 1), "Onthaalbrochure",
                                                  last_reviewed=year_ago),
        "never, published recently": published_on(date(2030, 12, 1), "Fietslessen"),
        "reviewed recently": published_on(date(2026, 1, 5), "Gezinsbezoek",
                                          last_reviewed=date(2030, 9, 1)),
    }


@pytest.fixture
def moderators(demo):
    demo_moderator = get_user_model().objects.get(username="moderator")
    return [
        demo_moderator,
        UserFactory(username="mod-two", email="moderator2@woudrand.example",
                    role=roles.MODERATOR),
    ]


def test_overdue_fiches_are_the_ones_past_a_year_oldest_first(fiches):
    titles = [page.title for page in overdue_practices(TODAY)]
    assert titles == ["Welkomstwandeling", "Taalmaatjes"]


def test_an_unpublished_fiche_is_never_overdue(fiches):
    fiches["reviewed long ago"].unpublish()
    assert [page.title for page in overdue_practices(TODAY)] == ["Taalmaatjes"]


def test_each_moderator_gets_one_digest(fiches, moderators):
    UserFactory(username="mod-left", email="weg@woudrand.example", role=roles.MODERATOR,
                is_active=False)
    UserFactory(username="mod-no-mail", email="", role=roles.MODERATOR)
    UserFactory(username="not-a-mod", email="toeleider@woudrand.example", role=roles.TOELEIDER)
    mail.outbox.clear()
    with time_machine.travel(datetime(2031, 3, 15, 7, tzinfo=BRUSSELS), tick=False):
        assert send_review_reminders() == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        user.email for user in moderators)
    message = mail.outbox[0]
    assert "(2)" in message.subject
    assert "Welkomstwandeling" in message.body and "1 juni 2028" in message.body
    assert "Taalmaatjes" in message.body and "nog nooit" in message.body
    for key in ["reviewed long ago", "never, published long ago"]:
        assert f"http://testserver/admin/pages/{fiches[key].pk}/edit/" in message.body
    for title in ["Onthaalbrochure", "Fietslessen", "Gezinsbezoek"]:
        assert title not in message.body
    assert message.body.index("Welkomstwandeling") < message.body.index("Taalmaatjes")


def test_nothing_is_sent_when_nothing_is_overdue(fiches, moderators):
    PracticePage.objects.update(last_reviewed=TODAY - timedelta(days=10))
    mail.outbox.clear()
    assert send_review_reminders(TODAY) == 0
    assert mail.outbox == []


def test_the_command_takes_a_date_and_can_leave_it_to_the_worker(fiches, moderators):
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_review_reminders", "--date", "2031-03-15", stdout=out)
    assert "2 review reminders sent." in out.getvalue()
    assert len(mail.outbox) == 2
    mail.outbox.clear()
    # On 31 May 2029 nothing was more than a year old yet.
    call_command("send_review_reminders", "--date", "2029-05-31", stdout=out)
    assert mail.outbox == []
    queued = io.StringIO()
    call_command("send_review_reminders", "--enqueue", "--date", "2031-03-15", stdout=queued)
    assert "queued" in queued.getvalue()
    assert len(mail.outbox) == 2  # the test settings run tasks at once


def test_the_report_lists_unreviewed_fiches_oldest_first_with_their_edit_link(client, fiches):
    with time_machine.travel(datetime(2031, 3, 15, 9, tzinfo=BRUSSELS), tick=False):
        client.force_login(get_user_model().objects.get(username="moderator"))
        response = client.get(reverse("practice_reviews:index"))
    assert response.status_code == 200
    html = response.content.decode()
    listed = ["Welkomstwandeling", "Taalmaatjes", "Fietslessen"]
    assert [html.index(title) for title in listed] == sorted(html.index(t) for t in listed)
    for title in ["Onthaalbrochure", "Gezinsbezoek"]:
        assert title not in html
    assert reverse("wagtailadmin_pages:edit", args=[fiches["reviewed long ago"].pk]) in html
