"""The practice database's mails: retried when the mail server fails, sent exactly once."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from portal import roles
from practices.contact import send_contact_mail
from practices.models import AppliedIn, PracticePage, Submission
from practices.tasks import send_moderator_notice, send_submission_mail
from tests.task_queue import FlakyBackend, run
from tests.task_queue import queued as queued_in

pytestmark = pytest.mark.django_db


def queued(queue):
    return queued_in(queue, "practices")


@pytest.fixture
def submission(demo):
    page = PracticePage.objects.live().first()
    mail.outbox.clear()
    return Submission.objects.create(
        kind=Submission.Kind.ADOPTION, page=page, sender_name="Jan Voorbeeld",
        municipality_name="Linderode", province="limburg", email="jan@linderode.example",
        language="nl", status=Submission.Status.ACCEPTED,
    )


def test_the_senders_mail_is_retried_and_sent_once(queue, submission):
    FlakyBackend.failures = 2
    send_submission_mail.call(submission.pk, "accepted")
    runs = 0
    while waiting := queued(queue):
        (retry,) = waiting
        assert retry.kwargs["attempt"] == runs + 2 and retry.kwargs["key"]
        run(retry)
        runs += 1
    assert runs == 2
    assert [m.to for m in mail.outbox] == [["jan@linderode.example"]]
    # The last attempt again, and the original task again: still one mail.
    send_submission_mail.call(submission.pk, "accepted")
    assert len(mail.outbox) == 1


def test_a_new_decision_is_a_new_mail(queue, submission):
    send_submission_mail.call(submission.pk, "changes_requested")
    submission.moderator_note = "Nog een keer, graag."
    submission.save()
    send_submission_mail.call(submission.pk, "changes_requested")
    assert len(mail.outbox) == 2


def test_a_retry_reaches_only_the_moderators_still_waiting(queue, submission):
    second = get_user_model().objects.create_user(
        username="moderator2", email="moderator2@woudrand.example", password=uuid.uuid4().hex)
    second.groups.add(Group.objects.get(name=roles.MODERATOR))
    moderators = sorted(
        get_user_model().objects.filter(groups__name=roles.MODERATOR, is_active=True)
        .exclude(email="").values_list("email", flat=True)
    )
    assert len(moderators) >= 2
    FlakyBackend.failures = 1  # the first moderator's mail fails, the others go
    send_moderator_notice.call(submission.pk)
    assert len(mail.outbox) == len(moderators) - 1
    (retry,) = queued(queue)
    run(retry)
    run(retry)
    assert sorted(m.to[0] for m in mail.outbox) == moderators


def test_the_contact_mail_is_retried_and_sent_once(queue, demo):
    entry = AppliedIn.objects.exclude(contact_email="").first()
    data = {"name": "Lotte", "email": "lotte@example.org", "organisation": "",
            "message": "Hoe pakken jullie dit aan?"}
    FlakyBackend.failures = 1
    key = str(uuid.uuid4())
    send_contact_mail.call(entry.pk, data, key=key)
    assert mail.outbox == []
    (retry,) = queued(queue)
    assert retry.kwargs == {"attempt": 2, "key": key}
    run(retry)
    run(retry)
    assert [m.to for m in mail.outbox] == [[entry.contact_email]]
