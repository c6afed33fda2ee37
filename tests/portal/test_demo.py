import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage
from portal.models import Municipality

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def counts():
    return (
        Municipality.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_loads_two_fictional_municipalities_of_one_cluster():
    output = load()
    municipalities = list(Municipality.objects.order_by("slug"))
    assert [m.name for m in municipalities] == ["Heidebeek", "Linderode"]
    for municipality in municipalities:
        assert municipality.email.endswith(".example")
        assert municipality.nis_code.startswith("99")  # no real NIS code starts with 99
        assert isinstance(municipality.site.root_page.specific, HomePage)
    assert "fictief" in output


def test_demo_prints_the_logins_and_addresses():
    output = load()
    assert "onthaal-demo" in output
    for username in ("beheerder", "coordinator", "toeleider.heidebeek", "redacteur"):
        assert username in output
    assert "http://127.0.0.1:8000/" in output
    assert "http://linderode.localhost:8000/" in output


def test_demo_twice_does_not_duplicate_anything():
    load()
    before = counts()
    load()
    assert counts() == before
    assert Site.objects.filter(is_default_site=True).count() == 1


def test_demo_users_only_use_example_addresses():
    load()
    for email in get_user_model().objects.values_list("email", flat=True):
        assert email.endswith(".example")


def test_shared_toeleider_belongs_to_both_municipalities():
    load()
    user = get_user_model().objects.get(username="toeleider.cluster")
    assert set(user.municipalities.values_list("slug", flat=True)) == {"heidebeek", "linderode"}
    assert user.check_password("onthaal-demo")
