"""Moderation of a new fiche through Wagtail's workflow, followed by the sender's submission."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from practices.models import PracticeIndexPage, PracticePage, Submission
from practices.submissions import link_token
from practices.tasks import send_moderator_notice, send_submission_mail
from tests.practices.test_submission import (  # noqa: F401
    SUBMIT_URL,
    fiche_data,
    image_file,
    terms,
)

pytestmark = pytest.mark.django_db

SENDER = "onthaal@heidebeek.example"


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.get(username="moderator")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def sent(client, terms, django_capture_on_commit_callbacks):  # noqa: F811
    """A new fiche, sent through the public form in French; its mails are in the outbox."""
    mail.outbox.clear()
    data = fiche_data(client, terms, title="Taalcafé in de bib")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/praktijken/fiche-indienen/", data)
    assert response.status_code == 302
    return Submission.objects.get(submission_key=data["submission_key"])


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def workflow_action(moderator, submission, action, capture, comment=""):
    """What a moderator does with the buttons of the page editor: the workflow action URL."""
    page = submission.page
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    mail.outbox.clear()
    with capture(execute=True):
        response = moderator.post(url, {"comment": comment})
    assert response.status_code == 302
    submission.refresh_from_db()
    return response


def status_path(submission, language="nl"):
    return f"/{language}/praktijken/inzending/{link_token(submission)}/"


def test_a_new_fiche_waits_in_the_workflow_and_the_moderators_are_told(sent, moderator):
    page = sent.page
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by is None
    assert state.current_task_state.task.name == "Moderatoren praktijken keuren goed"
    # Wagtail's own workflow notification, once, in the admin's language.
    notices = mails_to(moderator.user.email)
    assert len(notices) == 1, [m.subject for m in notices]
    assert "Taalcafé in de bib" in notices[0].subject
    assert f"/admin/pages/{page.pk}/" in notices[0].body
    # The sender's mail is in the language of the form, with the link under that language.
    received = mails_to(SENDER)
    assert len(received) == 1
    assert f"http://testserver{status_path(sent, 'fr')}" in received[0].body
    # The moderator sees the draft in the admin.
    assert moderator.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_request_changes_correct_and_approve(
    client, sent, moderator, django_capture_on_commit_callbacks, terms  # noqa: F811
):
    capture = django_capture_on_commit_callbacks
    # 1. The moderator asks for a change, with a comment.
    workflow_action(moderator, sent, "reject", capture,
                    comment="Kunt u de resultaten met cijfers aanvullen?")
    assert sent.status == Submission.Status.CHANGES_REQUESTED
    assert sent.moderator_note == "Kunt u de resultaten met cijfers aanvullen?"
    assert sent.decided_by == moderator.user
    page = PracticePage.objects.get(pk=sent.page_id)
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    (asked,) = mails_to(SENDER)
    assert "Kunt u de resultaten met cijfers aanvullen?" in asked.body
    assert f"http://testserver{status_path(sent, 'fr')}" in asked.body

    # 2. The sender opens the link: the note, and the fiche in a form to correct.
    response = client.get(status_path(sent))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kunt u de resultaten met cijfers aanvullen?" in html
    assert 'value="Taalcafé in de bib"' in html
    assert "In 2023 wandelden 40 gezinnen mee." in html
    assert 'value="wandeling@heidebeek.example"' in html
    started = re.search(r'name="started" value="([^"]+)"', html).group(1)
    key = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)

    # 3. An invalid correction comes back with its values and changes nothing.
    data = {**fiche_data(client, terms), "started": started, "submission_key": key,
            "title": "Taalcafé in de bibliotheek", "results": "Elke week 25 bezoekers.",
            "description": ""}
    response = client.post(status_path(sent), data)
    assert response.status_code == 400
    assert 'value="Taalcafé in de bibliotheek"' in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == Submission.Status.CHANGES_REQUESTED

    # 4. The correction goes back to review.
    data["description"] = "Elke woensdag praten nieuwkomers Nederlands met vrijwilligers."
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post(status_path(sent), data)
    assert response.status_code == 302
    assert response["Location"].endswith("?aangepast=1")
    sent.refresh_from_db()
    assert sent.status == Submission.Status.IN_REVIEW
    page.refresh_from_db()
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Taalcafé in de bibliotheek"
    assert draft.results == "Elke week 25 bezoekers."
    assert any("Taalcafé in de bibliotheek" in m.subject for m in mails_to(moderator.user.email))
    # Sending the correction twice changes nothing more.
    again = client.post(status_path(sent), data)
    assert again.status_code == 302
    assert TaskState.objects.filter(workflow_state=state).count() == 2

    # 5. The moderator approves: the fiche is published and the sender gets its address.
    workflow_action(moderator, sent, "approve", capture)
    page.refresh_from_db()
    assert page.live and page.title == "Taalcafé in de bibliotheek"
    assert sent.status == Submission.Status.ACCEPTED
    (accepted,) = mails_to(SENDER)
    assert f"http://testserver/fr/praktijken/{page.slug}/" in accepted.body
    # The earlier request for changes is not repeated as if it came with the approval.
    assert "aanvullen" not in accepted.body and sent.moderator_note == ""
    assert client.get(page.url).status_code == 200
    status_page = client.get(status_path(sent)).content.decode()
    assert "Aanvaard" in status_page
    assert f'href="/nl/praktijken/{page.slug}/"' in status_page
    # Approved: no correction form any more.
    assert 'name="title"' not in status_page


def test_a_correction_keeps_or_replaces_the_image(
    client, terms, moderator, django_capture_on_commit_callbacks  # noqa: F811
):
    capture = django_capture_on_commit_callbacks
    data = fiche_data(client, terms, image=image_file("PNG"), image_alt="Buren op wandel")
    with capture(execute=True):
        client.post(SUBMIT_URL, data)
    submission = Submission.objects.get(submission_key=data["submission_key"])
    first_image = submission.page.image
    workflow_action(moderator, submission, "reject", capture, comment="Andere foto graag.")
    html = client.get(status_path(submission)).content.decode()
    assert "De fiche heeft al een afbeelding" in html
    assert 'value="Buren op wandel"' in html
    fields = {name: re.search(rf'name="{name}" value="([^"]+)"', html).group(1)
              for name in ("started", "submission_key")}
    correction = {**fiche_data(client, terms), **fields, "image": image_file("JPEG"),
                  "image_alt": "Het vertrek aan het gemeentehuis"}
    with capture(execute=True):
        assert client.post(status_path(submission), correction).status_code == 302
    draft = submission.page.get_latest_revision_as_object()
    assert draft.image != first_image
    assert draft.image.file.name.endswith(".jpg")
    assert draft.image.description == "Het vertrek aan het gemeentehuis"


def test_approve_with_comment_passes_the_comment_on(
    sent, moderator, django_capture_on_commit_callbacks
):
    workflow_action(moderator, sent, "approve", django_capture_on_commit_callbacks,
                    comment="Mooi voorbeeld, bedankt!")
    assert sent.status == Submission.Status.ACCEPTED
    assert sent.moderator_note == "Mooi voorbeeld, bedankt!"
    assert sent.decided_by == moderator.user
    assert "Mooi voorbeeld, bedankt!" in mails_to(SENDER)[0].body


def test_a_moderator_who_publishes_directly_accepts_the_submission(
    sent, moderator, django_capture_on_commit_callbacks
):
    page = sent.page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish(user=moderator.user)
    sent.refresh_from_db()
    assert sent.status == Submission.Status.ACCEPTED
    assert len(mails_to(SENDER)) == 1


def test_deleting_the_draft_declines_the_submission(
    sent, moderator, django_capture_on_commit_callbacks
):
    url = reverse("wagtailadmin_pages:delete", args=[sent.page_id])
    assert moderator.get(url).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(url)
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.page is None
    assert sent.status == Submission.Status.DECLINED
    (declined,) = mails_to(SENDER)
    # In the language the sender used (French).
    assert "pas été acceptée" in declined.subject
    assert "Niet aanvaard" in Client().get(status_path(sent)).content.decode()


def test_someone_outside_the_moderators_cannot_act(sent):
    toeleider = get_user_model().objects.get(username="toeleider.heidebeek")
    client = Client()
    client.force_login(toeleider)
    page = sent.page
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in {302, 403}
    page.refresh_from_db()
    assert not page.live
    sent.refresh_from_db()
    assert sent.status == Submission.Status.IN_REVIEW


def test_the_status_page_works_in_another_language(client, sent):
    response = client.get(status_path(sent, "fr"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Taalcafé in de bib" in html
    assert 'data-status="in_review"' in html
    assert client.get(status_path(sent, "ar")).status_code == 200


# Mails serve every kind of submission (adoptions and changes send them too).


@pytest.fixture
def live_fiche(terms):  # noqa: F811
    index_page = PracticeIndexPage.objects.get()
    page = index_page.add_child(instance=PracticePage(
        title="Instroommeting per maand", slug="test-instroommeting",
        intro="Elke maand de nieuwe inwoners tellen.", description="Uit het register.",
        category=terms["category"]))
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("kind", [Submission.Kind.ADOPTION, Submission.Kind.CHANGE])
def test_mails_and_status_page_serve_adoptions_and_changes(client, live_fiche, kind, moderator):
    submission = Submission.objects.create(
        kind=kind, page=live_fiche, sender_name="Jan Voorbeeld", municipality_name="Linderode",
        province="limburg", email="welkom@linderode.example", language="uk",
        status=Submission.Status.ACCEPTED, moderator_note="Toegevoegd, dank u.",
    )
    mail.outbox.clear()
    send_submission_mail.call(submission.pk, "accepted")
    (message,) = mail.outbox
    assert message.to == ["welkom@linderode.example"]
    assert "Instroommeting per maand" in message.subject
    assert f"http://testserver{status_path(submission, 'uk')}" in message.body
    assert "http://testserver/uk/praktijken/test-instroommeting/" in message.body
    assert "Toegevoegd, dank u." in message.body
    mail.outbox.clear()
    send_moderator_notice.call(submission.pk)
    notice = next(m for m in mail.outbox if m.to == [moderator.user.email])
    assert "Instroommeting per maand" in notice.subject
    assert f"/admin/practices/submissions/edit/{submission.pk}/" in notice.body
    html = client.get(status_path(submission)).content.decode()
    assert submission.get_kind_display() in html and "Instroommeting per maand" in html
    assert 'href="/nl/praktijken/test-instroommeting/"' in html


def test_an_unknown_event_is_a_programming_error(sent):
    with pytest.raises(ValueError):
        send_submission_mail.call(sent.pk, "lost")


def test_an_adoption_sent_back_is_corrected_on_the_status_page(client, live_fiche):
    submission = Submission.objects.create(
        kind=Submission.Kind.ADOPTION, page=live_fiche, sender_name="Jan Voorbeeld",
        municipality_name="Linderode", province="limburg", email="welkom@linderode.example",
        description="Wij tellen ook.", contact_email="welkom@linderode.example",
        status=Submission.Status.CHANGES_REQUESTED, moderator_note="Met welke partners?",
    )
    html = client.get(status_path(submission)).content.decode()
    assert "Met welke partners?" in html and 'value="Linderode"' in html
    data = {"municipality_name": "Linderode", "province": "limburg",
            "description": "Wij tellen ook, met het OCMW.", "partners": "OCMW",
            "webpage": "", "contact_email": "welkom@linderode.example"}
    response = client.post(status_path(submission), data)
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW
    assert submission.partners == "OCMW"


def test_a_change_proposal_has_no_form_to_correct(client, live_fiche):
    submission = Submission.objects.create(
        kind=Submission.Kind.CHANGE, page=live_fiche, sender_name="Jan Voorbeeld",
        municipality_name="Linderode", province="limburg", email="welkom@linderode.example",
        section="results", message="Nieuwe cijfers.",
        status=Submission.Status.CHANGES_REQUESTED, moderator_note="Welk jaar?",
    )
    response = client.get(status_path(submission))
    assert response.status_code == 200
    assert "Welk jaar?" in response.content.decode()
    assert "<form" not in response.content.decode()
    assert client.post(status_path(submission), {"message": "x"}).status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
