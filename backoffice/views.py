"""The case page and desk registration, inside the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from appointments.choices import Status
from appointments.services import SlotTaken
from backoffice import forms, services
from backoffice.models import Referral
from backoffice.permissions import can_work_on_cases, case_for_user, colleagues
from portal.models import Municipality


def case_forms(case, data=None, action=None):
    """The action forms of a case page; the one being sent is bound to the data."""

    def bound(name):
        return data if action == name else None

    municipality = case.municipality
    return {
        "contact": forms.ContactAttemptForm(bound("contact"), prefix="contact"),
        "assign": forms.AssignForm(bound("assign"), prefix="assign", municipality=municipality,
                                   initial={"assignee": case.assigned_to_id}),
        "schedule": forms.ScheduleForm(bound("schedule"), prefix="schedule",
                                       municipality=municipality),
        "status": forms.StatusForm(bound("status"), prefix="status"),
        "conversation": forms.ConversationForm(bound("conversation"), prefix="conversation",
                                               initial={"language": case.contact_language}),
        "referrals": forms.referral_formset(bound("conversation"), municipality=municipality),
        "referral": forms.ReferralStatusForm(bound("referral"), prefix="referral-status",
                                             case=case),
        "followup": forms.FollowUpDoneForm(bound("followup"), prefix="followup", case=case),
        "details": forms.ContactDetailsForm(
            bound("details"), prefix="details",
            initial={"name": case.name, "phone": case.phone, "email": case.email,
                     "address": case.address, "seen_updated_at": case.updated_at},
        ),
    }


def request_answers(case):
    """What the person answered in the form or at the desk, as (label, value) rows."""
    from appointments.forms import translated_moments

    def label(name):
        return capfirst(case._meta.get_field(name).verbose_name)

    def yes_no(value):
        return "—" if value is None else (_("Ja") if value else _("Nee"))

    moments = dict(translated_moments())
    rows = [
        (label("arrival_date"), date_format(case.arrival_date) if case.arrival_date else ""),
        (label("birth_year"), case.birth_year or ""),
        (label("topics"), ", ".join(case._meta.get_field("topics").labels(case.topics))),
        (label("contact_methods"), ", ".join(
            case._meta.get_field("contact_methods").labels(case.contact_methods))),
        (label("preferred_moments"), ", ".join(
            moments.get(code, code) for code in case.preferred_moments or [])),
        (label("dutch_difficult"), yes_no(case.dutch_difficult)),
        (label("works"), yes_no(case.works)),
        (label("has_children"), yes_no(case.has_children)),
        (label("filled_in_by"), case.get_filled_in_by_display()
         + (f" · {case.partner_organisation}" if case.partner_organisation else "")),
    ]
    return [(name, value) for name, value in rows if value not in ("", None)]


def render_case(request, case, case_forms_, status=200):
    # Scheduling and holding a conversation have their own forms (slot, outcome).
    allowed = [
        (value, label) for value, label in forms.StatusForm.base_fields["status"].choices
        if services.can_change(case.status, value)
    ]
    return TemplateResponse(
        request,
        "backoffice/case.html",
        {
            "case": case,
            "answers": request_answers(case),
            "forms": case_forms_,
            "allowed_statuses": allowed,
            "referral_statuses": Referral.Status.choices,
            "events": case.events.select_related("actor"),
            "attempts": case.contact_attempts.select_related("by"),
            "conversations": case.conversations.prefetch_related("needs", "referrals__partner"),
            "page_title": case.reference,
            "header_icon": "user",
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def case_detail(request, pk):
    from backoffice.privacy.views import can_handle_data_requests

    case = case_for_user(request.user, pk)
    services.record_access(request.user, case)
    response = render_case(request, case, case_forms(case))
    response.context_data["data_rights"] = can_handle_data_requests(request.user)
    return response


ACTIONS = {"contact", "assign", "schedule", "status", "conversation", "details", "referral",
           "followup"}


@require_POST
def case_action(request, pk, action):
    case = case_for_user(request.user, pk)
    if action not in ACTIONS:
        raise PermissionDenied
    bound = case_forms(case, request.POST, action)
    form = bound[action]
    try:
        if form.is_valid() and (action != "conversation" or bound["referrals"].is_valid()):
            with transaction.atomic():
                perform(action, case, form, bound, request.user)
            messages.success(request, _("Opgeslagen."))
            return redirect("backoffice_case", pk=case.pk)
    except services.TransitionNotAllowed as error:
        form.add_error(None, str(error))
    except SlotTaken:
        form.add_error("slot", _("Dit moment is net door iemand anders geboekt."))
    except services.EditConflict:
        form.add_error(None, _(
            "Iemand anders heeft deze aanvraag intussen gewijzigd. Hieronder staan de nieuwe "
            "gegevens; uw wijzigingen zijn niet opgeslagen maar staan nog in het formulier."
        ))
    case.refresh_from_db()
    # The other forms show the case as it is now; the one sent keeps what was typed, and
    # carries the new version, so that sending it again saves it.
    shown = case_forms(case)
    shown[action] = form
    if action == "conversation":
        shown["referrals"] = bound["referrals"]
    if action == "details":
        form.data = form.data.copy()
        form.data["details-seen_updated_at"] = case.updated_at.isoformat()
    return render_case(request, case, shown, status=400)


def perform(action, case, form, bound, user):
    data = form.cleaned_data
    if action == "contact":
        services.log_contact_attempt(case, user, method=data["method"], reached=data["reached"],
                                     note=data["note"])
    elif action == "assign":
        services.assign(case, data["assignee"], user)
    elif action == "schedule":
        services.schedule(case, data["slot"], user)
    elif action == "status":
        services.change_status(case, data["status"], user)
    elif action == "conversation":
        fields = {name: data[name] for name in forms.ConversationForm.Meta.fields
                  if name != "needs"}
        referrals = [
            (item["partner"], item["purpose"])
            for item in bound["referrals"].cleaned_data if item.get("partner")
        ]
        services.record_conversation(case, user, fields=fields, needs=data["needs"],
                                     referrals=referrals)
    elif action == "referral":
        services.update_referral(case, data["referral"], data["status"], user)
    elif action == "followup":
        services.mark_follow_up_done(case, data["conversation"], user)
    elif action == "details":
        phone = data.get("phone")
        services.update_contact_details(
            case, user, seen_updated_at=data["seen_updated_at"],
            fields={"name": data["name"], "phone": phone.as_e164 if phone else "",
                    "email": data["email"], "address": data["address"]},
        )


@require_http_methods(["GET", "HEAD", "POST"])
def desk_registration(request):
    if not can_work_on_cases(request.user):
        raise PermissionDenied
    municipalities = Municipality.objects.for_user(request.user)
    duplicates = []
    if request.method == "POST":
        form = forms.DeskRegistrationForm(request.POST, municipalities=municipalities)
        if form.is_valid():
            data, fields = form.cleaned_data, form.request_fields()
            duplicates = list(services.possible_duplicates(
                data["municipality"], phone=fields["phone"], email=fields["email"],
                name=fields["name"], birth_year=fields["birth_year"],
            ))
            if not duplicates or data.get("confirm_duplicates"):
                case = services.register_at_desk(
                    municipality=data["municipality"], user=request.user, fields=fields,
                )
                messages.success(request, _("Geregistreerd als %(reference)s.")
                                 % {"reference": case.reference})
                return redirect("backoffice_case", pk=case.pk)
            # Shown once; sending again registers anyway.
            form.data = form.data.copy()
            form.data["confirm_duplicates"] = "True"
    else:
        form = forms.DeskRegistrationForm(municipalities=municipalities)
    return TemplateResponse(
        request,
        "backoffice/desk_registration.html",
        {"form": form, "duplicates": duplicates, "page_title": _("Registratie aan de balie"),
         "header_icon": "user"},
        status=400 if request.method == "POST" else 200,
    )


BULK_ASSIGN_LIMIT = 200  # a page one can read; the rest comes after these are shared out


@require_http_methods(["GET", "HEAD", "POST"])
def bulk_assign(request):
    """Toeleiders and coordinators share out the open, unassigned cases of their municipalities
    (the oldest first, at most BULK_ASSIGN_LIMIT at a time)."""
    if not can_work_on_cases(request.user):
        raise PermissionDenied
    from appointments.models import AppointmentRequest

    open_unassigned = AppointmentRequest.objects.for_user(request.user).filter(
        status__in=[Status.NEW, Status.CONTACTED], assigned_to__isnull=True
    ).order_by("created_at")
    oldest = list(open_unassigned.values_list("pk", flat=True)[:BULK_ASSIGN_LIMIT])
    cases = open_unassigned.filter(pk__in=oldest).select_related("municipality")
    staff = colleagues(request).filter(is_active=True)
    form = forms.BulkAssignForm(request.POST or None, cases=cases, staff=staff)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for case in form.cleaned_data["cases"]:
                services.assign(case, form.cleaned_data["assignee"], request.user)
        messages.success(request, _("%(count)s aanvragen toegewezen.")
                         % {"count": len(form.cleaned_data["cases"])})
        return redirect("backoffice_bulk_assign")
    return TemplateResponse(
        request, "backoffice/bulk_assign.html",
        {"form": form, "page_title": _("Werk verdelen"), "header_icon": "group"},
        status=400 if request.method == "POST" else 200,
    )
