"""One place that says who may open and work on which case."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from appointments.models import AppointmentRequest
from portal.scoping import municipalities_of

WORK_ON_CASES = "appointments.change_appointmentrequest"
SEE_CASES = "appointments.view_appointmentrequest"


def can_work_on_cases(user):
    return user.is_active and user.has_perm(WORK_ON_CASES)


def can_see_cases(user):
    return user.is_active and user.has_perm(SEE_CASES)


def case_for_user(user, pk):
    """The case, if the user may work on it; else a 404, so that ids cannot be guessed."""
    if not can_work_on_cases(user):
        raise Http404
    return get_object_or_404(
        AppointmentRequest.objects.for_user(user).select_related(
            "municipality", "slot", "assigned_to", "referral_source"
        ),
        pk=pk,
    )


def own_municipalities(request):
    """Filter choices: the municipalities the signed-in user works for."""
    return municipalities_of(request.user)


def colleagues(request):
    """Filter choices: everyone who works for one of the user's municipalities."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model().objects.filter(municipalities__in=own_municipalities(request))
        .distinct().order_by("first_name", "username")
    )
