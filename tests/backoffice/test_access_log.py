"""The access log: who viewed, exported, erased or printed whose data, read by the DPO of the
same municipalities."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice.models import NewResident, PersonalDataAccess
from portal import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOG = reverse("backoffice_access_log")


@pytest.fixture
def worked_on(client, staff, case_of):
    """A coordinator opened a case and exported its data."""
    case = case_of()
    client.force_login(staff["coordinator"])
    assert client.get(reverse("backoffice_case", args=[case.pk])).status_code == 200
    assert client.get(reverse("backoffice_case_data_json", args=[case.pk])).status_code == 200
    client.logout()
    return case


def test_a_coordinators_view_and_export_are_in_the_dpos_log(client, staff, worked_on):
    client.force_login(staff["dpo"])
    response = client.get(LOG)
    assert response.status_code == 200
    html = response.content.decode()
    assert worked_on.reference in html
    assert "bo-coordinator" in html
    assert "Bekeken" in html and "Geëxporteerd (inzageverzoek)" in html
    assert "Karim" not in html  # the log names a case, never the person
    # The DPO cannot open cases: the reference is not a link for them.
    assert reverse("backoffice_case", args=[worked_on.pk]) not in html

    client.force_login(staff["administrator"])
    html = client.get(LOG).content.decode()
    assert reverse("backoffice_case", args=[worked_on.pk]) in html


def test_a_dpo_of_another_municipality_does_not_see_them(client, demo, worked_on):
    other = UserFactory(username="bo-dpo-linderode", role=roles.DPO,
                        municipalities=[demo["linderode"]])
    client.force_login(other)
    response = client.get(LOG)
    assert response.status_code == 200
    assert worked_on.reference not in response.content.decode()


def test_the_log_filters_by_action_staff_member_and_period(client, staff, worked_on):
    client.force_login(staff["toeleider A"])
    client.get(reverse("backoffice_case", args=[worked_on.pk]))
    client.force_login(staff["dpo"])

    exports = client.get(LOG, {"action": "export"}).context["object_list"]
    assert {access.action for access in exports} == {PersonalDataAccess.Action.EXPORT}
    by_toeleider = client.get(LOG, {"user": staff["toeleider A"].pk}).context["object_list"]
    assert [access.user for access in by_toeleider] == [staff["toeleider A"]]
    long_ago = client.get(LOG, {"at_from": "2001-01-01", "at_to": "2001-12-31"})
    assert list(long_ago.context["object_list"]) == []
    today = timezone.localdate().isoformat()
    assert len(client.get(LOG, {"at_from": today, "at_to": today}).context["object_list"]) == 3
    municipality = client.get(LOG, {"municipality": worked_on.municipality_id})
    assert len(municipality.context["object_list"]) == 3


def test_the_log_exports_as_csv_and_xlsx(client, staff, worked_on):
    client.force_login(staff["dpo"])
    csv = client.get(LOG, {"export": "csv"})
    assert csv.status_code == 200
    content = b"".join(csv.streaming_content).decode()
    assert worked_on.reference in content
    assert "Geëxporteerd (inzageverzoek)" in content and "bo-coordinator" in content
    xlsx = client.get(LOG, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_resident_record_views_and_letters_are_in_the_log(client, staff, demo):
    heidebeek = demo["heidebeek"]
    household = [
        NewResident.objects.create(
            municipality=heidebeek, last_name="Demo-Logboek", first_name=first_name,
            birth_year=1990, registered_on=date(2026, 10, 1), street="Logstraat",
            house_number="1", postal_code="3990", town="Heidebeek", household_key="h" * 64)
        for first_name in ("Lea", "Omar")
    ]
    client.force_login(staff["toeleider A"])
    inspect = client.get(reverse("new_residents:inspect", args=[household[0].pk]))
    assert inspect.status_code == 200
    letters = client.post(f"/admin/bulk/backoffice/newresident/letters/?id={household[0].pk}",
                          {"language": "nl"})
    assert letters["Content-Type"] == "application/pdf"

    logged = PersonalDataAccess.objects.filter(resident__in=household, user=staff["toeleider A"])
    assert sorted(logged.values_list("resident__first_name", "action")) == [
        ("Lea", "letter"), ("Lea", "view"), ("Omar", "letter")]

    client.force_login(staff["dpo"])
    html = client.get(LOG).content.decode()
    assert f"nieuwe inwoner nr. {household[0].pk}" in html
    assert f"nieuwe inwoner nr. {household[1].pk}" in html
    assert "Brief gemaakt" in html and "Demo-Logboek" not in html


def test_the_menu_shows_the_log_to_those_who_may_read_it(client, staff):
    client.force_login(staff["dpo"])
    assert LOG in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff["coordinator"])
    assert LOG not in client.get(reverse("wagtailadmin_home")).content.decode()
