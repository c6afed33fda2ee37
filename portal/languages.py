"""The interface and content languages of Onthaal, in the order readers see them."""

from django.utils.translation import gettext_noop

# Names are gettext_noop'd for the admin; readers see each language named in itself.
LANGUAGES = [
    ("nl", gettext_noop("Nederlands")),
    ("fr", gettext_noop("Frans")),
    ("en", gettext_noop("Engels")),
    ("ar", gettext_noop("Arabisch")),
    ("tr", gettext_noop("Turks")),
    ("ro", gettext_noop("Roemeens")),
    ("pl", gettext_noop("Pools")),
    ("bg", gettext_noop("Bulgaars")),
    ("uk", gettext_noop("Oekraïens")),
    ("ru", gettext_noop("Russisch")),
    ("es", gettext_noop("Spaans")),
    ("fa", gettext_noop("Perzisch (Farsi)")),
]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
SOURCE_LANGUAGE = "nl"
RIGHT_TO_LEFT = frozenset({"ar", "fa"})


def is_rtl(code):
    return code in RIGHT_TO_LEFT


def default_portal_languages():
    """A new municipality offers every language until it chooses otherwise."""
    return list(LANGUAGE_CODES)


def ordered(codes):
    """The given codes in the portal's order, unknown codes dropped, Dutch always first."""
    wanted = set(codes) | {SOURCE_LANGUAGE}
    return [code for code in LANGUAGE_CODES if code in wanted]

# Languages spoken at a partner's desk: wider than the portal's own languages.
SPOKEN_LANGUAGES = [
    *LANGUAGES,
    ("de", gettext_noop("Duits")),
    ("it", gettext_noop("Italiaans")),
    ("pt", gettext_noop("Portugees")),
    ("ps", gettext_noop("Pasjtoe")),
    ("ti", gettext_noop("Tigrinya")),
    ("so", gettext_noop("Somalisch")),
]
