from django.urls import reverse
from wagtail.admin.ui.components import Component

from backoffice.queries import dashboard_counts


class WorkPanel(Component):
    """The admin home panel of toeleiders and coordinators: what needs doing now."""

    name = "onthaal_work"
    order = 50
    template_name = "backoffice/panels/work.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["counts"] = dashboard_counts(self.user)
        context["inbox_url"] = reverse("appointment_requests:index")
        context["follow_ups_url"] = reverse("backoffice_follow_ups")
        context["referrals_url"] = reverse("backoffice_referrals")
        return context
