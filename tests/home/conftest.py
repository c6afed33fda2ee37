import pytest

from home.models import LifeDomainPage


@pytest.fixture
def heidebeek_client(client):
    client.defaults["HTTP_HOST"] = "heidebeek.localhost"
    return client


@pytest.fixture
def linderode_client(client):
    from django.test import Client

    return Client(HTTP_HOST="linderode.localhost")


def domain_page(municipality, domain, language="nl"):
    dutch = LifeDomainPage.objects.get(
        locale__language_code="nl", domain=domain, url_path__startswith=f"/{municipality.slug}/"
    )
    if language == "nl":
        return dutch
    return LifeDomainPage.objects.get(
        translation_key=dutch.translation_key, locale__language_code=language
    )
