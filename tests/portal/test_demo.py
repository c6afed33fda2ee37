import io
import re
from datetime import datetime, time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Min, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from wagtail.models import Page, Site

from appointments.choices import Channel, Status
from appointments.models import AppointmentRequest, RequestEvent
from backoffice.inflow.figures import shift_months
from backoffice.models import Conversation, Referral
from home.models import DUTCH_PARTNER_KINDS, HomePage
from portal.models import Municipality

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def counts():
    return (
        Municipality.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_loads_two_fictional_municipalities_of_one_cluster():
    output = load()
    municipalities = list(Municipality.objects.order_by("slug"))
    assert [m.name for m in municipalities] == ["Heidebeek", "Linderode"]
    for municipality in municipalities:
        assert municipality.email.endswith(".example")
        assert municipality.nis_code.startswith("99")  # no real NIS code starts with 99
        assert isinstance(municipality.site.root_page.specific, HomePage)
    assert "fictief" in output


def test_demo_prints_the_logins_and_addresses():
    output = load()
    assert "onthaal-demo" in output
    for username in ("beheerder", "coordinator", "toeleider.heidebeek", "redacteur"):
        assert username in output
    assert "http://127.0.0.1:8000/" in output
    assert "http://linderode.localhost:8000/" in output


def test_demo_twice_does_not_duplicate_anything():
    load()
    before = counts()
    load()
    assert counts() == before
    assert Site.objects.filter(is_default_site=True).count() == 1


def test_demo_users_only_use_example_addresses():
    load()
    for email in get_user_model().objects.values_list("email", flat=True):
        assert email.endswith(".example")


def test_shared_toeleider_belongs_to_both_municipalities():
    load()
    user = get_user_model().objects.get(username="toeleider.cluster")
    assert set(user.municipalities.values_list("slug", flat=True)) == {"heidebeek", "linderode"}
    assert user.check_password("onthaal-demo")


def demo_cases(demo):
    return AppointmentRequest.objects.filter(municipality__in=demo.values(),
                                             name__contains="Demo-")


def test_demo_cases_are_reached_in_every_month_of_two_years(demo):
    this_month = timezone.localdate().replace(day=1)
    for municipality in demo.values():
        months = set(demo_cases(demo).filter(
            municipality=municipality, reached_at__isnull=False,
        ).annotate(month=TruncMonth("reached_at")).values_list("month", flat=True))
        months = {timezone.localtime(month).date() for month in months}
        assert {shift_months(this_month, -n) for n in range(1, 25)} <= months


def test_demo_cases_count_as_reached_at_their_first_successful_contact(demo):
    cases = demo_cases(demo).annotate(
        first_attempt=Min("contact_attempts__at", filter=Q(contact_attempts__reached=True)),
        first_conversation=Min("conversations__held_on"),
    )
    never_reached = 0
    for case in cases:
        moments = [case.first_attempt] if case.first_attempt else []
        if case.first_conversation:
            moments.append(timezone.make_aware(datetime.combine(case.first_conversation,
                                                                time(12))))
        if case.channel == Channel.DESK:
            moments.append(case.created_at)
        assert case.reached_at == min(moments, default=None), case.reference
        never_reached += case.reached_at is None
    assert 0 < never_reached < cases.count() / 10


def test_demo_cases_have_the_statistical_fields_for_most_people(demo):
    cases = demo_cases(demo)
    total = cases.count()
    assert total > 600
    for empty in (Q(sex=""), Q(nationality=""), Q(birth_year__isnull=True),
                  Q(has_children__isnull=True)):
        assert cases.filter(empty).count() < total / 5
    assert cases.filter(nationality="BE").exists()
    assert cases.exclude(nationality__in=["", "BE"]).values("nationality").distinct().count() > 8
    emails = AppointmentRequest.objects.exclude(email="").values_list("email", flat=True)
    assert all(email.endswith(("@example.org", ".example")) for email in emails)


def test_demo_no_shows_and_cancellations_are_on_the_timeline(demo):
    events = RequestEvent.objects.filter(request__in=demo_cases(demo))
    for status in (Status.NO_SHOW, Status.CANCELLED):
        for case in demo_cases(demo).filter(status=status):
            assert events.filter(request=case, status=status).exists(), case.reference
    assert events.filter(kind=RequestEvent.Kind.CANCELLED, status=Status.CANCELLED).exists()
    assert events.filter(kind=RequestEvent.Kind.STATUS_CHANGED,
                         status=Status.CANCELLED).exists()
    assert events.filter(status=Status.NO_SHOW).count() > 20
    assert not events.filter(at__gt=timezone.now()).exists()


def test_demo_conversations_give_needs_referrals_and_follow_ups(demo):
    conversations = Conversation.objects.filter(request__in=demo_cases(demo))
    people = conversations.values("request").distinct().count()
    to_dutch = conversations.filter(
        referrals__partner__kind__in=DUTCH_PARTNER_KINDS).values("request").distinct().count()
    assert 0.8 < to_dutch / people < 0.95
    referred_kinds = set(Referral.objects.filter(conversation__in=conversations)
                         .values_list("partner__kind", flat=True))
    assert len(referred_kinds) >= 8
    assert conversations.filter(is_follow_up=True).exists()
    assert conversations.filter(needs__isnull=False).distinct().count() > people * 0.9
    # Needs notes are policy signals: nothing in them may point to a person.
    for text, name in conversations.exclude(needs_text="").values_list("needs_text",
                                                                         "request__name"):
        assert not re.search(r"\d|@|Demo", text)
        assert name.split()[0] not in text
    follow_ups = conversations.exclude(follow_up=Conversation.FollowUp.NONE)
    today = timezone.localdate()
    assert follow_ups.filter(follow_up_done_at__isnull=False).exists()
    assert follow_ups.filter(follow_up_done_at__isnull=True, follow_up_on__lt=today).exists()
    assert follow_ups.filter(follow_up_on__gt=today).exists()
