"""Rows every installation needs: a Wagtail locale per language and the staff role groups."""

from django.contrib.auth.models import Group, Permission

from portal.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from portal.roles import ROLE_PERMISSIONS, ROLES


def ensure_locales():
    from wagtail.models import Locale

    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


def ensure_page_tree_root():
    """Wagtail's migrations make the root of the page tree; a flushed database lacks it."""
    from wagtail.models import Locale, Page

    if not Page.get_first_root_node():
        locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def ensure_groups():
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        if admin_access:
            group.permissions.add(admin_access)
        for dotted in ROLE_PERMISSIONS.get(name, []):
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                group.permissions.add(permission)


def ensure_locales_and_groups(app_config=None, using="default", **kwargs):
    # Runs after every app's migrations; it is idempotent and cheap.
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not None and app_config.label != with_models[-1].label:
        return
    ensure_locales()
    ensure_page_tree_root()
    ensure_groups()
