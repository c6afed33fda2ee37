"""Invitation letters as one PDF, ready to print: Dutch beside the reader's language.

WeasyPrint lays the text out with Pango and HarfBuzz, so Arabic and Farsi are shaped and
set right to left correctly; the QR code is drawn as SVG by segno.
"""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backoffice.models import InvitationLetterText
from portal.languages import is_rtl

MAX_LETTERS = 120  # about 25 s of layout: a larger print run is made in parts


def default_text(municipality):
    """The invitation in plain language, in the active language."""
    return _(
        "Welkom in %(municipality)s!\n\n"
        "U bent onlangs in onze gemeente komen wonen. We nodigen u graag uit voor een "
        "onthaalgesprek. Dat gesprek is gratis en u beslist zelf of u komt.\n\n"
        "We vertellen u waar u Nederlands kunt leren en oefenen, hoe u werk vindt en waar u "
        "terechtkunt voor school, kinderopvang, wonen, gezondheid en vrije tijd. U kunt ook "
        "al uw eigen vragen stellen.\n\n"
        "Maak een afspraak: scan de QR-code, typ de link hieronder of bel ons. U mag ook "
        "gewoon langskomen aan het onthaal.\n\n"
        "We kijken ernaar uit u te ontmoeten.\n\n"
        "Het onthaalteam"
    ) % {"municipality": municipality.name}


def letter_text(municipality, language):
    saved = InvitationLetterText.objects.filter(municipality=municipality,
                                                language=language).first()
    if saved:
        return saved.body
    with translation.override(language):
        return default_text(municipality)


def paragraphs(text):
    return [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]


def short_link(invitation):
    return invitation.municipality.portal_url + reverse("invitation_link",
                                                          args=[invitation.code])


def qr_svg(url):
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def letters_pdf(letters, language):
    """letters: [(invitation, members)]. Returns the PDF as bytes."""
    from weasyprint import HTML

    if not letters:
        raise ValueError("no letters")
    municipality = letters[0][0].municipality
    pages = []
    for invitation, members in letters:
        link = short_link(invitation)
        pages.append({
            "members": members,
            "link": link,
            "display_link": link.split("://", 1)[-1],
            "qr": qr_svg(link),
            "code": invitation.display_code,
        })
    with translation.override("nl"):
        html = render_to_string("backoffice/inflow/letters.html", {
            "municipality": municipality,
            "pages": pages,
            "today": date_format(timezone.localdate(), "j F Y"),
            "dutch": paragraphs(letter_text(municipality, "nl")),
            "second": paragraphs(letter_text(municipality, language))
            if language != "nl" else None,
            "language": language,
            "rtl": is_rtl(language),
        })
    return HTML(string=html, base_url=settings.BASE_DIR.as_uri()).write_pdf()
