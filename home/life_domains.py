"""The life domains of the portal (see DOMAIN.md). Each municipality chooses and orders its own."""

from django.utils.translation import gettext_noop

from portal.fields import CodeListField

LIFE_DOMAINS = [
    ("dutch", gettext_noop("Nederlands leren")),
    ("work", gettext_noop("Werk")),
    ("housing", gettext_noop("Wonen")),
    ("education", gettext_noop("School en onderwijs")),
    ("childcare", gettext_noop("Kinderopvang en opgroeien")),
    ("leisure", gettext_noop("Vrije tijd")),
    ("health", gettext_noop("Gezondheid en welzijn")),
    ("administration", gettext_noop("Papieren en administratie")),
    ("waste", gettext_noop("Afval en milieu")),
    ("inburgering", gettext_noop("Inburgering, rechten en plichten")),
    ("mobility", gettext_noop("Verplaatsen")),
]
LIFE_DOMAIN_CODES = [code for code, _name in LIFE_DOMAINS]


def icon_template(code):
    """The inline SVG icon of a life domain (home/templates/home/icons/)."""
    return f"home/icons/{code if code in LIFE_DOMAIN_CODES else 'conversation'}.svg"


class LifeDomainsField(CodeListField):
    """The life domains something (a partner, a request, a conversation) is about."""

    choices_list = LIFE_DOMAINS
