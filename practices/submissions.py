"""What the public sends to the practice database, and the private link to follow it.

A new fiche becomes a draft page in Wagtail's moderation workflow; the receivers in
practices/workflow.py follow the moderators' decisions.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, WorkflowState

from practices.models import AppliedIn, PracticeIndexPage, PracticePage, Submission

logger = logging.getLogger(__name__)

LINK_SALT = "practices.submission-link"
COLLECTION_NAME = "Inzendingen"

# Form fields that are fields of the page itself.
PAGE_FIELDS = ["title", "intro", "category", "start_year", "goals", "description",
               "success_factors", "challenges", "results"]
ENTRY_FIELDS = {"municipality_name": "municipality_name", "province": "province",
                "how": "description", "partners": "partners", "website": "website",
                "contact_email": "contact_email"}


class NotChangeable(Exception):
    """The submission is not waiting for changes (any more)."""


def link_token(submission):
    """The signed token of the private link: nothing personal in it, and not guessable."""
    return signing.dumps([submission.pk, submission.access_key], salt=LINK_SALT)


def submission_for_token(token):
    """The submission a token opens, or None when the token is not one of ours."""
    try:
        pk, key = signing.loads(token, salt=LINK_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(key, str):
        return None
    submission = Submission.objects.select_related("page").filter(pk=pk).first()
    if submission is None or not constant_time_compare(submission.access_key, key):
        return None
    return submission


def submission_for_key(submission_key):
    """The submission an earlier sending of the same form created, if any."""
    if not submission_key:
        return None
    return Submission.objects.filter(submission_key=submission_key).first()


def submissions_collection():
    """The image collection of submitted images; moderators find them together."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def store_image(image, title, alt):
    """A Wagtail image of a checked upload (practices.forms.CheckedImage)."""
    return get_image_model().objects.create(
        title=title[:255],
        description=alt[:255],
        file=ContentFile(image.content, name=image.file_name),
        collection=submissions_collection(),
    )


def free_slug(parent, title, exclude=None):
    """A slug for the title that no sibling has: "title", "title-2", "title-3", ..."""
    base = slugify(title)[:80].strip("-") or "fiche"
    taken = set(parent.get_children().exclude(pk=exclude).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def fill_page(page, fields):
    for name in PAGE_FIELDS:
        setattr(page, name, fields.get(name))
    page.policy_domains = fields.get("policy_domains", [])
    page.target_groups = fields.get("target_groups", [])


def entry_values(fields):
    return {model_name: fields.get(name) or "" for name, model_name in ENTRY_FIELDS.items()}


def sender_values(fields):
    return {
        "sender_name": fields["sender_name"],
        "email": fields["email"],
        "municipality_name": fields["municipality_name"],
        "province": fields["province"],
    }


def enqueue_after_commit(submission_pk, event):
    """The sender's mail. Moderators hear of a new or corrected fiche from Wagtail's own
    workflow notification (the group's task), so they get one mail, not two."""
    from practices.tasks import send_submission_mail

    transaction.on_commit(lambda: send_submission_mail.enqueue(submission_pk, event))


def submit_practice(form_data, image, language, submission_key):
    """Save a new fiche as a draft in moderation and the submission that follows it.

    form_data: FicheForm.fiche_fields(); image: a CheckedImage or None.
    Sending the same form twice returns the first submission.
    """
    existing = submission_for_key(submission_key)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            stored = image and store_image(image, form_data["title"], form_data["image_alt"])
            index_page = locked_index_page()
            page = PracticePage(live=False, slug=free_slug(index_page, form_data["title"]),
                                image=stored)
            fill_page(page, form_data)
            page.applied_in = [AppliedIn(**entry_values(form_data))]
            index_page.add_child(instance=page)
            page.save_revision()
            submission = Submission.objects.create(
                kind=Submission.Kind.NEW_PRACTICE,
                page=page,
                language=language,
                submission_key=submission_key,
                **sender_values(form_data),
            )
            start_review(page)
            enqueue_after_commit(submission.pk, "received")
    except IntegrityError:
        # The same form sent twice at the same moment: the first one won.
        existing = submission_for_key(submission_key)
        if existing is None:
            raise
        return existing
    logger.info("New practice fiche submitted for review (page %s)", page.pk)
    return submission


def locked_index_page():
    """The index page, locked: one new fiche at a time, so its slug and tree path are free."""
    pk = PracticeIndexPage.objects.values_list("pk", flat=True).first()
    Page.objects.select_for_update().filter(pk=pk).first()
    return PracticeIndexPage.objects.get(pk=pk)


def start_review(page):
    """Put the page in moderation: resume a workflow that asked for changes, else start one.

    Wagtail mails the moderators in their admin language, or else in the active one: the
    admin's default here, not the language the sender used."""
    with translation.override(settings.LANGUAGE_CODE):
        start_workflow(page)


def start_workflow(page):
    state = WorkflowState.objects.active().filter(
        base_content_type=page.get_base_content_type(), object_id=str(page.pk)
    ).first()
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=None)
        return
    if state is not None:
        return
    workflow = page.get_workflow()
    if workflow is None:
        logger.warning("No moderation workflow for practice page %s", page.pk)
        return
    workflow.start(page, user=None)


def fiche_initial(submission):
    """The form's values for correcting the fiche: its latest draft and the sender."""
    page = submission.page.get_latest_revision_as_object()
    entry = next(iter(page.applied_in.all()), None)
    initial = {name: getattr(page, name) for name in PAGE_FIELDS}
    initial["policy_domains"] = list(page.policy_domains.all())
    initial["target_groups"] = list(page.target_groups.all())
    initial["image_alt"] = page.image.description if page.image else ""
    if entry is not None:
        initial.update({name: getattr(entry, model_name)
                        for name, model_name in ENTRY_FIELDS.items()})
        initial["webpage"] = initial.pop("website")
    initial.update(sender_name=submission.sender_name, email=submission.email)
    return initial


def draft_has_image(submission):
    return submission.page is not None and bool(
        submission.page.get_latest_revision_as_object().image_id
    )


def resubmit(submission, form_data, image):
    """The sender corrects a fiche the moderators sent back: a new draft, reviewed again.

    Raises NotChangeable when no changes are asked (any more), e.g. when sent twice.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if (submission.kind != Submission.Kind.NEW_PRACTICE
                or submission.status != Submission.Status.CHANGES_REQUESTED
                or submission.page_id is None):
            raise NotChangeable
        page = PracticePage.objects.get(pk=submission.page_id)
        draft = page.get_latest_revision_as_object()
        fill_page(draft, form_data)
        if image is not None:
            draft.image = store_image(image, form_data["title"], form_data["image_alt"])
        elif draft.image is not None and draft.image.description != form_data["image_alt"]:
            draft.image.description = form_data["image_alt"][:255]
            draft.image.save(update_fields=["description"])
        entries = list(draft.applied_in.all())
        entry = entries[0] if entries else AppliedIn()
        for name, value in entry_values(form_data).items():
            setattr(entry, name, value)
        draft.applied_in = [entry, *entries[1:]]
        draft.save_revision()
        for name, value in sender_values(form_data).items():
            setattr(submission, name, value)
        submission.status = Submission.Status.IN_REVIEW
        submission.save()
        start_review(page)
        enqueue_after_commit(submission.pk, "received")
    logger.info("Practice fiche corrected and back in review (page %s)", page.pk)
    return submission
