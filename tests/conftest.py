import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django_tasks import default_task_backend

from home.services import create_portal
from portal.models import Municipality
from tests.factories import MunicipalityFactory
from tests.task_queue import FlakyBackend

DEMO_SLUGS = ["heidebeek", "linderode"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo once per test run; each test then runs in a transaction rolled back.

    Tests that change the demo do so inside their own transaction, so every test sees
    the same demo installation.
    """
    with django_db_blocker.unblock():
        call_command("load_demo_data", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache (Redis in CI), so no page is served stale."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db):
    """The demo installation: Heidebeek (default site) and Linderode, with staff and portals."""
    return {m.slug: m for m in Municipality.objects.filter(slug__in=DEMO_SLUGS)}


@pytest.fixture
def portal_factory(db):
    """Make a municipality with its own portal on a host of its own."""

    def make(slug, *, is_default_site=False, **fields):
        municipality = MunicipalityFactory(slug=slug, name=slug.title(), **fields)
        create_portal(
            municipality, hostname=f"{slug}.localhost", is_default_site=is_default_site
        )
        return municipality

    return make


@pytest.fixture
def queue():
    """A task backend that keeps what is enqueued (and can wait), instead of running it."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        EMAIL_BACKEND="tests.task_queue.FlakyBackend",
    ):
        default_task_backend.clear()
        yield default_task_backend
    FlakyBackend.failures = 0
