from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface
from wagtail.models import Page

from home.translation_status import municipality_of_page, translation_status
from portal.languages import LANGUAGE_CODES


class TranslationStatusPanel(Panel):
    """Per language: up to date, outdated, in translation or missing, with links."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/translation_status.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            municipality = municipality_of_page(self.instance)
            languages = municipality.offered_languages if municipality else LANGUAGE_CODES
            context["rows"] = translation_status(self.instance, languages)
            return context


def portal_edit_handler(content_panels):
    """The usual page tabs plus a "Translations" tab."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(Page.promote_panels, heading=_("Promoten")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
            ObjectList(
                [TranslationStatusPanel(heading=_("Stand van de vertalingen"))],
                heading=_("Vertalingen"),
            ),
        ]
    )
