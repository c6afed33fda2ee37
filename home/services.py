"""Setting up the portal of a municipality: its home page and its Wagtail site."""

from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from portal.languages import SOURCE_LANGUAGE


@transaction.atomic
def create_portal(municipality, *, hostname, port=80, is_default_site=False, introduction=""):
    """Give a municipality a Dutch home page, its statements and a site; reuses what exists."""
    if municipality.site_id:
        add_statement_pages(municipality)
        return municipality.site
    root = Page.get_first_root_node()
    locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    home = (
        HomePage.objects.child_of(root).filter(locale=locale, slug=municipality.slug).first()
    )
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title=municipality.name,
                slug=municipality.slug,
                locale=locale,
                introduction=introduction,
            )
        )
        home.save_revision().publish()
    site, _created = Site.objects.update_or_create(
        hostname=hostname,
        port=port,
        defaults={
            "root_page": home,
            "site_name": municipality.name,
            "is_default_site": is_default_site,
        },
    )
    municipality.site = site
    municipality.save(update_fields=["site"])
    add_statement_pages(municipality)
    grant_editor_permissions(municipality)
    return site


def add_statement_pages(municipality):
    """Give the portal its Dutch privacy notice and accessibility statement where missing.

    They start without an own text, so they show the default text in every language.
    Returns the pages made; running it again makes none.
    """
    if municipality.site is None:
        return []
    return add_statement_pages_under(municipality.site.root_page)


@transaction.atomic
def add_statement_pages_under(home):
    """add_statement_pages for a portal's Dutch home page (also used by a data migration)."""
    from home.statements import STATEMENTS, statement_models

    made = []
    for kind, model in statement_models().items():
        if model.objects.child_of(home).exists():
            continue
        _name, slug, title = STATEMENTS[kind]
        with translation.override(SOURCE_LANGUAGE):  # the page tree is the Dutch source
            title = str(title)
        page = model(title=title, slug=slug, locale_id=home.locale_id, show_in_menus=False)
        if home.get_children().filter(slug=slug).exists():
            page.slug = f"{slug}-{kind}"
        home.add_child(instance=page)
        page.save_revision().publish()
        made.append(page)
    return made


def editor_group(municipality):
    """The group whose members edit this municipality's portal ("Redacteur <name>")."""
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=f"Redacteur {municipality.name}")
    return group


EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def grant_editor_permissions(municipality):
    """Let the municipality's editor group edit and publish every language of its portal.

    Each translation of the home page is a tree root of its own, so each gets the
    permissions. Running it again changes nothing.
    """
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    if municipality.site is None:
        return None
    group = editor_group(municipality)
    homes = Page.objects.filter(translation_key=municipality.site.root_page.translation_key)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
    )
    for home in homes:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    return group
