"""Every URL of the new-resident list, for every kind of user (see test_permission_table)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from backoffice.models import InflowImport, NewResident
from tests.backoffice.test_permission_table import USERS, expect

pytestmark = pytest.mark.django_db


@pytest.fixture
def inflow_import(demo):
    return InflowImport.objects.create(municipality=demo["heidebeek"], file_name="lijst.csv",
                                       problems=[{"row": 2, "column": "naam",
                                                  "problem": "ontbreekt"}])


@pytest.fixture
def resident(demo):
    return NewResident.objects.create(
        municipality=demo["heidebeek"], last_name="Demo-Rechten", first_name="Rana",
        birth_year=1990, registered_on=date(2026, 10, 1), nationality="SY",
    )


TABLE = [
    # A listed person's copy or erasure: coordinators of the record's municipality only.
    (("backoffice_resident_data_json", "resident", "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_resident_data_pdf", "resident", "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_resident_erase", "resident", "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_resident_erase", "resident", "post"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("new_residents:index", None, "get"), expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("new_residents:inspect", "resident", "get"),
     expect("login", "ok", "hidden", "ok", "denied", "ok")),
    (("backoffice_inflow_upload", None, "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_inflow_upload", None, "post"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("inflow_imports:index", None, "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_inflow_figures", None, "get"),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("letter_texts:index", None, "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("letter_texts:add", None, "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("bulk:letters", "resident", "get"), expect("login", "ok", "hidden", "ok", "denied", "ok")),
    (("bulk:outreach", "resident", "post"),
     expect("login", "ok", "hidden", "ok", "denied", "ok")),
    (("backoffice_inflow_start_case", "resident", "post"),
     expect("login", "ok", "hidden", "ok", "denied", "ok")),
    (("backoffice_inflow_problems", "import", "get"),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    # An upload token of nobody's: those who may import are sent back to the upload.
    (("backoffice_inflow_mapping", "token", "get"),
     expect("login", "denied", "denied", "upload", "denied", "upload")),
]


def outcome(response):
    if response.status_code == 200:
        return "ok"
    if response.status_code in (404, 403):
        return {404: "hidden", 403: "denied"}[response.status_code]
    if response.status_code == 400:
        return "ok"  # the form answered: an empty upload is refused with a message
    if response.status_code == 302:
        location = response["Location"]
        if "/admin/login/" in location:
            return "login"
        if re.search(r"/admin/cases/\d+/$|/admin/new_residents/", location):
            return "ok"
        if location.endswith("/admin/inflow/import/"):
            return "upload"
        return "denied"
    return f"status {response.status_code}"


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize(("route", "expected"), TABLE,
                         ids=[f"{row[0][0]}-{row[0][2]}" for row in TABLE])
def test_inflow_url_per_user(client, staff, resident, inflow_import, user, route, expected):
    name, needs, method = route
    if user != "anonymous":
        client.force_login(staff[user])
    if name.startswith("bulk:"):
        url = (f"/admin/bulk/backoffice/newresident/{name[5:]}/?id={resident.pk}"
               "&next=/admin/new_residents/")
    else:
        args = {"resident": [resident.pk], "import": [inflow_import.pk],
                "token": ["unknown-token"], None: []}[needs]
        url = reverse(name, args=args)
    data = {"outreach": "called"} if name == "bulk:outreach" else {}
    response = client.post(url, data) if method == "post" else client.get(url)
    assert outcome(response) == expected[user]
