import pytest
from django.core.management import call_command

from home.services import create_portal
from portal.models import Municipality
from tests.factories import MunicipalityFactory


@pytest.fixture
def demo(db):
    """The demo installation: Heidebeek (default site) and Linderode, with staff."""
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return {m.slug: m for m in Municipality.objects.all()}


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
