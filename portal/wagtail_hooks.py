from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from portal.accounts import services as accounts
from portal.accounts.urls import admin_urlpatterns as account_urls
from portal.menus import RuleMenuItem
from portal.models import Municipality


class MunicipalityViewSet(ModelViewSet):
    """Municipalities of this installation: for administrators (model permissions)."""

    model = Municipality
    icon = "home"
    menu_label = _("Gemeenten")
    add_to_settings_menu = True
    list_display = ["name", "nis_code", "city", "site"]
    search_fields = ["name", "nis_code", "city"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_municipality_viewset():
    return MunicipalityViewSet("municipalities")


@hooks.register("register_admin_urls")
def register_account_urls():
    return [path("", include(account_urls))]


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    return {"url": reverse("accounts_two_factor"), "label": _("Tweestapsverificatie"),
            "help_text": _("Een code van uw telefoon bij het aanmelden.")}


@hooks.register("register_settings_menu_item")
def register_invitations_menu_item():
    return RuleMenuItem(_("Uitnodigingen"), reverse("accounts_invitations"), icon_name="mail",
                        order=610, shown_to=accounts.can_invite)


@hooks.register("register_user_listing_buttons")
def register_reset_two_factor_button(user, request_user):
    # For every row, without asking whether the person has a device (no query per row):
    # the confirmation page says so.
    if accounts.can_reset_two_factor(request_user):
        yield ListingButton(_("Tweestapsverificatie verwijderen"),
                            reverse("accounts_reset_two_factor", args=[user.pk]),
                            icon_name="key", priority=60)
