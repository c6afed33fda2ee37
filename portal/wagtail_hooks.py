from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

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
