"""Mails about what the public sent to the practice database, sent in the background.

A failed delivery is tried again later (portal.failure.retry_mail_later). Submissions keep
no sent-marker of their own, so each mail has a key, made at the first attempt and handed
to the retries, that `send_once` remembers: a task that runs twice sends once.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.users.models import UserProfile

from portal import roles
from portal.failure import MAIL_ERRORS, retry_mail_later, send_once
from portal.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from practices.models import Submission
from practices.submissions import link_token

logger = logging.getLogger(__name__)

EVENTS = {"received", "changes_requested", "accepted", "declined"}


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def private_link(submission):
    """The sender's link, in the active language."""
    return absolute(reverse("practices:submission", kwargs={"token": link_token(submission)}))


def subject_for(event, title):
    subjects = {
        "received": _("We ontvingen uw inzending: %(title)s"),
        "changes_requested": _("Wilt u uw inzending aanpassen? %(title)s"),
        "accepted": _("Uw inzending is aanvaard: %(title)s"),
        "declined": _("Uw inzending werd niet aanvaard: %(title)s"),
    }
    return subjects[event] % {"title": title}


def fiche_title(submission):
    if submission.page is None:
        return _("praktijkfiche")
    return submission.page.get_latest_revision_as_object().title


def mail_key(submission, *parts):
    """This state of the submission: the same event after a new decision is a new mail."""
    return ":".join(["submission", str(submission.pk), submission.updated_at.isoformat(),
                     *map(str, parts)])


@task()
def send_submission_mail(submission_pk, event, attempt=1, key=""):
    """Tell the sender what happened to a submission (any kind), in the language they used."""
    if event not in EVENTS:
        raise ValueError(f"Unknown submission event: {event}")
    submission = Submission.objects.select_related("page").filter(pk=submission_pk).first()
    if submission is None:
        return
    key = key or mail_key(submission, event)
    try:
        sent = send_once(key, lambda: _mail_sender(submission, event))
    except MAIL_ERRORS as error:
        retry_mail_later(send_submission_mail, [submission_pk, event], attempt=attempt,
                         error=error, key=key)
        return
    if sent:
        logger.info("Submission mail '%s' sent (submission %s)", event, submission.pk)


def _mail_sender(submission, event):
    language = submission.language if submission.language in LANGUAGE_CODES else SOURCE_LANGUAGE
    with translation.override(language):
        title = fiche_title(submission)
        page = submission.page
        context = {
            "submission": submission,
            "event": event,
            "title": title,
            "link": private_link(submission),
            "fiche_url": page.full_url if event == "accepted" and page and page.live else "",
            "note": submission.moderator_note,
        }
        EmailMessage(
            subject=subject_for(event, title),
            body=render_to_string(f"practices/mail/submission_{event}.txt", context),
            to=[submission.email],
        ).send()


def moderators():
    """Active moderators with an e-mail address."""
    return get_user_model().objects.filter(
        groups__name=roles.MODERATOR, is_active=True
    ).exclude(email="").distinct()


def moderator_subject(submission, title):
    if submission.kind == Submission.Kind.ADOPTION:
        return _("Nieuwe melding 'wij doen dit ook' ter nalezing: %(title)s") % {"title": title}
    return _("Nieuw voorstel tot wijziging ter nalezing: %(title)s") % {"title": title}


@task()
def send_moderator_notice(submission_pk, attempt=1, key=""):
    """Tell the moderators that a "we do this too" or a suggested change waits for their
    decision. (A new fiche is Wagtail's workflow, which notifies them itself.)

    One mail per moderator, each sent once: a retry reaches only those still waiting."""
    submission = Submission.objects.select_related("page").filter(pk=submission_pk).first()
    if submission is None:
        return
    key = key or mail_key(submission, "moderators")
    edit_url = absolute(reverse("practice_submissions:edit", args=[submission.pk]))
    failure = None
    for user in moderators():
        try:
            send_once(f"{key}:{user.pk}",
                      lambda user=user: _notify_moderator(submission, user, edit_url))
        except MAIL_ERRORS as error:
            failure = error
    if failure is not None:
        retry_mail_later(send_moderator_notice, [submission_pk], attempt=attempt,
                         error=failure, key=key)


def _notify_moderator(submission, user, edit_url):
    # Each moderator reads it in the language of their admin, never in the sender's.
    with translation.override(settings.LANGUAGE_CODE):
        language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        title = fiche_title(submission)
        context = {"submission": submission, "title": title, "edit_url": edit_url}
        EmailMessage(
            subject=moderator_subject(submission, title),
            body=render_to_string("practices/mail/moderator_notice.txt", context),
            to=[user.email],
        ).send()
