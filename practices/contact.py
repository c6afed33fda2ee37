"""A reader's question to a municipality that applies a fiche, sent to its functional address
(which the reader never sees) with Reply-To the reader, so that the answer goes straight back."""

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from portal.failure import MAIL_ERRORS, retry_mail_later, send_once
from practices.models import AppliedIn

# How long a sent form's key is remembered: sending it twice sends one mail.
SENT_KEY_SECONDS = 60 * 60 * 24


def contact_entry(page, entry_id):
    """The entry of this fiche that can be written to, or None."""
    return (
        AppliedIn.objects.filter(page_id=page.pk, pk=entry_id).exclude(contact_email="").first()
    )


def send_contact_message(entry, data, submission_key):
    """Queue the mail (once per shown form). `data`: name, email, organisation, message."""
    if not cache.add(f"practices.contact.{submission_key}", 1, SENT_KEY_SECONDS):
        return False
    send_contact_mail.enqueue(entry.pk, data, key=str(submission_key))
    return True


@task()
def send_contact_mail(entry_pk, data, attempt=1, key=""):
    """The mail, once per shown form (`key`), tried again later when delivery fails."""
    entry = AppliedIn.objects.select_related("page").filter(pk=entry_pk).first()
    if entry is None or not entry.contact_email:
        return
    try:
        if key:
            send_once(f"practices.contact:{key}", lambda: _send(entry, data))
        else:
            _send(entry, data)
    except MAIL_ERRORS as error:
        retry_mail_later(send_contact_mail, [entry_pk, data], attempt=attempt, error=error,
                         key=key)


def _send(entry, data):
    page = entry.page
    # The municipality reads Dutch, whatever language the reader used.
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Vraag over uw praktijk %(title)s") % {"title": page.title}
        body = render_to_string("practices/mail/contact_message.txt", {
            "entry": entry, "page": page, "url": page.get_full_url(), **data,
        })
    EmailMessage(
        subject=subject, body=body, to=[entry.contact_email], reply_to=[data["email"]],
    ).send()
