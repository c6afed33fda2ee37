"""What every installation needs for the practice database: its index page, the moderation
workflow of the "Moderator praktijken" group, and that group's page and image permissions."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_noop

from portal import roles

INDEX_TITLE = "Praktijkendatabank"
INDEX_SLUG = "praktijken"
WORKFLOW_NAME = gettext_noop("Nalezing praktijkfiches")
TASK_NAME = gettext_noop("Moderatoren praktijken keuren goed")

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def ensure_index_page():
    from wagtail.models import Locale, Page

    from portal.languages import SOURCE_LANGUAGE
    from practices.models import PracticeIndexPage

    index_page = PracticeIndexPage.objects.first()
    if index_page is None:
        root = Page.get_first_root_node()
        index_page = root.add_child(
            instance=PracticeIndexPage(
                title=INDEX_TITLE,
                slug=INDEX_SLUG,
                locale=Locale.objects.get(language_code=SOURCE_LANGUAGE),
                introduction=(
                    "Hoe pakken andere gemeenten het onthaal van nieuwkomers aan? Zoek op "
                    "thema, beleidsdomein of gemeente en neem contact op met wie het al doet."
                ),
                submit_text=(
                    "Staat uw aanpak er nog niet bij? Vul een fiche in. Een moderator leest "
                    "ze na voor ze verschijnt."
                ),
            )
        )
        index_page.save_revision().publish()
    return index_page


def ensure_moderation(index_page):
    from wagtail.models import (
        GroupApprovalTask,
        GroupPagePermission,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    moderators, _created = Group.objects.get_or_create(name=roles.MODERATOR)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page=index_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    ensure_image_permissions(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow


def ensure_image_permissions(group):
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


def ensure_practice_database(app_config=None, **kwargs):
    # After every app's migrations (the page tree, locales and groups exist by then).
    from django.apps import apps

    from portal.setup import ensure_locales, ensure_page_tree_root

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not None and app_config.label != with_models[-1].label:
        return
    ensure_locales()
    ensure_page_tree_root()
    ensure_moderation(ensure_index_page())
