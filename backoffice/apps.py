from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """What staff do after a request exists: cases, inflow, monitoring, retention."""

    name = "backoffice"
    verbose_name = _("Backoffice")

    def ready(self):
        from appointments.signals import request_submitted
        from backoffice.inflow.services import link_letter_request

        def link_letter(sender, request, **kwargs):
            link_letter_request(request)

        request_submitted.connect(link_letter, weak=False,
                                  dispatch_uid="backoffice.link_letter_request")
