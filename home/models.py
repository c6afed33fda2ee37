from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The portal home page of one municipality, the root of its Wagtail site."""

    introduction = models.TextField(
        _("welkomsttekst"),
        blank=True,
        help_text=_("Een paar korte zinnen in eenvoudig Nederlands."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("startpagina van het portaal")
