from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Partner
from portal.scoping import MunicipalityScopedPolicy, scoped

# Registered before any view asks for Partner's policy (see wagtail.permissions).
register_permission_policy(Partner, MunicipalityScopedPolicy(Partner))


class PartnerViewSet(scoped(SnippetViewSet)):
    """The partner directory of the municipalities an editor works for."""

    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "municipality", "city", "phone"]
    list_filter = ["municipality", "locale"]
    search_fields = ["name", "description", "city"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Partner.objects.select_related("municipality", "locale")


register_snippet(PartnerViewSet)
