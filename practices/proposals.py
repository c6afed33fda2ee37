"""What the public proposes about an existing fiche ("we do this too", a change) and how a
moderator decides on it. Views, the admin and the status page all go through these."""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from practices.models import AppliedIn, PracticePage, Submission

# The parts of a fiche a change can be about (Submission.section holds the key).
SECTIONS = [
    ("title", _("Titel en inleiding")),
    ("description", _("Beschrijving")),
    ("goals", _("Doelstellingen")),
    ("success_factors", _("Succesfactoren")),
    ("challenges", _("Uitdagingen")),
    ("results", _("Resultaten")),
    ("applied_in", _("Toegepast in")),
    ("other", _("Iets anders")),
]

SENDER_FIELDS = ["sender_name", "municipality_name", "province", "email"]
# The entry an accepted adoption adds to the fiche (municipality and province included).
ENTRY_FIELDS = ["municipality_name", "province", "description", "partners", "website",
                "contact_email"]
OWN_KINDS = [Submission.Kind.ADOPTION, Submission.Kind.CHANGE]
FINAL = [Submission.Status.ACCEPTED, Submission.Status.DECLINED]


class Decision(models.TextChoices):
    ACCEPT = "accept", _("Aanvaarden")
    REQUEST_CHANGES = "request_changes", _("Aanpassing vragen")
    DECLINE = "decline", _("Niet aanvaarden")


OUTCOMES = {
    Decision.ACCEPT: (Submission.Status.ACCEPTED, "accepted"),
    Decision.REQUEST_CHANGES: (Submission.Status.CHANGES_REQUESTED, "changes_requested"),
    Decision.DECLINE: (Submission.Status.DECLINED, "declined"),
}

LOG_ACTIONS = {
    "practices.submission.received": _("Voorstel ontvangen"),
    "practices.submission.resubmitted": _("Aangepast voorstel ontvangen"),
    "practices.submission.accepted": _("Voorstel aanvaard"),
    "practices.submission.changes_requested": _("Aanpassing gevraagd"),
    "practices.submission.declined": _("Voorstel niet aanvaard"),
}


def section_label(key):
    return dict(SECTIONS).get(key, key)


def already_listed(page, municipality_name):
    """Whether the published fiche already names this municipality (case-insensitive)."""
    return AppliedIn.objects.filter(
        page_id=page.pk, municipality_name__iexact=municipality_name.strip()
    ).exists()


def propose_adoption(page, data, language, submission_key):
    """"We do this too" for a live fiche. Returns (submission, created); sending the same
    form twice returns the first submission."""
    fields = {name: data.get(name, "") for name in [*SENDER_FIELDS, *ENTRY_FIELDS]}
    return _receive(Submission.Kind.ADOPTION, page, fields, language, submission_key)


def suggest_change(page, data, language, submission_key):
    """A proposed change to a fiche (which part and what). Returns (submission, created)."""
    fields = {name: data.get(name, "") for name in [*SENDER_FIELDS, "section", "message"]}
    return _receive(Submission.Kind.CHANGE, page, fields, language, submission_key)


def _receive(kind, page, fields, language, submission_key):
    existing = Submission.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                kind=kind, page=page, language=language, submission_key=submission_key,
                status=Submission.Status.IN_REVIEW, **fields,
            )
            log(instance=submission, action="practices.submission.received")
            transaction.on_commit(partial(_announce, submission.pk, tell_sender=True))
    except IntegrityError:
        # The same form, sent twice at the same moment: the first one won.
        existing = Submission.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False
    return submission, True


def _announce(submission_pk, *, tell_sender):
    from practices import tasks

    tasks.send_moderator_notice.enqueue(submission_pk)
    if tell_sender:
        tasks.send_submission_mail.enqueue(submission_pk, "received")


def _tell_sender(submission_pk, event):
    from practices import tasks

    tasks.send_submission_mail.enqueue(submission_pk, event)


def resubmit_adoption(submission, data):
    """The sender corrects an adoption a moderator asked to change: it goes back to review.

    `data` holds the entry fields (as AdoptionCorrectionForm cleans them). Raises
    ValidationError when the submission is not waiting for a correction."""
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if (locked.kind != Submission.Kind.ADOPTION
                or locked.status != Submission.Status.CHANGES_REQUESTED):
            raise ValidationError(
                gettext("Dit voorstel wacht niet op een aanpassing."), code="not_open"
            )
        for name in ENTRY_FIELDS:
            if name in data:
                setattr(locked, name, data[name])
        locked.status = Submission.Status.IN_REVIEW
        locked.save()
        log(instance=locked, action="practices.submission.resubmitted")
        transaction.on_commit(partial(_announce, locked.pk, tell_sender=False))
    return locked


def decide(submission, decision, note, user):
    """A moderator's decision on an adoption or a change.

    Accepting an adoption adds its entry to the live fiche and publishes that as a new
    revision in the moderator's name. Raises ValidationError (with a message for the
    moderator) when the decision cannot be carried out; then nothing changes."""
    decision = Decision(decision)
    if submission.kind not in OWN_KINDS:
        raise ValidationError(
            gettext("Over een nieuwe fiche wordt beslist in de nalezing van de pagina."),
            code="wrong_kind",
        )
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.status in FINAL:
            raise ValidationError(gettext("Over dit voorstel is al beslist."), code="decided")
        if decision == Decision.ACCEPT and submission.kind == Submission.Kind.ADOPTION:
            add_entry(submission, user)
        status, event = OUTCOMES[decision]
        submission.status = status
        submission.moderator_note = note
        submission.decided_by = user
        submission.save()
        log(instance=submission, action=f"practices.submission.{event}", user=user)
        transaction.on_commit(partial(_tell_sender, submission.pk, event))
    return submission


def add_entry(submission, user):
    """Add the proposed municipality to the live fiche and publish it. Never publishes
    someone else's unreviewed draft: a fiche with pending changes is refused."""
    page = (
        PracticePage.objects.select_for_update().filter(pk=submission.page_id).first()
        if submission.page_id else None
    )
    if page is None or not page.live:
        raise ValidationError(
            gettext("De fiche is niet gepubliceerd; de gemeente kan er niet bij."),
            code="not_live",
        )
    if page.has_unpublished_changes or page.workflow_in_progress:
        raise ValidationError(
            gettext(
                "De fiche heeft wijzigingen die nog niet gepubliceerd zijn. Publiceer of "
                "verwerp die eerst in de pagina-editor en beslis dan opnieuw."
            ),
            code="draft_pending",
        )
    if already_listed(page, submission.municipality_name):
        raise ValidationError(
            gettext("%(name)s staat al bij deze fiche.") % {"name": submission.municipality_name},
            code="duplicate",
        )
    entries = list(page.applied_in.all())
    entries.append(AppliedIn(
        sort_order=len(entries),
        **{name: getattr(submission, name) for name in ENTRY_FIELDS},
    ))
    page.applied_in = entries
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page
