""""Wij doen dit ook" and "Wijziging voorstellen": the public forms, and the moderator's
decisions on what they send."""

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import ModelLogEntry

from practices.models import AppliedIn, Category, PracticeIndexPage, PracticePage, Submission
from practices.proposals import (
    Decision,
    decide,
    propose_adoption,
    resubmit_adoption,
    suggest_change,
)
from practices.submissions import submission_for_token

pytestmark = pytest.mark.django_db


def make_fiche(title="Buddywerking voor nieuwe inwoners", entries=(), **fields):
    """A published fiche of our own; entries are (municipality, province, contact e-mail)."""
    category, _created = Category.objects.get_or_create(
        slug="testcategorie-onthaal", defaults={"name": "Testcategorie onthaal"}
    )
    page = PracticePage(
        title=title, slug=slugify(title), category=category,
        intro="Vrijwilligers gaan mee op stap met wie net in de gemeente woont.",
        description="Elke nieuwe inwoner krijgt een buddy die de buurt en de diensten toont.",
        applied_in=[
            AppliedIn(municipality_name=name, province=province, contact_email=address,
                      description="Zo doen wij het.", sort_order=number)
            for number, (name, province, address) in enumerate(entries)
        ],
        **fields,
    )
    PracticeIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return PracticePage.objects.get(pk=page.pk)


def fiche_path(page, suffix=""):
    relative = page.url_path.strip("/").partition("/")[2]
    return reverse("practices:page", kwargs={"path": f"{relative}/{suffix}"})


def hidden_fields(client, url):
    html = client.get(url).content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]+)"', html).group(1)
        for name in ["started", "submission_key"]
    }


def adoption_data(client, page, **changes):
    return {
        **hidden_fields(client, fiche_path(page, "wij-ook/")),
        "municipality_name": "Zonnedorp",
        "province": "limburg",
        "description": "Onze buddy's zijn oud-nieuwkomers die zelf de weg al kennen.",
        "partners": "Sociaal Huis, vrijwilligerspunt",
        "webpage": "https://www.zonnedorp.example/buddy",
        "contact_email": "samenleven@zonnedorp.example",
        "sender_name": "Ilse Proef",
        "email": "integratie@zonnedorp.example",
        "website": "",
        **changes,
    }


def change_data(client, page, **changes):
    return {
        **hidden_fields(client, fiche_path(page, "wijziging/")),
        "section": "results",
        "message": "In 2025 vonden 48 gezinnen een buddy, niet 30.",
        "sender_name": "Ilse Proef",
        "municipality_name": "Zonnedorp",
        "province": "limburg",
        "email": "integratie@zonnedorp.example",
        "website": "",
        **changes,
    }


FORMS = {"wij-ook/": adoption_data, "wijziging/": change_data}


@pytest.fixture
def fiche(demo):
    return make_fiche(entries=[("Heidebeek", "vlaams-brabant", "onthaal@heidebeek.example")])


@pytest.fixture
def moderator(demo):
    return get_user_model().objects.get(username="moderator")


def token_of(response):
    match = re.search(r"/inzending/([^/]+)/\?verstuurd=1$", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def test_the_adoption_form_is_shown_on_a_live_fiche(client, fiche):
    response = client.get(fiche_path(fiche, "wij-ook/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wij doen dit ook" in html and fiche.title in html
    for name in ["municipality_name", "province", "description", "partners", "webpage",
                 "contact_email", "sender_name", "email", "website", "submission_key"]:
        assert f'name="{name}"' in html


def test_an_adoption_is_saved_for_review_and_leads_to_its_status_page(client, fiche):
    response = client.post(fiche_path(fiche, "wij-ook/"), adoption_data(client, fiche))
    assert response.status_code == 302
    submission = Submission.objects.get(page=fiche, kind=Submission.Kind.ADOPTION)
    assert submission_for_token(token_of(response)) == submission
    assert submission.status == Submission.Status.IN_REVIEW
    assert (submission.municipality_name, submission.province) == ("Zonnedorp", "limburg")
    assert submission.website == "https://www.zonnedorp.example/buddy"
    assert submission.contact_email == "samenleven@zonnedorp.example"
    assert (submission.sender_name, submission.email) == ("Ilse Proef",
                                                          "integratie@zonnedorp.example")
    assert submission.language == "nl"
    # Nothing changes on the fiche before a moderator accepts it.
    assert list(fiche.applied_in.values_list("municipality_name", flat=True)) == ["Heidebeek"]


def test_a_proposed_change_is_saved_for_review(client, fiche):
    response = client.post(fiche_path(fiche, "wijziging/"), change_data(client, fiche))
    assert response.status_code == 302
    submission = Submission.objects.get(page=fiche, kind=Submission.Kind.CHANGE)
    assert submission_for_token(token_of(response)) == submission
    assert (submission.section, submission.status) == ("results", Submission.Status.IN_REVIEW)
    assert "48 gezinnen" in submission.message


@pytest.mark.parametrize(("suffix", "changes", "field"), [
    ("wij-ook/", {"description": "", "email": "geen-adres"}, "email"),
    ("wij-ook/", {"contact_email": "ook niet", "province": "atlantis"}, "province"),
    ("wijziging/", {"section": "iets", "message": ""}, "message"),
    ("wijziging/", {"email": "geen-adres"}, "email"),
])
def test_errors_answer_400_in_dutch_and_keep_the_values(client, fiche, suffix, changes, field):
    data = FORMS[suffix](client, fiche, **changes)
    response = client.post(fiche_path(fiche, suffix), data)
    assert response.status_code == 400
    assert not Submission.objects.filter(page=fiche).exists()
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert response.context["form"].errors[field]
    assert 'value="Ilse Proef"' in html and 'value="Zonnedorp"' in html


def test_a_municipality_already_on_the_fiche_is_refused(client, fiche):
    data = adoption_data(client, fiche, municipality_name="  heideBEEK ")
    response = client.post(fiche_path(fiche, "wij-ook/"), data)
    assert response.status_code == 400
    assert "staat al bij deze fiche" in response.content.decode()
    assert not Submission.objects.filter(page=fiche).exists()


@pytest.mark.parametrize("suffix", list(FORMS))
def test_the_field_for_robots_must_stay_empty(client, fiche, suffix):
    data = FORMS[suffix](client, fiche, website="https://spam.example")
    response = client.post(fiche_path(fiche, suffix), data)
    assert response.status_code == 400
    assert "Laat dit veld leeg." in response.content.decode()
    assert not Submission.objects.filter(page=fiche).exists()


@pytest.mark.parametrize("suffix", list(FORMS))
def test_sending_the_same_form_twice_makes_one_submission(client, fiche, suffix):
    data = FORMS[suffix](client, fiche)
    first = client.post(fiche_path(fiche, suffix), data)
    second = client.post(fiche_path(fiche, suffix), data)
    assert first.status_code == second.status_code == 302
    assert Submission.objects.filter(page=fiche).count() == 1
    assert submission_for_token(token_of(second)) == Submission.objects.get(page=fiche)


@pytest.mark.parametrize("suffix", list(FORMS))
def test_too_many_forms_from_one_address_answer_429(client, fiche, settings, suffix):
    settings.ONTHAAL_PRACTICE_FORM_RATE = "2/h"
    for number in range(2):
        data = FORMS[suffix](client, fiche, municipality_name=f"Gemeente {number}")
        assert client.post(fiche_path(fiche, suffix), data).status_code == 302
    data = FORMS[suffix](client, fiche, municipality_name="Gemeente drie")
    response = client.post(fiche_path(fiche, suffix), data)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Wacht even" in html and 'value="Gemeente drie"' in html
    assert Submission.objects.filter(page=fiche).count() == 2


def test_odd_input_never_breaks_the_forms(client, fiche):
    for suffix in FORMS:
        response = client.post(fiche_path(fiche, suffix), {
            "started": "x", "submission_key": "not-a-uuid", "province": ["a", "b"],
            "description": "\x00\u202e" * 3, "message": "a" * 10000, "webpage": "javascript:x",
        })
        assert response.status_code == 400


def test_an_unpublished_fiche_has_no_forms(client, fiche):
    fiche.unpublish()
    for suffix in FORMS:
        assert client.get(fiche_path(fiche, suffix)).status_code == 404


# --- Decisions -------------------------------------------------------------------------


def adoption(fiche, name="Zonnedorp", **fields):
    submission, _created = propose_adoption(fiche, {
        "sender_name": "Ilse Proef", "email": "integratie@zonnedorp.example",
        "municipality_name": name, "province": "limburg",
        "description": "Onze buddy's zijn oud-nieuwkomers.", "partners": "Sociaal Huis",
        "website": "https://www.zonnedorp.example/buddy",
        "contact_email": "samenleven@zonnedorp.example", **fields,
    }, "nl", uuid.uuid4())
    return submission


def change(fiche):
    submission, _created = suggest_change(fiche, {
        "sender_name": "Ilse Proef", "email": "integratie@zonnedorp.example",
        "municipality_name": "Zonnedorp", "province": "limburg",
        "section": "description", "message": "De buddy's zijn nu ook jongeren.",
    }, "nl", uuid.uuid4())
    return submission


def test_accepting_an_adoption_publishes_the_municipality_in_the_moderators_name(
        client, fiche, moderator):
    submission = adoption(fiche)
    revisions = fiche.revisions.count()
    decide(submission, Decision.ACCEPT, "Welkom in de databank!", moderator)

    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
    assert submission.decided_by == moderator
    assert submission.moderator_note == "Welkom in de databank!"
    fiche = PracticePage.objects.get(pk=fiche.pk)
    entries = list(fiche.applied_in.all())
    assert [entry.municipality_name for entry in entries] == ["Heidebeek", "Zonnedorp"]
    assert entries[1].contact_email == "samenleven@zonnedorp.example"
    assert entries[1].website == "https://www.zonnedorp.example/buddy"
    assert fiche.revisions.count() == revisions + 1
    assert fiche.live_revision.user == moderator
    assert not fiche.has_unpublished_changes
    html = client.get(fiche_path(fiche)).content.decode()
    assert "Zonnedorp" in html and "samenleven@zonnedorp.example" not in html
    assert ModelLogEntry.objects.filter(
        object_id=str(submission.pk), action="practices.submission.accepted", user=moderator
    ).exists()


def test_accepting_is_refused_while_the_fiche_has_a_draft_in_review(fiche, moderator):
    submission = adoption(fiche)
    draft = fiche.get_latest_revision_as_object()
    draft.intro = "Een nieuwe inleiding die nog niemand nalas."
    draft.save_revision(user=moderator)
    fiche.get_workflow().start(fiche, moderator)
    fiche = PracticePage.objects.get(pk=fiche.pk)
    assert fiche.workflow_in_progress

    with pytest.raises(ValidationError, match="nog niet gepubliceerd"):
        decide(submission, Decision.ACCEPT, "", moderator)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW
    assert submission.decided_by is None
    live = PracticePage.objects.get(pk=fiche.pk)
    assert live.intro != "Een nieuwe inleiding die nog niemand nalas."
    assert [entry.municipality_name for entry in live.applied_in.all()] == ["Heidebeek"]


def test_accepting_is_refused_while_the_fiche_has_an_unpublished_draft(fiche, moderator):
    submission = adoption(fiche)
    draft = fiche.get_latest_revision_as_object()
    draft.title = "Buddywerking, een nieuwe titel"
    draft.save_revision(user=moderator)
    with pytest.raises(ValidationError):
        decide(submission, Decision.ACCEPT, "", moderator)
    assert PracticePage.objects.get(pk=fiche.pk).title == "Buddywerking voor nieuwe inwoners"
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.IN_REVIEW


def test_declining_changes_nothing_on_the_fiche(client, fiche, moderator):
    submission = adoption(fiche)
    revisions = fiche.revisions.count()
    decide(submission, Decision.DECLINE, "Dit is een andere aanpak.", moderator)
    submission.refresh_from_db()
    assert (submission.status, submission.decided_by) == (Submission.Status.DECLINED, moderator)
    fiche = PracticePage.objects.get(pk=fiche.pk)
    assert fiche.revisions.count() == revisions
    assert [entry.municipality_name for entry in fiche.applied_in.all()] == ["Heidebeek"]
    assert "Zonnedorp" not in client.get(fiche_path(fiche)).content.decode()


def test_a_decision_is_final(fiche, moderator):
    submission = adoption(fiche)
    decide(submission, Decision.DECLINE, "Nee.", moderator)
    with pytest.raises(ValidationError, match="al beslist"):
        decide(Submission.objects.get(pk=submission.pk), Decision.ACCEPT, "", moderator)
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.DECLINED
    assert fiche.applied_in.count() == 1


def test_a_requested_change_can_be_corrected_and_goes_back_to_review(fiche, moderator):
    submission = adoption(fiche, website="")
    decide(submission, Decision.REQUEST_CHANGES, "Welke partners werken mee?", moderator)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    corrected = resubmit_adoption(submission, {
        "municipality_name": "Zonnedorp", "province": "limburg",
        "description": "Oud-nieuwkomers en het vrijwilligerspunt.",
        "partners": "Vrijwilligerspunt, bibliotheek", "website": "",
        "contact_email": "samenleven@zonnedorp.example",
    })
    assert corrected.status == Submission.Status.IN_REVIEW
    assert Submission.objects.get(pk=submission.pk).partners == "Vrijwilligerspunt, bibliotheek"
    # Only once: it is in review again, not waiting for a correction.
    with pytest.raises(ValidationError):
        resubmit_adoption(corrected, {"partners": "nog eens"})
    decide(corrected, Decision.ACCEPT, "", moderator)
    entry = PracticePage.objects.get(pk=fiche.pk).applied_in.get(municipality_name="Zonnedorp")
    assert entry.partners == "Vrijwilligerspunt, bibliotheek"


def test_accepting_a_change_records_the_decision_only(fiche, moderator):
    submission = change(fiche)
    revisions = fiche.revisions.count()
    decide(submission, Decision.ACCEPT, "Aangepast, dank u.", moderator)
    submission.refresh_from_db()
    assert (submission.status, submission.decided_by) == (Submission.Status.ACCEPTED, moderator)
    assert fiche.revisions.count() == revisions


def test_a_new_fiche_is_not_decided_here(fiche, moderator):
    submission = Submission.objects.create(
        kind=Submission.Kind.NEW_PRACTICE, page=fiche, sender_name="Ilse Proef",
        municipality_name="Zonnedorp", province="limburg", email="integratie@zonnedorp.example",
    )
    with pytest.raises(ValidationError):
        decide(submission, Decision.ACCEPT, "", moderator)


# --- The decision form in the admin ----------------------------------------------------


def decision_data(submission, **changes):
    return {
        "municipality_name": submission.municipality_name, "province": submission.province,
        "description": submission.description, "partners": submission.partners,
        "website": submission.website, "contact_email": submission.contact_email,
        "decision": "accept", "moderator_note": "", **changes,
    }


def test_the_moderator_accepts_an_adoption_in_the_admin_after_correcting_it(
        client, fiche, moderator):
    submission = adoption(fiche, name="Zonnedorp-Oost")
    client.force_login(moderator)
    url = reverse("practice_submissions:edit", args=[submission.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Zonnedorp-Oost" in page.content.decode()
    response = client.post(url, decision_data(submission, municipality_name="Zonnedorp"))
    assert response.status_code == 302
    fiche = PracticePage.objects.get(pk=fiche.pk)
    assert fiche.applied_in.filter(municipality_name="Zonnedorp").exists()
    assert Submission.objects.get(pk=submission.pk).municipality_name == "Zonnedorp"


def test_the_admin_shows_why_accepting_is_refused(client, fiche, moderator):
    submission = adoption(fiche)
    draft = fiche.get_latest_revision_as_object()
    draft.intro = "Nog niet nagelezen."
    draft.save_revision(user=moderator)
    client.force_login(moderator)
    url = reverse("practice_submissions:edit", args=[submission.pk])
    response = client.post(url, decision_data(submission))
    assert response.status_code == 200
    assert "nog niet gepubliceerd" in response.content.decode()
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.IN_REVIEW


def test_asking_for_changes_needs_a_note_for_the_sender(client, fiche, moderator):
    submission = change(fiche)
    client.force_login(moderator)
    url = reverse("practice_submissions:edit", args=[submission.pk])
    response = client.post(url, {"decision": "request_changes", "moderator_note": " "})
    assert response.status_code == 200
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.IN_REVIEW
    response = client.post(url, {"decision": "request_changes",
                                 "moderator_note": "Welk jaar bedoelt u?"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    assert submission.moderator_note == "Welk jaar bedoelt u?"


def test_the_list_shows_proposals_newest_first_and_new_fiches_lead_to_the_editor(
        client, fiche, moderator):
    older, newer = adoption(fiche, name="Eerstedorp"), change(fiche)
    new_fiche = Submission.objects.create(
        kind=Submission.Kind.NEW_PRACTICE, page=fiche, sender_name="Ilse Proef",
        municipality_name="Nieuwdorp", province="limburg", email="integratie@nieuwdorp.example",
    )
    client.force_login(moderator)
    html = client.get(reverse("practice_submissions:index")).content.decode()
    assert html.index("Nieuwdorp") < html.index("Zonnedorp") < html.index("Eerstedorp")
    edit = client.get(reverse("practice_submissions:edit", args=[new_fiche.pk]))
    assert edit.status_code == 302
    assert edit["Location"] == reverse("wagtailadmin_pages:edit", args=[fiche.pk])
    assert reverse("practice_submissions:edit", args=[older.pk]) in html
    assert reverse("practice_submissions:edit", args=[newer.pk]) in html
    filtered = client.get(reverse("practice_submissions:index"), {"kind": "change"})
    assert "Eerstedorp" not in filtered.content.decode()


# --- Mails (the tasks of practices/tasks.py) -------------------------------------------


def test_the_sender_and_the_moderators_hear_of_each_step(
        client, fiche, moderator, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(fiche_path(fiche, "wij-ook/"), adoption_data(client, fiche))
    submission = Submission.objects.get(page=fiche)
    assert any(message.to == [submission.email] for message in mail.outbox)
    assert any(message.to == [moderator.email] for message in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(submission, Decision.ACCEPT, "Welkom!", moderator)
    to_sender = [message for message in mail.outbox if message.to == [submission.email]]
    assert len(to_sender) == 1 and "Welkom!" in to_sender[0].body
