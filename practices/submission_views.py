"""Submitting a new fiche, and the sender's private page that follows any submission."""

from contextlib import suppress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from practices.forms import FicheForm
from practices.models import Submission
from practices.proposal_forms import AdoptionCorrectionForm, correction_initial
from practices.proposals import resubmit_adoption
from practices.submissions import (
    NotChangeable,
    draft_has_image,
    fiche_initial,
    link_token,
    resubmit,
    submission_for_key,
    submission_for_token,
    submit_practice,
)

RATE_GROUP = "practices.submit"


def rate_limited(request, group=RATE_GROUP):
    """Counts this POST against the sender's address, per form; True once over the rate."""
    return is_ratelimited(request, group=group, key="ip",
                          rate=settings.ONTHAAL_PRACTICE_FORM_RATE, method="POST",
                          increment=True)


def rate_limit_message():
    return gettext("U hebt net al enkele formulieren verstuurd. Wacht even en probeer het "
                   "later opnieuw. Wat u invulde, staat er nog.")


def status_url(submission, flag="verstuurd"):
    url = reverse("practices:submission", kwargs={"token": link_token(submission)})
    return f"{url}?{flag}=1"


def sent_before(request):
    """The submission an earlier sending of this very form created, if any."""
    field = FicheForm.base_fields["submission_key"]
    try:
        key = field.clean(request.POST.get("submission_key"))
    except ValidationError:
        return None
    return submission_for_key(key)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request):
    """A new fiche: saved as a draft that the moderators read before anyone else does."""
    status = 200
    if request.method == "POST":
        already_sent = sent_before(request)
        if already_sent is not None:
            # Sent twice (double click, reload after sending): show the first one.
            return redirect(status_url(already_sent, "verstuurd"))
        limited = rate_limited(request)
        form = FicheForm(request.POST, request.FILES, store_uploads=not limited)
        if limited:
            form.is_valid()
            form.add_error(None, rate_limit_message())
            status = 429
        elif form.is_valid():
            submission = submit_practice(
                form.fiche_fields(), form.cleaned_data["image"], get_language(),
                form.cleaned_data["submission_key"],
            )
            return redirect(status_url(submission, "verstuurd"))
        form.renew_protection()
        status = status if status != 200 else 400
    else:
        form = FicheForm()
    return render(request, "practices/submit.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def status(request, token):
    """The sender's page: where their submission stands, and a correction when asked."""
    submission = submission_for_token(token)
    if submission is None:
        return render(request, "practices/submission_status.html", {"invalid": True},
                      status=404)
    form = correction_form(submission)
    code = 200
    if request.method == "POST":
        if form is None:
            # Sent twice, or already decided: the page shows where it stands.
            return redirect(status_url(submission, "aangepast"))
        limited = rate_limited(request)
        form = correction_form(submission, request.POST, request.FILES, store_uploads=not limited)
        if limited:
            form.is_valid()
            form.add_error(None, rate_limit_message())
            code = 429
        elif form.is_valid():
            # Already sent (a double click): the page shows where it stands.
            with suppress(NotChangeable, ValidationError):
                save_correction(submission, form)
            return redirect(status_url(submission, "aangepast"))
        if hasattr(form, "renew_protection"):
            form.renew_protection()
        code = code if code != 200 else 400
    page = submission.page
    context = {
        "submission": submission,
        "title": page.get_latest_revision_as_object().title if page else "",
        "fiche_url": page.get_url(request) if page and page.live else "",
        "form": form,
        "just_sent": "verstuurd" in request.GET,
        "corrected": "aangepast" in request.GET,
    }
    return render(request, "practices/submission_status.html", context, status=code)


def correction_form(submission, data=None, files=None, store_uploads=True):
    """The form to correct a submission the moderators sent back; None when none is asked."""
    if submission.status != Submission.Status.CHANGES_REQUESTED or submission.page is None:
        return None
    if submission.kind == Submission.Kind.NEW_PRACTICE:
        return FicheForm(data, files, initial=fiche_initial(submission),
                         has_image=draft_has_image(submission), store_uploads=store_uploads)
    if submission.kind == Submission.Kind.ADOPTION:
        return AdoptionCorrectionForm(data, page=submission.page,
                                      initial=correction_initial(submission))
    return None


def save_correction(submission, form):
    if isinstance(form, FicheForm):
        resubmit(submission, form.fiche_fields(), form.cleaned_data["image"])
    else:
        resubmit_adoption(submission, form.entry_data())
