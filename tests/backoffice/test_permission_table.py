"""One table: every back-office URL, every kind of user, the answer each must get.

ok: the page (or, for an action, the redirect back to the case); login: sent to log in;
denied: refused (403, or Wagtail's redirect to the dashboard); hidden: 404, as if the
case did not exist, so that ids cannot be guessed.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "toeleider A", "toeleider B", "coordinator", "editor", "administrator",
         "dpo"]


def expect(anonymous, toeleider_a, toeleider_b, coordinator, editor, administrator,
           dpo="denied"):
    """The data protection officer sees only the access log: denied unless said."""
    return dict(zip(USERS, [anonymous, toeleider_a, toeleider_b, coordinator, editor,
                            administrator, dpo], strict=True))


# (name, needs the case of municipality A, method, data) -> expected per user
TABLE = [
    # A copy or the erasure of someone's data: coordinators of the case's municipality only.
    (("backoffice_case_data_json", True, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_case_data_pdf", True, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_case_erase", True, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_case_erase", True, "post", {}),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    # The access log: the data protection officer (and the administrators).
    (("backoffice_access_log", False, "get", None),
     expect("login", "denied", "denied", "denied", "denied", "ok", "ok")),
    (("backoffice_access_log_results", False, "get", None),
     expect("login", "denied", "denied", "denied", "denied", "ok", "ok")),
    (("appointment_requests:index", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("backoffice_case", True, "get", None),
     expect("login", "ok", "hidden", "ok", "hidden", "ok", "hidden")),
    (("backoffice_case_action:contact", True, "post",
      {"contact-method": "phone", "contact-reached": "no"}),
     expect("login", "ok", "hidden", "ok", "hidden", "ok", "hidden")),
    (("backoffice_case_action:status", True, "post", {"status-status": "contacted"}),
     expect("login", "ok", "hidden", "ok", "hidden", "ok", "hidden")),
    (("backoffice_desk_registration", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("slots:index", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("slots:add", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("need_categories:index", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("need_categories:add", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_bulk_assign", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("backoffice_follow_ups", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("backoffice_referrals", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("backoffice_follow_ups_results", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("backoffice_referrals_results", False, "get", None),
     expect("login", "ok", "ok", "ok", "denied", "ok")),
    (("wagtailadmin_home", False, "get", None),
     expect("login", "ok", "ok", "ok", "ok", "ok", "ok")),
    (("referral_sources:index", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    # Monitoring: coordinators (and administrators); counts only, but not for everyone.
    (("backoffice_monitoring", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_monitoring_export:csv", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_monitoring_export:xlsx", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_monitoring_export:pdf", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_monitoring_signals:csv", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
    (("backoffice_monitoring_signals:xlsx", False, "get", None),
     expect("login", "denied", "denied", "ok", "denied", "ok")),
]


def outcome(response, case_url):
    if response.status_code == 200:
        return "ok"
    if response.status_code == 404:
        return "hidden"
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302:
        location = response["Location"]
        if "/admin/login/" in location:
            return "login"
        if case_url and location.endswith(case_url):
            return "ok"
        return "denied"
    return f"status {response.status_code}"


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize(("route", "expected"), TABLE, ids=[row[0][0] for row in TABLE])
def test_back_office_url_per_user(client, staff, case_of, user, route, expected):
    name, needs_case, method, data = route
    case = case_of("heidebeek")
    if user != "anonymous":
        client.force_login(staff[user])
    name, _colon, argument = name.partition(":")
    if name.startswith("backoffice_") and argument:  # a case action or an export format
        url = reverse(name, args=[case.pk, argument] if needs_case else [argument])
    else:
        url = reverse(f"{name}:{argument}" if argument else name,
                      args=[case.pk] if needs_case else [])
    response = client.post(url, data) if method == "post" else client.get(url)
    case_url = reverse("backoffice_case", args=[case.pk])
    assert outcome(response, case_url) == expected[user]


def test_every_back_office_url_has_a_row():
    """A new back-office URL without a row in a permission table fails here."""
    from wagtail import hooks

    from tests.backoffice.test_inflow_permissions import TABLE as INFLOW_TABLE

    named = {
        pattern.name
        for register in hooks.get_hooks("register_admin_urls")
        if register.__module__.startswith("backoffice")
        for pattern in register()
    }
    covered = {row[0][0].split(":")[0] for row in [*TABLE, *INFLOW_TABLE]}
    assert named - covered == set()
