"""Error pages: in the reader's language (from the address), with the municipality's contact
and a link home; the right status codes; the 500 page without a single query."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import get_resolver, path
from django.utils import translation
from django_ratelimit.exceptions import Ratelimited

from portal import errors, urls

# A URL configuration for the crash test: the portal's own 500 handler and a view that fails.
handler500 = urls.handler500


def crash(request):
    raise RuntimeError("a bug")


urlpatterns = i18n_patterns(path("kapot/", crash))

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "fr", "ar"]
HOST = "heidebeek.localhost"


def request_for(path):
    return RequestFactory().get(path, HTTP_HOST=HOST)


def assert_error_page(response, language, status, municipality=None):
    assert response.status_code == status
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f'href="/{language}/"' in html
    assert "<script" not in html and "<style" not in html and " style=" not in html
    if municipality is not None:
        assert municipality.name in html
        assert municipality.email in html
        assert municipality.phone in html
    return html


@pytest.fixture
def heidebeek(demo):
    return demo["heidebeek"]


def test_the_handlers_are_the_portals():
    resolver = get_resolver()
    assert resolver.resolve_error_handler(400) is errors.bad_request
    assert resolver.resolve_error_handler(403) is errors.permission_denied
    assert resolver.resolve_error_handler(404) is errors.page_not_found
    assert resolver.resolve_error_handler(500) is errors.server_error


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found(heidebeek, language):
    response = Client(HTTP_HOST=HOST).get(f"/{language}/bestaat-echt-niet/")
    html = assert_error_page(response, language, 404, heidebeek)
    heading = {"nl": "Pagina niet gevonden", "fr": "Page introuvable", "ar": "الصفحة غير موجودة"}
    assert f"<h1>{heading[language]}</h1>" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_request(heidebeek, language):
    request = request_for(f"/{language}/zoeken/")
    response = errors.bad_request(request, SuspiciousOperation())
    assert_error_page(response, language, 400, heidebeek)


def test_bad_request_from_an_unknown_host_has_no_municipality():
    # Django answers 400 to a host it does not serve; the page must not fail on it.
    response = Client(HTTP_HOST="elders.example").get("/fr/")
    html = assert_error_page(response, "fr", 400)
    assert "Gemeente" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_permission_denied(heidebeek, language):
    response = errors.permission_denied(request_for(f"/{language}/"), PermissionDenied())
    assert_error_page(response, language, 403, heidebeek)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rate_limited_is_429(heidebeek, language):
    # django-ratelimit's decorator raises Ratelimited, which reaches handler403.
    response = errors.permission_denied(request_for(f"/{language}/onthaalgesprek/"),
                                        Ratelimited())
    html = assert_error_page(response, language, 429, heidebeek)
    assert html != errors.permission_denied(request_for(f"/{language}/"),
                                            PermissionDenied()).content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_failure(heidebeek, language):
    client = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
    response = client.post(f"/{language}/onthaalgesprek/", {"name": "Iemand"})
    html = assert_error_page(response, language, 403, heidebeek)
    assert 'name="csrfmiddlewaretoken"' not in html


def test_csrf_failure_page_in_dutch_says_what_to_do(heidebeek):
    client = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
    html = client.post("/nl/onthaalgesprek/", {}).content.decode()
    assert "Het formulier is verlopen" in html
    assert "laad de pagina opnieuw" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_makes_no_query(language, django_assert_num_queries):
    request = request_for(f"/{language}/leven/werk/")
    with django_assert_num_queries(0):
        response = errors.server_error(request)
    html = assert_error_page(response, language, 500)
    assert "Gemeente" not in html


def test_server_error_shows_the_municipality_already_found(heidebeek, django_assert_num_queries):
    request = request_for("/ar/onthaalgesprek/")
    assert errors.contact_municipality(request) == heidebeek
    with django_assert_num_queries(0):
        response = errors.server_error(request)
    assert_error_page(response, "ar", 500, heidebeek)


@pytest.mark.urls(__name__)
def test_a_view_that_crashes_gets_the_500_page(heidebeek):
    client = Client(HTTP_HOST=HOST, raise_request_exception=False)
    response = client.get("/fr/kapot/")
    assert_error_page(response, "fr", 500)


def test_a_path_without_language_uses_the_active_language(heidebeek):
    # Outside the portal (/documents/, /admin/) LocaleMiddleware has chosen the language.
    with translation.override("fr"):
        response = errors.page_not_found(request_for("/documents/999999/"), Http404())
    assert_error_page(response, "fr", 404, heidebeek)
