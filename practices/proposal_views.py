"""The public forms under a fiche: wij-ook/ (we do this too), wijziging/ (propose a change)
and contact/<entry>/ (write to a municipality that applies it). PracticePage routes here."""

import uuid

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from practices import proposals
from practices.contact import contact_entry, send_contact_message
from practices.models import Submission
from practices.proposal_forms import AdoptionForm, ChangeForm, ContactForm
from practices.submission_views import rate_limit_message, rate_limited, status_url


def sent_before(submission_key, page):
    """The submission an earlier sending of this very form created, if any."""
    try:
        key = uuid.UUID(str(submission_key))
    except ValueError:
        return None
    return Submission.objects.filter(submission_key=key, page_id=page.pk).first()


def proposal_form(request, page, *, form_class, group, template, propose):
    status = 200
    if request.method == "POST":
        already_sent = sent_before(request.POST.get("submission_key"), page)
        if already_sent is not None:
            # Sent twice (double click, reload after sending): show the first one.
            return redirect(status_url(already_sent))
        form = form_class(request.POST, page=page)
        if rate_limited(request, group):
            form.is_valid()
            form.add_error(None, rate_limit_message())
            status = 429
        elif form.is_valid():
            submission, _created = propose(
                page, form.submission_data(), get_language(),
                form.cleaned_data["submission_key"],
            )
            return redirect(status_url(submission))
        form.renew_protection()
        if status == 200:
            status = 400
    else:
        form = form_class(page=page)
    return render(request, template, {"page": page, "form": form}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def adopt(request, page):
    return proposal_form(request, page, form_class=AdoptionForm, group="practices.adopt",
                         template="practices/adopt.html", propose=proposals.propose_adoption)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def suggest_change(request, page):
    return proposal_form(request, page, form_class=ChangeForm, group="practices.change",
                         template="practices/suggest_change.html", propose=proposals.suggest_change)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request, page, entry_id):
    entry = contact_entry(page, entry_id)
    if entry is None:
        raise Http404
    context = {"page": page, "entry": entry}
    status = 200
    if request.method == "POST":
        form = ContactForm(request.POST)
        if rate_limited(request, "practices.contact"):
            form.is_valid()
            form.add_error(None, rate_limit_message())
            status = 429
        elif form.is_valid():
            send_contact_message(entry, form.message_data(), form.cleaned_data["submission_key"])
            return redirect(f"{request.path}?verstuurd=1")
        form.renew_protection()
        if status == 200:
            status = 400
    elif "verstuurd" in request.GET:
        return render(request, "practices/contact.html", {**context, "sent": True})
    else:
        form = ContactForm()
    return render(request, "practices/contact.html", {**context, "form": form}, status=status)
