"""Which languages of a portal page are up to date, outdated or missing."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.languages import LANGUAGES, SOURCE_LANGUAGE

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
IN_PROGRESS = "in_progress"
MISSING = "missing"

STATUS_LABELS = {
    UP_TO_DATE: _("Bijgewerkt"),
    OUTDATED: _("Verouderd: de Nederlandse pagina is nadien gewijzigd"),
    IN_PROGRESS: _("In vertaling (nog niet gepubliceerd)"),
    MISSING: _("Ontbreekt: lezers zien de Nederlandse tekst"),
}


def translation_status(page, languages):
    """One row per language (Dutch excluded): the translation, if any, and its status.

    A translation is outdated when the Dutch page was published after it.
    """
    # Read fresh from the database: a page object in memory may predate its last publish.
    pages = Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    by_language = {translation.locale.language_code: translation for translation in pages}
    source = by_language.pop(SOURCE_LANGUAGE, page)
    names = dict(LANGUAGES)
    rows = []
    for code in languages:
        if code == SOURCE_LANGUAGE:
            continue
        translation = by_language.get(code)
        if translation is None:
            status = MISSING
        elif not translation.live:
            status = IN_PROGRESS
        elif (
            source.last_published_at
            and translation.last_published_at
            and translation.last_published_at < source.last_published_at
        ):
            status = OUTDATED
        else:
            status = UP_TO_DATE
        rows.append(
            {
                "language": code,
                "name": names[code],
                "status": status,
                "label": STATUS_LABELS[status],
                "translation": translation,
            }
        )
    return rows


def municipality_of_page(page):
    from portal.models import Municipality

    home = page.get_ancestors(inclusive=True).filter(depth=2).first()
    if home is None:
        return None
    return Municipality.objects.filter(
        site__root_page__translation_key=home.translation_key
    ).first()
