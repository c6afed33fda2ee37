from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

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
