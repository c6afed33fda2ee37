import pytest
from django.core.exceptions import ValidationError

from portal.models import Municipality
from tests.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_nis_code_must_have_five_digits():
    municipality = MunicipalityFactory.build(nis_code="1234")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "nis_code" in error.value.message_dict


def test_postal_code_must_be_belgian():
    municipality = MunicipalityFactory.build(postal_code="12345")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "postal_code" in error.value.message_dict


def test_dutch_is_always_offered():
    municipality = MunicipalityFactory.build(languages=["fr", "en"])
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert error.value.message_dict["languages"] == [
        "Nederlands is altijd aangeboden: het is de taal van de gemeente."
    ]


def test_unknown_language_is_refused():
    municipality = MunicipalityFactory.build(languages=["nl", "xx"])
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "xx" in error.value.message_dict["languages"][0]


def test_languages_are_stored_in_portal_order():
    municipality = MunicipalityFactory(languages=["fa", "en", "nl", "ar"])
    municipality.refresh_from_db()
    assert municipality.languages == ["nl", "en", "ar", "fa"]
    assert municipality.offers("ar")
    assert not municipality.offers("tr")


def test_new_municipality_offers_all_twelve_languages():
    assert len(MunicipalityFactory().offered_languages) == 12


def test_staff_belong_to_one_or_more_municipalities():
    a, b, c = MunicipalityFactory(), MunicipalityFactory(), MunicipalityFactory()
    shared = UserFactory(municipalities=[a, b])
    only_c = UserFactory(municipalities=[c])
    assert set(Municipality.objects.for_user(shared)) == {a, b}
    assert list(Municipality.objects.for_user(only_c)) == [c]


def test_superuser_sees_every_municipality_and_anonymous_none():
    from django.contrib.auth.models import AnonymousUser

    a, b = MunicipalityFactory(), MunicipalityFactory()
    admin = UserFactory(is_superuser=True)
    assert set(Municipality.objects.for_user(admin)) == set(Municipality.objects.all())
    assert {a, b} <= set(Municipality.objects.for_user(admin))
    assert not Municipality.objects.for_user(AnonymousUser()).exists()


def test_inactive_user_sees_nothing():
    a = MunicipalityFactory()
    user = UserFactory(municipalities=[a], is_active=False)
    assert not Municipality.objects.for_user(user).exists()


def test_each_municipality_has_its_own_site_and_home_page(portal_factory):
    a = portal_factory("aalbeek")
    b = portal_factory("boskant")
    assert a.site != b.site
    assert a.site.root_page.specific.title == "Aalbeek"
    assert b.site.root_page.specific.title == "Boskant"
    assert a.site.hostname == "aalbeek.localhost"
