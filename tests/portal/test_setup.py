"""Rows every installation needs come back after a database is emptied."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from portal.languages import LANGUAGE_CODES
from portal.roles import ROLES
from portal.setup import ensure_locales_and_groups

pytestmark = pytest.mark.django_db


def test_locales_groups_and_page_tree_root_are_recreated():
    Page.objects.all().delete()
    Group.objects.all().delete()
    ensure_locales_and_groups()
    root = Page.get_first_root_node()
    assert root is not None and root.depth == 1
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGE_CODES)
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)


def test_running_it_again_adds_nothing():
    ensure_locales_and_groups()
    counts = (Page.objects.count(), Locale.objects.count(), Group.objects.count())
    ensure_locales_and_groups()
    assert (Page.objects.count(), Locale.objects.count(), Group.objects.count()) == counts
