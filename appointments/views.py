"""The newcomer's side: ask for a welcome conversation, follow it with a private link."""

import uuid

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from appointments.calendar import invitation
from appointments.forms import AddInformationForm, CancelForm, RequestForm
from appointments.models import AppointmentRequest, Invitation
from appointments.services import (
    RequestNotOpen,
    SlotTaken,
    add_information,
    cancel_request,
    link_token,
    request_for_token,
    submit_request,
)
from portal.municipalities import municipality_for_request


def portal_life_domains(municipality):
    """The life domains the municipality's portal has pages for (all when it has none)."""
    from home.models import LifeDomainPage

    if municipality.site is None:
        return None
    codes = set(
        LifeDomainPage.objects.live()
        .descendant_of(municipality.site.root_page)
        .values_list("domain", flat=True)
    )
    return codes or None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_form(request):
    municipality = municipality_for_request(request)
    if municipality is None:
        raise Http404
    options = {
        "municipality": municipality,
        "language": get_language(),
        "topics": portal_life_domains(municipality),
        "privacy_url": municipality.privacy_url,
    }
    status = 200
    if request.method == "POST":
        already_sent = request_for_submission(request.POST.get("submission_key"), municipality)
        if already_sent is not None:
            # Sent twice (double click, reload after sending): show the first one.
            return redirect_to_status(already_sent)
        form = RequestForm(request.POST, **options)
        if is_ratelimited(request, group="appointments.request", key="ip",
                          rate=settings.ONTHAAL_REQUEST_RATE, method="POST", increment=True):
            form.is_valid()
            form.add_error(None, _rate_limit_message())
            status = 429
        elif form.is_valid():
            try:
                saved, _created = submit_request(
                    municipality=municipality,
                    fields=form.request_fields(),
                    language=get_language(),
                    submission_key=form.cleaned_data["submission_key"],
                    slot=form.cleaned_data.get("slot"),
                )
            except SlotTaken:
                form.add_error("slot", _slot_taken_message())
            else:
                return redirect_to_status(saved)
        form.renew_protection()
        if status == 200:
            status = 400
    else:
        code = Invitation.clean_code(request.GET.get(INVITATION_PARAMETER))
        form = RequestForm(initial={"invitation": code}, **options)
    return render(request, "appointments/request_form.html", {"form": form}, status=status)


INVITATION_PARAMETER = "uitnodiging"


@require_http_methods(["GET", "HEAD"])
def invitation_link(request, code):
    """The short link on an invitation letter: the request form in the letter's language,
    carrying the letter's code. A mistyped code still leads to the form, without it."""
    municipality = municipality_for_request(request)
    if municipality is None:
        raise Http404
    letter = Invitation.objects.filter(
        code=Invitation.clean_code(code), municipality=municipality
    ).first()
    language = letter.language if letter and municipality.offers(letter.language) else "nl"
    with translation.override(language):
        url = reverse("appointments:request")
    if letter is None:
        return redirect(url)
    return redirect(f"{url}?{INVITATION_PARAMETER}={letter.code}")


def request_for_submission(submission_key, municipality):
    """The request an earlier sending of this very form created, if any."""
    try:
        key = uuid.UUID(str(submission_key))
    except ValueError:
        return None
    return AppointmentRequest.objects.filter(
        submission_key=key, municipality=municipality, access_key__gt=""
    ).first()


def redirect_to_status(appointment):
    url = reverse("appointments:status", kwargs={"token": link_token(appointment)})
    return redirect(f"{url}?verstuurd=1")


def _rate_limit_message():
    return gettext(
        "U hebt net al enkele aanvragen verstuurd. Wacht even en probeer het later opnieuw, "
        "of bel ons."
    )


def _slot_taken_message():
    return gettext("Iemand anders koos dit moment net. Kies een ander moment.")


def request_on_this_portal(request, token):
    """The request a link token opens, if it belongs to the municipality of this portal (host);
    else None, so a link never shows one municipality's request on another's portal."""
    appointment = request_for_token(token)
    municipality = municipality_for_request(request)
    if appointment is None or municipality is None:
        return None
    if appointment.municipality_id != municipality.pk:
        return None
    return appointment


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_status(request, token):
    """The private page of one request: status, add information, cancel."""
    appointment = request_on_this_portal(request, token)
    if appointment is None:
        return render(request, "appointments/link_expired.html", status=404)
    add_form, cancel_form = AddInformationForm(prefix="add"), CancelForm(prefix="cancel")
    message = None
    status = 200
    if request.method == "POST":
        try:
            if "add" in request.POST:
                add_form = AddInformationForm(request.POST, prefix="add")
                if add_form.is_valid():
                    add_information(appointment, add_form.cleaned_data["text"])
                    return redirect(f"{request.path}?toegevoegd=1")
            elif "cancel" in request.POST:
                cancel_form = CancelForm(request.POST, prefix="cancel")
                if cancel_form.is_valid():
                    cancel_request(appointment)
                    return redirect(f"{request.path}?geannuleerd=1")
            status = 400
        except RequestNotOpen:
            status = 409
        appointment.refresh_from_db()
    if "toegevoegd" in request.GET:
        message = "added"
    elif "geannuleerd" in request.GET:
        message = "cancelled"
    return render(
        request,
        "appointments/request_status.html",
        {
            "appointment": appointment,
            "just_sent": "verstuurd" in request.GET,
            "message": message,
            "add_form": add_form,
            "cancel_form": cancel_form,
            "token": token,
        },
        status=status,
    )


@never_cache
@require_safe
def request_calendar(request, token):
    appointment = request_on_this_portal(request, token)
    if appointment is None or appointment.slot is None:
        raise Http404
    response = HttpResponse(invitation(appointment), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="onthaalgesprek.ics"'
    return response
