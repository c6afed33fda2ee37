"""Wagtail's moderation workflow and the people who sent a fiche.

A new fiche is a draft page in the workflow of the index page (practices/setup.py). What a
moderator does there in the admin is followed here: "Request changes" with a comment, approve
(the page is published), or delete the draft. The sender's submission follows and they get a
mail in their language (practices/tasks.py).
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import page_published, workflow_rejected

from practices.models import PracticePage, Submission

logger = logging.getLogger(__name__)

OPEN = [Submission.Status.IN_REVIEW, Submission.Status.CHANGES_REQUESTED]


def new_fiche_submissions(page_pk, statuses):
    return Submission.objects.select_for_update().filter(
        page_id=page_pk, kind=Submission.Kind.NEW_PRACTICE, status__in=statuses
    )


def record(submissions, status, event, note, user=None):
    """Give the submissions their new status and the note of this decision (the note of an
    earlier one would mislead), and tell each sender after the commit.

    In a transaction of its own: publishing outside a request may run without one."""
    from practices.tasks import send_submission_mail

    with transaction.atomic():
        for submission in submissions:
            submission.status = status
            submission.moderator_note = str(note)
            if user is not None:
                submission.decided_by = user
            submission.save()
            pk = submission.pk
            transaction.on_commit(lambda pk=pk: send_submission_mail.enqueue(pk, event))
            logger.info("Submission %s: %s", pk, status)


def page_pk_of(workflow_state):
    """The page a workflow state is about; None for a snippet's."""
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return None
    return int(workflow_state.object_id)


@receiver(workflow_rejected, sender=WorkflowState)
def changes_requested(sender, instance, user=None, **kwargs):
    """A moderator chose "Request changes": the comment goes to the sender."""
    page_pk = page_pk_of(instance)
    if page_pk is None:
        return
    task_state = instance.current_task_state
    comment = task_state.specific.get_comment() if task_state else ""
    record(new_fiche_submissions(page_pk, [Submission.Status.IN_REVIEW]),
           Submission.Status.CHANGES_REQUESTED, "changes_requested", note=comment, user=user)


@receiver(page_published, sender=PracticePage)
def published(sender, instance, revision=None, **kwargs):
    """An approved (or directly published) new fiche: its submission is accepted."""
    approval = None
    if revision is not None:
        # "Approve with comment": the comment of the approval of this very revision.
        approval = TaskState.objects.filter(
            revision=revision, status=TaskState.STATUS_APPROVED
        ).order_by("-finished_at").first()
    record(new_fiche_submissions(instance.pk, OPEN), Submission.Status.ACCEPTED, "accepted",
           note=approval.comment if approval else "",
           user=approval.finished_by if approval else getattr(revision, "user", None))


@receiver(pre_delete, sender=PracticePage)
def deleted(sender, instance, **kwargs):
    """A moderator deleted a draft that was sent in: the sender hears it was not accepted."""
    record(new_fiche_submissions(instance.pk, OPEN), Submission.Status.DECLINED, "declined",
           note="")
