"""The rules of staff accounts: who needs two-factor authentication, devices and recovery
codes, failed codes, and invitations. Views and the middleware call these."""

from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model, user_login_failed
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import roles
from portal.models import Invitation, Municipality

# Whoever holds one of these sees newcomers' personal data.
PERSONAL_DATA_PERMISSIONS = [
    "appointments.view_appointmentrequest",
    "backoffice.view_newresident",
    "backoffice.view_personaldataaccess",
]
RECOVERY_CODE_COUNT = 10
TOTP_NAME = "Authenticator"
RECOVERY_NAME = "Herstelcodes"


def anonymous_client_str(username, ip_address, user_agent, path_info, request):
    """django-axes' description of a client in its log lines: nothing personal."""
    return "client"


# Two-factor authentication

def sees_personal_data(user):
    return user.is_superuser or any(user.has_perm(perm) for perm in PERSONAL_DATA_PERMISSIONS)


def requires_two_factor(user):
    """Someone who sees personal data of a municipality that makes two-factor mandatory."""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        user.municipalities.filter(require_two_factor=True).exists()
        and sees_personal_data(user)
    )


def has_two_factor(user):
    return user_has_device(user, confirmed=True)


def pending_device(user):
    """The authenticator being set up: a fresh secret until a first code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_text(device):
    """The secret as authenticator apps ask for it when typed in (base32, in groups)."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_device(device, token):
    """Confirm the pending authenticator with its first code; returns new recovery codes,
    or None when the code is wrong."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Ten one-time codes; earlier ones stop working. The page shows them once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_two_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def can_reset_two_factor(actor):
    """Who may remove someone else's lost devices: whoever manages staff accounts."""
    user_model = get_user_model()._meta
    return actor.is_active and actor.has_perm(f"{user_model.app_label}.change_user")


def check_code(user, token):
    """The device that accepts this authenticator or recovery code (used up), or None."""
    token = "".join(str(token or "").split())
    if not token:
        return None
    return match_token(user, token)


# Failed codes count like failed passwords (django-axes, per username and address), and
# also per account here: signing in with the password again must not reset that count.

def _failure_key(user):
    return f"accounts:code-failures:{user.pk}"


def code_failed(request, user):
    """Record a wrong code; True when the account is now locked out."""
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )
    key = _failure_key(user)
    cache.add(key, 0, timeout=int(settings.AXES_COOLOFF_TIME * 3600))
    try:
        failures = cache.incr(key)
    except ValueError:  # expired in between
        failures = 1
    return failures >= settings.AXES_FAILURE_LIMIT or code_locked_out(request, user)


def code_locked_out(request, user):
    from axes.handlers.proxy import AxesProxyHandler

    if (cache.get(_failure_key(user)) or 0) >= settings.AXES_FAILURE_LIMIT:
        return True
    return AxesProxyHandler.is_locked(request, {"username": user.get_username()})


def code_succeeded(user):
    cache.delete(_failure_key(user))


# Invitations

def invitable_roles(user):
    """The roles this user may invite someone to; none if they may not invite."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser or user.groups.filter(name=roles.BEHEERDER).exists():
        return list(roles.ROLES)
    if user.groups.filter(name=roles.COORDINATOR).exists():
        return [roles.TOELEIDER, roles.REDACTEUR]
    return []


def can_invite(user):
    return bool(invitable_roles(user))


def invitable_municipalities(user):
    return Municipality.objects.for_user(user) if can_invite(user) else Municipality.objects.none()


def invitations_for(user):
    """The invitations a user may see and withdraw: all for administrators, else those for
    their own municipalities."""
    if not can_invite(user):
        return Invitation.objects.none()
    if roles.BEHEERDER in invitable_roles(user):
        return Invitation.objects.all()
    return Invitation.objects.filter(
        municipalities__in=Municipality.objects.for_user(user)
    ).distinct()


def invitation_token(invitation):
    return signing.dumps(invitation.pk, salt="portal.invitation")


def invitation_url(invitation):
    path = reverse("accounts_accept_invitation", kwargs={"token": invitation_token(invitation)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


class InvalidInvitation(Exception):
    pass


def invitation_from_token(token):
    """The open invitation of a link; InvalidInvitation when expired, used or withdrawn."""
    try:
        pk = signing.loads(
            token, salt="portal.invitation", max_age=settings.ONTHAAL_INVITATION_DAYS * 86400
        )
    except signing.BadSignature as error:  # also SignatureExpired
        raise InvalidInvitation from error
    invitation = Invitation.objects.filter(pk=pk, accepted_at__isnull=True).first()
    if invitation is None:
        raise InvalidInvitation
    return invitation


@transaction.atomic
def invite(*, by, email, role, municipalities):
    if role not in invitable_roles(by):
        raise PermissionError(role)
    allowed = set(invitable_municipalities(by))
    if not set(municipalities) <= allowed:
        raise PermissionError("municipality")
    invitation = Invitation.objects.create(email=email, role=role, invited_by=by)
    invitation.municipalities.set(municipalities)
    transaction.on_commit(lambda: send_invitation(invitation))
    return invitation


def send_invitation(invitation):
    context = {
        "invitation": invitation,
        "url": invitation_url(invitation),
        "days": settings.ONTHAAL_INVITATION_DAYS,
        "municipalities": ", ".join(m.name for m in invitation.municipalities.all()),
    }
    send_mail(
        _("Uitnodiging voor Onthaal"),
        render_to_string("accounts/invitation_email.txt", context),
        None,
        [invitation.email],
    )


@transaction.atomic
def accept_invitation(invitation, *, username, password):
    """Create the account of an invitation; the link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvalidInvitation
    user = get_user_model().objects.create_user(
        username=username, email=invitation.email, password=password
    )
    group = Group.objects.filter(name=invitation.role).first()
    if group is not None:
        user.groups.add(group)
    for municipality in invitation.municipalities.all():
        municipality.staff.add(user)
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()
