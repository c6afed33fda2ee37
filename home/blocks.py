"""The building blocks of life-domain pages. Each renders without JavaScript."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class FirstStepsBlock(blocks.StructBlock):
    """A numbered checklist: what to do first, in order."""

    heading = blocks.CharBlock(label=_("titel"), default=_("Eerste stappen"))
    steps = blocks.ListBlock(blocks.CharBlock(label=_("stap")), label=_("stappen"))

    class Meta:
        icon = "list-ol"
        label = _("Eerste stappen")
        template = "home/blocks/first_steps.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("vraag"))
    answer = blocks.TextBlock(label=_("antwoord"))


class FaqBlock(blocks.StructBlock):
    """Questions people often ask; each answer opens without JavaScript."""

    heading = blocks.CharBlock(label=_("titel"), default=_("Vaak gestelde vragen"))
    questions = blocks.ListBlock(QuestionBlock(), label=_("vragen"))

    class Meta:
        icon = "help"
        label = _("Vaak gestelde vragen")
        template = "home/blocks/faq.html"


class PartnersBlock(blocks.StructBlock):
    """Cards of partners, shown in the reader's language where translated."""

    heading = blocks.CharBlock(label=_("titel"), default=_("Hier kunt u terecht"))
    partners = blocks.ListBlock(SnippetChooserBlock("home.Partner"), label=_("partners"))

    class Meta:
        icon = "group"
        label = _("Partners")
        template = "home/blocks/partners.html"

    def get_context(self, value, parent_context=None):
        from home.localization import localized_objects

        context = super().get_context(value, parent_context=parent_context)
        context["partners"] = localized_objects([p for p in value["partners"] if p])
        return context


class ContactBlock(blocks.StructBlock):
    """The municipality's welcome desk: address, phone, e-mail and opening hours."""

    heading = blocks.CharBlock(label=_("titel"), default=_("Contact"))
    text = blocks.TextBlock(label=_("tekst"), required=False)

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "home/blocks/contact.html"


class CallToActionBlock(blocks.StructBlock):
    """Invites the reader to ask for a welcome conversation."""

    heading = blocks.CharBlock(label=_("titel"))
    text = blocks.TextBlock(label=_("tekst"), required=False)
    link_text = blocks.CharBlock(label=_("tekst op de knop"))

    class Meta:
        icon = "pick"
        label = _("Oproep: onthaalgesprek")
        template = "home/blocks/call_to_action.html"


class LifeDomainBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Tekst"), features=RICH_TEXT_FEATURES, template="home/blocks/text.html"
    )
    image = ImageBlock(label=_("Afbeelding"), template="home/blocks/image.html")
    first_steps = FirstStepsBlock()
    faq = FaqBlock()
    partners = PartnersBlock()
    contact = ContactBlock()
    call_to_action = CallToActionBlock()
