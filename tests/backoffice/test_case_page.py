"""A toeleider works a case on its page: every action, its checks and its timeline."""

import pytest
from django.core import mail
from django.urls import reverse

from appointments.choices import Channel, Status
from appointments.models import AppointmentRequest, ReferralSource, RequestEvent, Slot
from backoffice.models import Conversation, NeedCategory, PersonalDataAccess
from home.models import Partner

pytestmark = pytest.mark.django_db


def act(client, case, action, data):
    return client.post(reverse("backoffice_case_action", args=[case.pk, action]), data)


@pytest.fixture
def toeleider(client, staff):
    client.force_login(staff["toeleider A"])
    return staff["toeleider A"]


def test_opening_a_case_is_logged_as_a_view_of_personal_data(client, toeleider, case_of):
    case = case_of()
    response = client.get(reverse("backoffice_case", args=[case.pk]))
    assert response.status_code == 200
    assert "Karim Voorbeeld" in response.content.decode()
    access = PersonalDataAccess.objects.get(request=case)
    assert access.user == toeleider and access.action == "view"


def test_the_case_page_shows_the_persons_answers_and_every_contact_attempt(
    client, toeleider, case_of
):
    case = case_of(topics=["work", "housing"], contact_methods=["whatsapp"],
                   preferred_moments=["mon_morning"], dutch_difficult=True, has_children=False)
    act(client, case, "contact", {"contact-method": "phone", "contact-reached": "no",
                                  "contact-note": "Voicemail ingesproken"})
    html = client.get(reverse("backoffice_case", args=[case.pk])).content.decode()
    for shown in ["Werk", "Wonen", "WhatsApp", "Nederlands praten is moeilijk",
                  "Voicemail ingesproken"]:
        assert shown in html, shown


def test_scheduling_and_holding_are_not_plain_status_buttons(client, toeleider, case_of):
    case = case_of()
    page = client.get(reverse("backoffice_case", args=[case.pk]))
    offered = {value for value, _label in page.context["allowed_statuses"]}
    assert Status.CLOSED in offered
    assert not offered & {Status.SCHEDULED, Status.HELD}
    refused = act(client, case, "status", {"status-status": Status.HELD})
    assert refused.status_code == 400
    case.refresh_from_db()
    assert case.status == Status.NEW


def test_a_reached_contact_attempt_moves_a_new_case_to_contacted(client, toeleider, case_of):
    case = case_of()
    response = act(client, case, "contact", {"contact-method": "phone", "contact-reached": "yes"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.CONTACTED
    kinds = list(case.events.values_list("kind", flat=True))
    assert RequestEvent.Kind.CONTACT_ATTEMPT in kinds and RequestEvent.Kind.STATUS_CHANGED in kinds


def test_assigning_only_to_staff_of_the_municipality(client, toeleider, staff, case_of):
    case = case_of()
    response = act(client, case, "assign", {"assign-assignee": staff["toeleider B"].pk})
    assert response.status_code == 400
    assert act(client, case, "assign", {"assign-assignee": toeleider.pk}).status_code == 302
    case.refresh_from_db()
    assert case.assigned_to == toeleider


def test_scheduling_books_the_slot_and_mails_the_person_in_their_language(
    client, toeleider, case_of, demo, django_capture_on_commit_callbacks
):
    case = case_of()
    slot = Slot.objects.bookable(demo["heidebeek"]).first()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, case, "schedule", {"schedule-slot": slot.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.slot == slot and case.status == Status.SCHEDULED
    message = next(m for m in mail.outbox if m.to == ["karim@example.org"])
    assert message.attachments[0][0] == "onthaalgesprek.ics"


def test_recording_a_conversation_with_needs_referrals_and_a_follow_up(client, toeleider,
                                                                       case_of, demo):
    case = case_of()
    needs = NeedCategory.objects.filter(archived=False)[:2]
    partners = Partner.objects.filter(municipality=demo["heidebeek"],
                                      locale__language_code="nl")[:2]
    data = {
        "conversation-held_on": "2026-11-20", "conversation-duration_minutes": "50",
        "conversation-language": "ar", "conversation-interpreter_used": "on",
        "conversation-themes": ["dutch", "work"],
        "conversation-needs": [need.pk for need in needs],
        "conversation-needs_text": "Zoekt avondles Nederlands.",
        "conversation-follow_up": "conversation", "conversation-follow_up_in_six_months": "on",
        "referral-TOTAL_FORMS": "3", "referral-INITIAL_FORMS": "0",
        "referral-MIN_NUM_FORMS": "0", "referral-MAX_NUM_FORMS": "10",
        "referral-0-partner": partners[0].pk, "referral-0-purpose": "NT2-screening",
        "referral-1-partner": partners[1].pk, "referral-1-purpose": "Inschrijven als werkzoekende",
    }
    response = act(client, case, "conversation", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    conversation = Conversation.objects.get(request=case)
    assert conversation.referrals.count() == 2
    assert conversation.needs.count() == 2
    assert str(conversation.follow_up_on) == "2027-05-21"
    case.refresh_from_db()
    assert case.status == Status.HELD
    html = client.get(reverse("backoffice_case", args=[case.pk])).content.decode()
    for shown in ["Zoekt avondles Nederlands.", "met tolk", "50 min", "Nederlands leren"]:
        assert shown in html, shown


def test_no_follow_up_means_no_follow_up_date(client, toeleider, case_of):
    case = case_of()
    data = {"conversation-held_on": "2026-11-20", "conversation-duration_minutes": "30",
            "conversation-language": "nl", "conversation-follow_up": "none",
            "conversation-follow_up_in_six_months": "on",
            "referral-TOTAL_FORMS": "0", "referral-INITIAL_FORMS": "0",
            "referral-MIN_NUM_FORMS": "0", "referral-MAX_NUM_FORMS": "10"}
    assert act(client, case, "conversation", data).status_code == 302
    assert Conversation.objects.get(request=case).follow_up_on is None


def test_conversation_themes_are_offered_in_the_staff_members_language(case_of):
    from django.utils import translation

    from backoffice.forms import ConversationForm

    with translation.override("fr"):
        labels = {code: str(name) for code, name in ConversationForm().fields["themes"].choices}
    assert labels["dutch"] == "Apprendre le néerlandais"


def test_a_referral_without_purpose_keeps_everything_typed(client, toeleider, case_of, demo):
    case = case_of()
    partner = Partner.objects.filter(municipality=demo["heidebeek"]).first()
    data = {
        "conversation-held_on": "2026-11-20", "conversation-duration_minutes": "30",
        "conversation-language": "ar", "conversation-follow_up": "none",
        "conversation-needs_text": "Mijn notitie",
        "referral-TOTAL_FORMS": "1", "referral-INITIAL_FORMS": "0",
        "referral-MIN_NUM_FORMS": "0", "referral-MAX_NUM_FORMS": "10",
        "referral-0-partner": partner.pk, "referral-0-purpose": "",
    }
    response = act(client, case, "conversation", data)
    assert response.status_code == 400
    assert "Mijn notitie" in response.content.decode()
    assert not Conversation.objects.filter(request=case).exists()


def test_a_forbidden_status_change_is_refused_with_a_message(client, toeleider, case_of):
    case = case_of()
    response = act(client, case, "status", {"status-status": Status.NO_SHOW})
    assert response.status_code == 400
    assert "kan niet" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.NEW


def test_the_second_of_two_simultaneous_edits_is_refused_not_lost(client, toeleider, case_of):
    case = case_of()
    seen = case.updated_at.isoformat()
    first = act(client, case, "details", {"details-name": "Karim V.", "details-phone": "",
                                          "details-email": "karim@example.org",
                                          "details-seen_updated_at": seen})
    assert first.status_code == 302
    second = act(client, case, "details", {"details-name": "Karim Voorbeeldig",
                                           "details-email": "k@example.org",
                                           "details-seen_updated_at": seen})
    assert second.status_code == 400
    html = second.content.decode()
    assert "Iemand anders heeft deze aanvraag intussen gewijzigd" in html
    assert "Karim Voorbeeldig" in html  # what the second person typed is still there
    case.refresh_from_db()
    assert case.name == "Karim V."
    # Having seen the new data, sending the kept form again saves it.
    form = second.context["forms"]["details"]
    third = act(client, case, "details", form.data.dict())
    assert third.status_code == 302
    case.refresh_from_db()
    assert case.name == "Karim Voorbeeldig"


def test_desk_registration_warns_about_possible_duplicates_first(client, toeleider, case_of,
                                                                demo):
    existing = case_of(phone="+32470777888")
    source = ReferralSource.objects.first()
    data = {"municipality": demo["heidebeek"].pk, "name": "Lina Voorbeeld",
            "phone": "0470 77 78 88", "contact_language": "ar", "channel": Channel.DESK,
            "referral_source": source.pk, "consent": "on", "dutch_difficult": "yes"}
    url = reverse("backoffice_desk_registration")
    first = client.post(url, data)
    assert first.status_code == 400
    assert existing.reference in first.content.decode()
    assert not AppointmentRequest.objects.filter(name="Lina Voorbeeld").exists()
    data["confirm_duplicates"] = "True"
    second = client.post(url, data)
    assert second.status_code == 302
    case = AppointmentRequest.objects.get(name="Lina Voorbeeld")
    assert (case.channel, case.status, case.assigned_to) == (Channel.DESK, Status.CONTACTED,
                                                              toeleider)
    assert case.referral_source == source and case.dutch_difficult is True


def test_desk_registration_without_duplicates_saves_at_once(client, toeleider, demo):
    data = {"municipality": demo["heidebeek"].pk, "name": "Nieuw Iemand", "birth_year": "1990",
            "email": "nieuw@example.org", "contact_language": "uk", "channel": Channel.PHONE,
            "consent": "on"}
    response = client.post(reverse("backoffice_desk_registration"), data)
    assert response.status_code == 302
    case = AppointmentRequest.objects.get(name="Nieuw Iemand")
    assert case.events.filter(kind=RequestEvent.Kind.CREATED).exists()


def test_desk_registration_keeps_input_on_error(client, toeleider, demo):
    data = {"municipality": demo["heidebeek"].pk, "name": "Zonder Toestemming",
            "phone": "12", "contact_language": "uk", "channel": Channel.DESK}
    response = client.post(reverse("backoffice_desk_registration"), data)
    assert response.status_code == 400
    assert 'value="Zonder Toestemming"' in response.content.decode()


@pytest.mark.parametrize("viewset", ["need_categories", "referral_sources"])
def test_deleting_a_used_list_entry_archives_it_and_keeps_the_cases(client, staff, case_of,
                                                                    viewset):
    client.force_login(staff["administrator"])
    case = case_of()
    if viewset == "need_categories":
        entry = NeedCategory.objects.create(label="Gebruikte categorie")
        conversation = Conversation.objects.create(request=case, language="ar")
        conversation.needs.add(entry)
    else:
        entry = ReferralSource.objects.create(label="Gebruikte doorverwijzer")
        AppointmentRequest.objects.filter(pk=case.pk).update(referral_source=entry)
    response = client.post(reverse(f"{viewset}:delete", args=[entry.pk]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.archived
    unused = type(entry).objects.create(label="Nooit gebruikt")
    client.post(reverse(f"{viewset}:delete", args=[unused.pk]))
    assert not type(entry).objects.filter(pk=unused.pk).exists()


def test_a_coordinator_shares_out_open_cases(client, staff, case_of):
    coordinator, toeleider = staff["coordinator"], staff["toeleider A"]
    first, second = case_of(), case_of()
    other = case_of("linderode")
    client.force_login(coordinator)
    url = reverse("backoffice_bulk_assign")
    page = client.get(url).content.decode()
    assert first.reference in page and other.reference not in page
    refused = client.post(url, {"cases": [first.pk, other.pk], "assignee": toeleider.pk})
    assert refused.status_code == 400  # a case of another municipality is no choice
    wrong_person = client.post(url, {"cases": [first.pk], "assignee": staff["toeleider B"].pk})
    assert wrong_person.status_code == 400
    done = client.post(url, {"cases": [first.pk, second.pk], "assignee": toeleider.pk})
    assert done.status_code == 302
    assert set(AppointmentRequest.objects.filter(pk__in=[first.pk, second.pk])
               .values_list("assigned_to", flat=True)) == {toeleider.pk}
    assert first.events.filter(kind=RequestEvent.Kind.ASSIGNED).exists()
