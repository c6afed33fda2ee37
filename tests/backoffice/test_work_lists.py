"""The dashboard panel and the lists of follow-ups due and referrals waiting for feedback."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from appointments.choices import Status
from appointments.models import AppointmentRequest
from backoffice.models import Conversation, Referral
from backoffice.queries import follow_ups_due, waiting_too_long, working_days_before
from backoffice.services import record_conversation
from home.models import Partner

pytestmark = pytest.mark.django_db


def converse(case, user, *, follow_up_on=None, referrals=()):
    fields = {"held_on": timezone.localdate(), "duration_minutes": 40, "language": "ar",
              "follow_up": Conversation.FollowUp.CONVERSATION if follow_up_on else "none",
              "follow_up_on": follow_up_on}
    return record_conversation(case, user, fields=fields, referrals=referrals)


def test_working_days_skip_the_weekend():
    monday = date(2026, 11, 23)
    assert working_days_before(monday, 1) == date(2026, 11, 20)
    assert working_days_before(monday, 5) == date(2026, 11, 16)


def test_dashboard_panel_counts_the_users_own_work(client, staff, case_of):
    toeleider = staff["toeleider A"]
    late = case_of()
    AppointmentRequest.objects.filter(pk=late.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    case_of("linderode")  # another municipality: never counted
    converse(case_of(), toeleider, follow_up_on=timezone.localdate() - timedelta(days=1))
    client.force_login(toeleider)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    expected_new = AppointmentRequest.objects.for_user(toeleider).filter(status=Status.NEW).count()
    inbox = "/admin/appointment_requests/?status=new"
    assert f'data-count="new"><a href="{inbox}"><strong>{expected_new}</strong>' in html
    due = follow_ups_due(toeleider).count()
    assert due >= 1
    follow_ups = f'<a href="/admin/reports/follow-ups/"><strong>{due}</strong>'
    assert f'<li data-count="follow_ups_due">{follow_ups}' in html
    waiting = html.split('data-count="waiting_too_long"')[1]
    assert "<strong>0</strong>" not in waiting.split("</li>")[0]
    # Its link lists exactly the late requests.
    assert 'href="/admin/appointment_requests/?waiting_too_long=true"' in waiting
    listed = client.get("/admin/appointment_requests/", {"waiting_too_long": "true"})
    late_ones = {case.pk for case in listed.context["object_list"]}
    assert late.pk in late_ones
    assert late_ones <= set(waiting_too_long(toeleider).values_list("pk", flat=True))


def test_editors_do_not_get_the_panel(client, staff):
    client.force_login(staff["editor"])
    assert "onthaal-work" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_follow_ups_due_per_municipality_and_toeleider(client, staff, case_of):
    toeleider = staff["toeleider A"]
    due = converse(case_of(), toeleider, follow_up_on=timezone.localdate())
    converse(case_of(), toeleider, follow_up_on=timezone.localdate() + timedelta(days=60))
    other = converse(case_of("linderode"), staff["toeleider B"],
                     follow_up_on=timezone.localdate())
    client.force_login(toeleider)
    html = client.get(reverse("backoffice_follow_ups"), {"by": toeleider.pk}).content.decode()
    assert due.request.reference in html
    assert other.request.reference not in html
    assert reverse("backoffice_case", args=[due.request_id]) in html
    filtered = client.get(reverse("backoffice_follow_ups"), {"by": staff["coordinator"].pk})
    assert due.request.reference not in filtered.content.decode()


def test_marking_a_follow_up_done_removes_it_from_the_list(client, staff, case_of):
    toeleider = staff["toeleider A"]
    conversation = converse(case_of(), toeleider, follow_up_on=timezone.localdate())
    client.force_login(toeleider)
    response = client.post(
        reverse("backoffice_case_action", args=[conversation.request_id, "followup"]),
        {"followup-conversation": conversation.pk},
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.follow_up_done_at is not None
    html = client.get(reverse("backoffice_follow_ups"), {"by": toeleider.pk}).content.decode()
    assert conversation.request.reference not in html


def test_referrals_waiting_until_feedback(client, staff, case_of, demo):
    toeleider = staff["toeleider A"]
    partner = Partner.objects.filter(municipality=demo["heidebeek"]).first()
    conversation = converse(case_of(), toeleider, referrals=[(partner, "NT2-screening")])
    referral = conversation.referrals.get()
    client.force_login(toeleider)
    mine = {"by": toeleider.pk}
    assert conversation.request.reference in client.get(
        reverse("backoffice_referrals"), mine).content.decode()
    response = client.post(
        reverse("backoffice_case_action", args=[conversation.request_id, "referral"]),
        {"referral-status-referral": referral.pk, "referral-status-status": "feedback"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.FEEDBACK
    assert conversation.request.reference not in client.get(
        reverse("backoffice_referrals"), mine).content.decode()


def test_a_referral_of_another_case_cannot_be_changed_through_this_one(client, staff, case_of,
                                                                       demo):
    toeleider = staff["toeleider A"]
    partner = Partner.objects.filter(municipality=demo["heidebeek"]).first()
    first = converse(case_of(), toeleider, referrals=[(partner, "Werk")])
    second_case = case_of()
    client.force_login(toeleider)
    response = client.post(
        reverse("backoffice_case_action", args=[second_case.pk, "referral"]),
        {"referral-status-referral": first.referrals.get().pk,
         "referral-status-status": "feedback"},
    )
    assert response.status_code == 400
    assert first.referrals.get().status == Referral.Status.PROPOSED
