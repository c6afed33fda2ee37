"""Two-factor pages of the admin, invitations, and accepting an invitation."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from portal.accounts import forms, services

WRONG_CODE = gettext_lazy("Deze code klopt niet. Probeer het opnieuw met een nieuwe code.")


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def lockout(request, original_response=None, credentials=None):
    """The page after too many failed sign-ins (django-axes calls it too)."""
    return TemplateResponse(request, "accounts/lockout.html", {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": round(settings.AXES_COOLOFF_TIME * 60),
    }, status=429).render()


def _locked_out(request, user):
    logout(request)
    return lockout(request)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """The second step of signing in: a code from the authenticator or a recovery code."""
    user = request.user
    next_url = _next_url(request)
    if not services.has_two_factor(user) or user.is_verified():
        return redirect(next_url)
    if services.code_locked_out(request, user):
        return _locked_out(request, user)
    form = forms.CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        device = services.check_code(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            services.code_succeeded(user)
            return redirect(next_url)
        if services.code_failed(request, user):
            return _locked_out(request, user)
        form.add_error("code", WRONG_CODE)
    return TemplateResponse(
        request, "accounts/verify.html", {"form": form, "next": next_url},
        status=400 if form.is_bound else 200,
    )


def _qr_svg(device):
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, title=_("QR-code voor uw authenticator-app")
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor(request):
    """Set up, check, renew the recovery codes of, or remove two-factor authentication."""
    user = request.user
    enrolled = services.has_two_factor(user)
    if enrolled and not user.is_verified():
        return redirect(reverse("accounts_verify") + "?" + urlencode(
            {"next": request.get_full_path()}))
    action = request.POST.get("action") if request.method == "POST" else None
    form = forms.CodeForm(request.POST if action else None)
    context = {"page_title": _("Tweestapsverificatie"), "header_icon": "key",
               "required": services.requires_two_factor(user)}

    if not enrolled:
        device = services.pending_device(user)
        if action == "confirm" and form.is_valid():
            codes = services.confirm_device(device, form.cleaned_data["code"])
            if codes:
                otp_login(request, device)
                return _show_codes(request, codes, context)
            form.add_error("code", WRONG_CODE)
        context.update(form=form, qr_svg=_qr_svg(device), secret=services.secret_text(device))
        return TemplateResponse(request, "accounts/enrol.html", context,
                                status=400 if form.is_bound else 200)

    if action in {"recovery", "remove"} and form.is_valid():
        if services.check_code(user, form.cleaned_data["code"]) is not None:
            services.code_succeeded(user)
            if action == "remove":
                services.remove_two_factor(user)
                messages.success(request, _("Tweestapsverificatie is uitgeschakeld."))
                return redirect("accounts_two_factor")
            return _show_codes(request, services.new_recovery_codes(user), context)
        if services.code_failed(request, user):
            return _locked_out(request, user)
        form.add_error("code", WRONG_CODE)
    context.update(form=form, action=action,
                   recovery_left=services.recovery_codes_left(user))
    return TemplateResponse(request, "accounts/two_factor.html", context,
                            status=400 if form.is_bound else 200)


def _show_codes(request, codes, context):
    context.update(codes=codes)
    return TemplateResponse(request, "accounts/recovery_codes.html", context)


def _require_inviter(request):
    if not services.can_invite(request.user):
        raise PermissionDenied


@require_http_methods(["GET", "HEAD"])
def invitations(request):
    _require_inviter(request)
    items = (services.invitations_for(request.user)
             .select_related("invited_by", "user").prefetch_related("municipalities"))
    return TemplateResponse(request, "accounts/invitations.html", {
        "invitations": items, "page_title": _("Uitnodigingen"), "header_icon": "mail",
    })


@require_http_methods(["GET", "HEAD", "POST"])
def new_invitation(request):
    _require_inviter(request)
    user = request.user
    form = forms.InvitationForm(
        request.POST if request.method == "POST" else None,
        roles=services.invitable_roles(user),
        municipalities=services.invitable_municipalities(user),
    )
    if form.is_valid():
        data = form.cleaned_data
        services.invite(by=user, email=data["email"], role=data["role"],
                        municipalities=data["municipalities"])
        messages.success(request, _("De uitnodiging is verstuurd."))
        return redirect("accounts_invitations")
    return TemplateResponse(request, "accounts/invitation_form.html", {
        "form": form, "page_title": _("Nieuwe uitnodiging"), "header_icon": "mail",
        "days": settings.ONTHAAL_INVITATION_DAYS,
    }, status=400 if form.is_bound else 200)


@require_POST
def withdraw_invitation(request, pk):
    _require_inviter(request)
    invitation = get_object_or_404(
        services.invitations_for(request.user), pk=pk, accepted_at__isnull=True
    )
    invitation.delete()
    messages.success(request, _("De uitnodiging is ingetrokken."))
    return redirect("accounts_invitations")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def accept_invitation(request, token):
    """The invitee chooses a username and password; then the account exists."""
    try:
        invitation = services.invitation_from_token(token)
    except services.InvalidInvitation:
        return TemplateResponse(request, "accounts/invitation_invalid.html", status=410)
    form = forms.AcceptInvitationForm(
        request.POST if request.method == "POST" else None, email=invitation.email
    )
    if form.is_valid():
        try:
            services.accept_invitation(invitation, username=form.cleaned_data["username"],
                                       password=form.cleaned_data["password1"])
        except services.InvalidInvitation:
            return TemplateResponse(request, "accounts/invitation_invalid.html", status=410)
        messages.success(request, _("Uw account is klaar. Meld u aan."))
        return redirect("wagtailadmin_login")
    return TemplateResponse(request, "accounts/accept_invitation.html",
                            {"form": form, "invitation": invitation},
                            status=400 if form.is_bound else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def reset_two_factor(request, user_id):
    """A lost phone and lost recovery codes: an administrator removes the person's devices,
    so they can sign in with their password and set up two-factor again."""
    if not services.can_reset_two_factor(request.user):
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        services.remove_two_factor(person)
        messages.success(request, _("De tweestapsverificatie van %(name)s is verwijderd.")
                         % {"name": person.get_full_name() or person.get_username()})
        return redirect("wagtailusers_users:index")
    return TemplateResponse(request, "accounts/reset_two_factor.html", {
        "person": person, "has_device": services.has_two_factor(person),
        "page_title": _("Tweestapsverificatie verwijderen"), "header_icon": "key",
    })
