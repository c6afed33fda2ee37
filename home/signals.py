"""Keep derived state in step with content: the page cache and editors' permissions."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.cache import invalidate_portal_pages


def connect():
    from wagtail.models import Page

    from home.models import HomePage, Partner
    from portal.models import Municipality

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_portal_pages, dispatch_uid=f"portal-cache-{id(signal)}")
    post_delete.connect(invalidate_portal_pages, sender=Page, dispatch_uid="portal-cache-page")
    for model in (Partner, Municipality):
        post_save.connect(invalidate_portal_pages, sender=model,
                          dispatch_uid=f"portal-cache-save-{model.__name__}")
        post_delete.connect(invalidate_portal_pages, sender=model,
                            dispatch_uid=f"portal-cache-delete-{model.__name__}")
    post_save.connect(grant_editors_on_translated_home, sender=HomePage,
                      dispatch_uid="portal-editors-translated-home")


def grant_editors_on_translated_home(sender, instance, created, raw=False, **kwargs):
    """A new translation of a portal home is a new tree root: give the editors access to it."""
    if not created or raw:
        return
    from home.services import grant_editor_permissions
    from home.translation_status import municipality_of_page

    municipality = municipality_of_page(instance)
    if municipality is not None:
        grant_editor_permissions(municipality)
