from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Partner
from portal.scoping import MunicipalityScopedPolicy, own_municipality_only

# Registered before any view asks for Partner's policy (see wagtail.permissions).
register_permission_policy(Partner, MunicipalityScopedPolicy(Partner))


class PartnerViewSet(SnippetViewSet):
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

    copy_view_class = own_municipality_only(SnippetViewSet.copy_view_class)
    edit_view_class = own_municipality_only(SnippetViewSet.edit_view_class)
    delete_view_class = own_municipality_only(SnippetViewSet.delete_view_class)
    usage_view_class = own_municipality_only(SnippetViewSet.usage_view_class)
    history_view_class = own_municipality_only(SnippetViewSet.history_view_class)
    inspect_view_class = own_municipality_only(SnippetViewSet.inspect_view_class)

    def get_queryset(self, request):
        return Partner.objects.for_user(request.user).select_related("municipality", "locale")


register_snippet(PartnerViewSet)
