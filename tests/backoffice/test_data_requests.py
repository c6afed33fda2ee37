"""The person's rights: a copy of everything held on them (JSON, PDF) and its erasure."""

import json
from datetime import date, timedelta

import pypdfium2
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from appointments.choices import Status
from appointments.models import AppointmentRequest, Invitation, RequestEvent, Slot
from backoffice import services
from backoffice.models import (
    ContactAttempt,
    Conversation,
    NeedCategory,
    NewResident,
    PersonalDataAccess,
    Referral,
)
from home.models import Partner

pytestmark = pytest.mark.django_db

# What identifies Karim: none of it may be left anywhere after the erasure.
IDENTIFYING = ["Karim", "Voorbeeld", "555666", "555 666", "55 56 66", "karim@example.org",
               "Kerkstraat"]


@pytest.fixture
def coordinator(client, staff):
    client.force_login(staff["coordinator"])
    return staff["coordinator"]


@pytest.fixture
def full_case(case_of, staff, demo):
    """Karim's case with answers, an attempt, a conversation with a referral, a booked slot,
    and his record on the new-resident list with its invitation letter."""
    heidebeek, toeleider = demo["heidebeek"], staff["toeleider A"]
    invitation = Invitation.objects.create(code="K7M2QX9P", municipality=heidebeek,
                                           language="ar")
    case = case_of(question="Karim zoekt een school voor zijn dochter.",
                   extra_information="Bel Karim na 17 uur.", address="Kerkstraat 12",
                   postal_code="3990", birth_year=1990, sex="M", nationality="SY",
                   topics=["education"], has_children=True, invitation=invitation)
    services.log_contact_attempt(case, toeleider, method="phone", reached=True,
                                 note="Karim teruggebeld op 0470 55 56 66")
    partner = Partner.objects.filter(municipality=heidebeek, locale__language_code="nl").first()
    services.record_conversation(
        case, toeleider,
        fields={"held_on": date(2026, 11, 20), "language": "ar",
                "needs_text": "Karim Voorbeeld zoekt avondles Nederlands"},
        needs=NeedCategory.objects.filter(archived=False)[:1],
        referrals=[(partner, "Inschrijving van Karim bij de school")],
    )
    start = timezone.now() + timedelta(days=3)
    slot = Slot.objects.create(municipality=heidebeek, starts_at=start,
                               ends_at=start + timedelta(hours=1))
    services.schedule(case, slot, toeleider)
    resident = NewResident.objects.create(
        municipality=heidebeek, case=case, invitation=invitation, last_name="Voorbeeld",
        first_name="Karim", birth_date=date(1990, 4, 2), birth_year=1990, sex="M",
        nationality="SY", street="Kerkstraat", house_number="12", postal_code="3990",
        town="Heidebeek", phone="+32470555666", email="karim@example.org",
        registered_on=date(2026, 10, 1), register_hash="f" * 64, match_key="e" * 64,
        household_key="d" * 64,
    )
    log(instance=resident, action="onthaal.letter_printed", user=toeleider)
    NewResident.objects.create(  # someone else: stays as they are
        municipality=heidebeek, last_name="Demo-Ander", first_name="Nadia",
        street="Steenweg", house_number="4", postal_code="3990", town="Heidebeek",
        birth_year=1985, registered_on=date(2026, 10, 1),
    )
    case.refresh_from_db()
    return case


def export(client, case, kind):
    return client.get(reverse(f"backoffice_case_data_{kind}", args=[case.pk]))


def test_the_json_copy_holds_everything_about_the_person(client, coordinator, full_case):
    response = export(client, full_case, "json")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and full_case.reference in disposition
    assert "Karim" not in disposition
    data = json.loads(response.content)
    text = response.content.decode()

    fields = {row["field"]: row for row in data["case"]["fields"]}
    assert fields["name"]["value"] == "Karim Voorbeeld"
    assert "470 55 56 66" in fields["phone"]["value"]
    assert fields["email"]["value"] == "karim@example.org"
    assert fields["question"]["value"] == "Karim zoekt een school voor zijn dochter."
    # A field with a fixed list shows its label and its code.
    assert (fields["contact_language"]["value"], fields["contact_language"]["code"]) == (
        "Arabisch", "ar")
    assert fields["nationality"]["code"] == "SY"
    assert fields["topics"]["code"] == ["education"]
    assert "Bel Karim na 17 uur." in text

    answers = {row["label"]: row["value"] for row in data["answers"]}
    assert answers["Geboortejaar"] == "1990"
    attempt = {row["field"]: row for row in data["contact_attempts"][0]}
    assert attempt["note"]["value"] == "Karim teruggebeld op 0470 55 56 66"
    assert (attempt["method"]["code"], attempt["reached"]["value"]) == ("phone", True)

    conversation = {row["field"]: row for row in data["conversations"][0]["fields"]}
    assert conversation["needs_text"]["value"] == "Karim Voorbeeld zoekt avondles Nederlands"
    assert conversation["needs"]["value"]
    referral = {row["field"]: row for row in data["conversations"][0]["referrals"][0]}
    assert referral["purpose"]["value"] == "Inschrijving van Karim bij de school"
    assert referral["partner"]["value"] and referral["partner_kind"]["code"]

    kinds = [{row["field"]: row for row in event}["kind"]["code"] for event in data["timeline"]]
    assert kinds[0] == "created" and "conversation_recorded" in kinds

    [resident] = data["new_residents"]
    resident_fields = {row["field"]: row for row in resident}
    assert resident_fields["street"]["value"] == "Kerkstraat"
    assert resident_fields["house_number"]["value"] == "12"
    assert resident_fields["birth_date"]["value"] == "1990-04-02"
    # The hashes are named, never shown.
    assert "eenrichtingshash" in resident_fields["register_hash"]["value"]
    assert "f" * 64 not in text and full_case.access_key not in text
    assert "Nadia" not in text  # another person
    assert data["invitation_codes"] == ["K7M2-QX9P"]


def test_the_pdf_copy_is_readable(client, coordinator, full_case):
    response = export(client, full_case, "pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'{full_case.reference}-gegevens.pdf' in response["Content-Disposition"]
    document = pypdfium2.PdfDocument(response.content)
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    for shown in ["Karim Voorbeeld", "Uw aanvraag", "Gesprekken", "Tijdlijn",
                  "Lijst van nieuwe inwoners", "Kerkstraat", "Wie uw gegevens inkeek"]:
        assert shown in text, shown


def test_every_export_is_logged(client, coordinator, full_case):
    export(client, full_case, "json")
    export(client, full_case, "pdf")
    assert PersonalDataAccess.objects.filter(
        request=full_case, user=coordinator, action=PersonalDataAccess.Action.EXPORT
    ).count() == 2


def text_values(queryset):
    """Every text column of every row."""
    model = queryset.model
    names = [field.attname for field in model._meta.concrete_fields
             if isinstance(field, (models.CharField, models.TextField))]
    return [str(value) for row in queryset.values_list(*names) for value in row if value]


def everything_stored_about(case):
    return [
        *text_values(AppointmentRequest.objects.filter(pk=case.pk)),
        *text_values(ContactAttempt.objects.filter(request=case)),
        *text_values(Conversation.objects.filter(request=case)),
        *text_values(Referral.objects.filter(conversation__request=case)),
        *text_values(RequestEvent.objects.filter(request=case)),
        *text_values(NewResident.objects.filter(case=case)),
        *text_values(ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(AppointmentRequest),
            object_id=str(case.pk))),
        *text_values(ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(NewResident),
            object_id__in=[str(pk) for pk in case.new_residents.values_list("pk", flat=True)])),
    ]


def test_erasure_removes_everything_personal_and_keeps_the_counts(client, coordinator,
                                                                   full_case):
    assert any("Karim" in value for value in everything_stored_about(full_case))
    slot = full_case.slot
    page = client.get(reverse("backoffice_case_erase", args=[full_case.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Wat verdwijnt" in html and "Wat blijft" in html
    assert "afspraakmoment komt weer vrij" in html  # the case is open, with a slot

    response = client.post(reverse("backoffice_case_erase", args=[full_case.pk]))
    assert response["Location"] == reverse("backoffice_case", args=[full_case.pk])

    stored = everything_stored_about(full_case)
    for value in stored:
        for identifying in IDENTIFYING:
            assert identifying not in value, (identifying, value)
    case = AppointmentRequest.objects.get(pk=full_case.pk)
    assert case.anonymised_at is not None and not case.link_works
    assert case.status == Status.CLOSED and case.closed_at is not None
    assert case.slot is None and not AppointmentRequest.objects.filter(slot=slot).exists()
    assert (case.birth_year, case.sex, case.nationality.code, case.topics) == (
        1990, "M", "SY", ["education"])
    assert case.reached_at is not None and case.invitation.code == "K7M2QX9P"
    assert Conversation.objects.get(request=case).needs.count() == 1
    assert Referral.objects.get(conversation__request=case).partner_id
    resident = NewResident.objects.get(case=case)
    assert resident.anonymised_at is not None and resident.birth_date is None
    assert (resident.birth_year, resident.nationality, resident.registered_on) == (
        1990, "SY", date(2026, 10, 1))
    # Someone else on the list keeps their data.
    assert NewResident.objects.get(last_name="Demo-Ander").street == "Steenweg"

    note = case.events.get(kind=RequestEvent.Kind.ANONYMISED)
    assert (note.note, note.actor) == ("op verzoek van de persoon", coordinator)
    assert PersonalDataAccess.objects.filter(
        request=case, user=coordinator, action=PersonalDataAccess.Action.ERASE).count() == 1

    followed = client.get(response["Location"])
    assert "zijn gewist" in followed.content.decode()


def test_an_erased_case_has_nothing_left_to_erase(client, coordinator, full_case):
    client.post(reverse("backoffice_case_erase", args=[full_case.pk]))
    page = client.get(reverse("backoffice_case_erase", args=[full_case.pk]))
    assert "al gewist" in page.content.decode()
    assert "Gegevens definitief wissen" not in page.content.decode()
    client.post(reverse("backoffice_case_erase", args=[full_case.pk]))
    assert PersonalDataAccess.objects.filter(
        request=full_case, action=PersonalDataAccess.Action.ERASE).count() == 1
    assert full_case.events.filter(kind=RequestEvent.Kind.ANONYMISED).count() == 1


@pytest.mark.parametrize("url_name", ["backoffice_case_data_json", "backoffice_case_data_pdf",
                                      "backoffice_case_erase"])
def test_another_municipalitys_case_does_not_exist_here(client, coordinator, case_of, url_name):
    case = case_of("linderode")
    url = reverse(url_name, args=[case.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code in (404, 405)
    case.refresh_from_db()
    assert case.anonymised_at is None
    assert not PersonalDataAccess.objects.filter(request=case).exists()


def refused(response):
    """403, or Wagtail's way of saying it: back to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


@pytest.mark.parametrize("url_name", ["backoffice_case_data_json", "backoffice_case_data_pdf",
                                      "backoffice_case_erase"])
def test_a_toeleider_cannot_answer_data_requests(client, staff, case_of, url_name):
    client.force_login(staff["toeleider A"])
    case = case_of()
    url = reverse(url_name, args=[case.pk])
    assert refused(client.get(url))
    sent = client.post(url)
    assert refused(sent) or sent.status_code == 405  # the exports only answer GET
    case.refresh_from_db()
    assert case.anonymised_at is None


def test_the_case_page_offers_the_rights_to_coordinators_only(client, staff, case_of):
    case = case_of()
    url = reverse("backoffice_case", args=[case.pk])
    client.force_login(staff["coordinator"])
    html = client.get(url).content.decode()
    assert "Rechten van de persoon" in html
    for name in ["backoffice_case_data_json", "backoffice_case_data_pdf",
                 "backoffice_case_erase"]:
        assert reverse(name, args=[case.pk]) in html
    client.force_login(staff["toeleider A"])
    assert "Rechten van de persoon" not in client.get(url).content.decode()


def test_a_household_member_linked_by_the_same_letter_stays_out(client, coordinator,
                                                                 full_case):
    """One letter brought the household; only the person who asks is copied and erased."""
    partner = NewResident.objects.create(
        municipality=full_case.municipality, case=full_case, last_name="Voorbeeld",
        first_name="Amira", street="Kerkstraat", house_number="12", postal_code="3990",
        town="Heidebeek", phone="+32470777888", birth_year=1992,
        registered_on=date(2026, 10, 1),
    )
    copy = export(client, full_case, "json").content.decode()
    assert "Amira" not in copy and "777888" not in copy
    client.post(reverse("backoffice_case_erase", args=[full_case.pk]))
    partner.refresh_from_db()
    assert (partner.first_name, partner.anonymised_at) == ("Amira", None)
    assert NewResident.objects.get(first_name="", case=full_case).anonymised_at


# Someone on the new-resident list, with or without a case -----------------------------------

@pytest.fixture
def listed(demo):
    """Rana, on the list without a case, with her invitation letter; and her neighbour."""
    heidebeek = demo["heidebeek"]
    invitation = Invitation.objects.create(code="R4N4LST2", municipality=heidebeek,
                                           language="ar")
    resident = NewResident.objects.create(
        municipality=heidebeek, invitation=invitation, last_name="Demo-Lijst", first_name="Rana",
        birth_date=date(1988, 6, 9), birth_year=1988, sex="F", nationality="SY",
        street="Molenstraat", house_number="7", box="2", postal_code="3990", town="Heidebeek",
        phone="+32470123987", email="rana@example.org", registered_on=date(2026, 10, 1),
        register_hash="a" * 64, match_key="b" * 64, household_key="c" * 64,
    )
    NewResident.objects.create(
        municipality=heidebeek, last_name="Demo-Buur", first_name="Nadia", street="Steenweg",
        house_number="4", postal_code="3990", town="Heidebeek", phone="+32470999000",
        birth_year=1985, registered_on=date(2026, 10, 1),
    )
    return resident


RESIDENT_URLS = ["backoffice_resident_data_json", "backoffice_resident_data_pdf",
                 "backoffice_resident_erase"]


def test_the_json_copy_of_a_listed_person(client, coordinator, listed):
    response = client.get(reverse("backoffice_resident_data_json", args=[listed.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert f"nieuwe-inwoner-{listed.pk}-gegevens.json" in disposition
    assert "Rana" not in disposition and "Demo-Lijst" not in disposition
    data = json.loads(response.content)
    text = response.content.decode()
    fields = {row["field"]: row for row in data["resident"]["fields"]}
    assert (fields["first_name"]["value"], fields["last_name"]["value"]) == ("Rana", "Demo-Lijst")
    assert (fields["street"]["value"], fields["house_number"]["value"]) == ("Molenstraat", "7")
    assert fields["birth_date"]["value"] == "1988-06-09"
    assert (fields["sex"]["code"], fields["outreach"]["code"]) == ("F", "new")
    assert "eenrichtingshash" in fields["register_hash"]["value"]
    assert "a" * 64 not in text and "b" * 64 not in text and "c" * 64 not in text
    assert data["resident"]["number"] == listed.pk
    assert data["case"] is None
    assert data["invitation_codes"] == ["R4N4-LST2"]
    assert data["access_log"] == []  # this export is logged after the copy was made
    for other in ["Nadia", "Demo-Buur", "Steenweg", "999000"]:
        assert other not in text, other


def test_the_copy_names_a_linked_case_without_copying_it(client, coordinator, full_case):
    resident = NewResident.objects.get(case=full_case)
    client.get(reverse("new_residents:inspect", args=[resident.pk]))
    data = client.get(reverse("backoffice_resident_data_json", args=[resident.pk])).json()
    assert data["case"]["reference"] == full_case.reference
    assert "eigen kopie" in data["case"]["note"]
    text = json.dumps(data, ensure_ascii=False)
    assert "school voor zijn dochter" not in text and "teruggebeld" not in text
    [viewed] = data["access_log"]
    assert {row["field"]: row for row in viewed}["action"]["code"] == "view"


def test_the_pdf_copy_of_a_listed_person(client, coordinator, listed):
    response = client.get(reverse("backoffice_resident_data_pdf", args=[listed.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"nieuwe-inwoner-{listed.pk}-gegevens.pdf" in response["Content-Disposition"]
    document = pypdfium2.PdfDocument(response.content)
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    for shown in ["Rana", "Demo-Lijst", "Molenstraat", "R4N4-LST2", "Wie uw gegevens inkeek",
                  f"Nieuwe inwoner nr. {listed.pk}"]:
        assert shown in text, shown
    for other in ["Nadia", "Demo-Buur", "Steenweg"]:
        assert other not in text, other


def test_every_export_of_a_listed_person_is_logged(client, coordinator, listed):
    client.get(reverse("backoffice_resident_data_json", args=[listed.pk]))
    client.get(reverse("backoffice_resident_data_pdf", args=[listed.pk]))
    assert PersonalDataAccess.objects.filter(
        resident=listed, user=coordinator, action=PersonalDataAccess.Action.EXPORT
    ).count() == 2


def test_erasing_a_listed_person_blanks_the_record_and_keeps_the_figures(client, coordinator,
                                                                         listed):
    url = reverse("backoffice_resident_erase", args=[listed.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Wat verdwijnt" in html and "Wat blijft" in html and "Rana" not in html

    response = client.post(url)
    assert response["Location"] == reverse("new_residents:inspect", args=[listed.pk])
    record = NewResident.objects.filter(pk=listed.pk)
    for value in text_values(record):
        for identifying in ["Rana", "Demo-Lijst", "Molenstraat", "123987", "rana@example.org",
                            "a" * 64, "b" * 64, "c" * 64]:
            assert identifying not in value, (identifying, value)
    resident = record.get()
    assert resident.anonymised_at is not None and resident.birth_date is None
    assert (resident.birth_year, resident.sex, resident.nationality, resident.registered_on) == (
        1988, "F", "SY", date(2026, 10, 1))
    assert NewResident.objects.get(last_name="Demo-Buur").street == "Steenweg"
    assert PersonalDataAccess.objects.filter(
        resident=listed, user=coordinator, action=PersonalDataAccess.Action.ERASE).count() == 1

    # Done once: the page says so, and sending it again changes and logs nothing.
    assert "al gewist" in client.get(url).content.decode()
    client.post(url)
    assert PersonalDataAccess.objects.filter(
        resident=listed, action=PersonalDataAccess.Action.ERASE).count() == 1


def test_erasing_a_record_leaves_its_case_to_the_case_page(client, coordinator, full_case):
    resident = NewResident.objects.get(case=full_case)
    url = reverse("backoffice_resident_erase", args=[resident.pk])
    assert reverse("backoffice_case", args=[full_case.pk]) in client.get(url).content.decode()
    client.post(url)
    resident.refresh_from_db()
    full_case.refresh_from_db()
    assert resident.anonymised_at is not None and resident.first_name == ""
    assert full_case.anonymised_at is None and full_case.name == "Karim Voorbeeld"


@pytest.mark.parametrize("url_name", RESIDENT_URLS)
def test_another_municipalitys_resident_does_not_exist_here(client, coordinator, demo,
                                                            url_name):
    elsewhere = NewResident.objects.create(
        municipality=demo["linderode"], last_name="Demo-Elders", first_name="Omar",
        street="Dorpsstraat", registered_on=date(2026, 10, 1))
    url = reverse(url_name, args=[elsewhere.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code in (404, 405)
    elsewhere.refresh_from_db()
    assert elsewhere.anonymised_at is None and elsewhere.first_name == "Omar"
    assert not PersonalDataAccess.objects.filter(resident=elsewhere).exists()


@pytest.mark.parametrize("url_name", RESIDENT_URLS)
def test_a_toeleider_cannot_answer_a_listed_persons_request(client, staff, listed, url_name):
    client.force_login(staff["toeleider A"])
    url = reverse(url_name, args=[listed.pk])
    assert refused(client.get(url))
    sent = client.post(url)
    assert refused(sent) or sent.status_code == 405
    listed.refresh_from_db()
    assert listed.anonymised_at is None and listed.first_name == "Rana"
    assert not PersonalDataAccess.objects.filter(
        resident=listed, action__in=[PersonalDataAccess.Action.EXPORT,
                                     PersonalDataAccess.Action.ERASE]).exists()


def test_the_record_page_offers_the_rights_to_coordinators_only(client, staff, listed):
    url = reverse("new_residents:inspect", args=[listed.pk])
    links = [reverse(name, args=[listed.pk]) for name in RESIDENT_URLS]
    client.force_login(staff["coordinator"])
    html = client.get(url).content.decode()
    assert all(link in html for link in links)
    client.force_login(staff["toeleider A"])
    html = client.get(url).content.decode()
    assert not any(link in html for link in links)
