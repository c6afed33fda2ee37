"""Every admin URL of the practice database, for every demo role: only moderators (and the
administrators) get in. Then what the taxonomy screens do with slugs and terms in use.

ok: the page, or for a sent form the redirect onwards; login: sent to log in; denied:
refused (403, or Wagtail's redirect to the dashboard)."""

import json
import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from practices.models import Category, PolicyDomain, Submission, TargetGroup
from practices.proposals import propose_adoption
from tests.practices.test_proposals import make_fiche

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "toeleider.heidebeek", "coordinator", "redacteur", "dpo", "moderator",
         "beheerder"]
MODERATORS_ONLY = dict(zip(USERS, ["login", "denied", "denied", "denied", "denied", "ok", "ok"],
                           strict=True))
TERMS = {
    "wagtailsnippets_practices_category": Category,
    "wagtailsnippets_practices_policydomain": PolicyDomain,
    "wagtailsnippets_practices_targetgroup": TargetGroup,
}

# (URL name, object it needs: None, "submission" or "term", method, data)
ROUTES = [
    ("practice_submissions:index", None, "get", None),
    ("practice_submissions:index_results", None, "get", None),
    ("practice_submissions:edit", "submission", "get", None),
    ("practice_submissions:edit", "submission", "post",
     {"decision": "decline", "moderator_note": "Dit is een andere aanpak."}),
    ("practice_submissions:history", "submission", "get", None),
    ("practice_submissions:history_results", "submission", "get", None),
    ("practice_submissions:usage", "submission", "get", None),
    ("practice_reviews:index", None, "get", None),
    ("practice_reviews:index_results", None, "get", None),
    *(
        route
        for namespace in TERMS
        for route in [
            (f"{namespace}:list", None, "get", None),
            (f"{namespace}:list_results", None, "get", None),
            (f"{namespace}:add", None, "get", None),
            (f"{namespace}:add", None, "post", {"name": "Nieuwe term", "slug": ""}),
            (f"{namespace}:edit", "term", "get", None),
            (f"{namespace}:edit", "term", "post", {"name": "Andere naam", "slug": "ander"}),
            (f"{namespace}:delete", "term", "get", None),
            (f"{namespace}:delete", "term", "post", {}),
            (f"{namespace}:copy", "term", "get", None),
            (f"{namespace}:usage", "term", "get", None),
            (f"{namespace}:history", "term", "get", None),
            (f"{namespace}:history_results", "term", "get", None),
        ]
    ),
]


@pytest.fixture
def fiche(demo):
    return make_fiche()


@pytest.fixture
def submission(fiche):
    proposal, _created = propose_adoption(fiche, {
        "sender_name": "Ilse Proef", "email": "integratie@zonnedorp.example",
        "municipality_name": "Zonnedorp", "province": "limburg",
        "description": "Zo doen wij het.", "partners": "", "website": "",
        "contact_email": "samenleven@zonnedorp.example",
    }, "nl", uuid.uuid4())
    return proposal


def user(username):
    return get_user_model().objects.get(username=username)


def outcome(response):
    if response.status_code == 200:
        return "ok"
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302:
        location = response["Location"]
        if "/admin/login/" in location:
            return "login"
        if location == reverse("wagtailadmin_home"):
            return "denied"
        return "ok"  # a sent form goes on to its list
    return f"status {response.status_code}"


@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize(("name", "needs", "method", "data"), ROUTES,
                         ids=[f"{route[0]}-{route[2]}" for route in ROUTES])
def test_practice_admin_url_per_role(client, submission, username, name, needs, method, data):
    if username != "anonymous":
        client.force_login(user(username))
    namespace = name.split(":")[0]
    args = []
    if needs == "submission":
        args = [submission.pk]
    elif needs == "term":
        args = [TERMS[namespace].objects.create(name="Proefterm", slug="proefterm").pk]
    url = reverse(name, args=args)
    response = client.post(url, data) if method == "post" else client.get(url)
    assert outcome(response) == MODERATORS_ONLY[username]
    if method == "post" and MODERATORS_ONLY[username] != "ok":
        # Nothing was changed by whoever was refused.
        assert Submission.objects.get(pk=submission.pk).status == Submission.Status.IN_REVIEW
        if needs == "term":
            assert TERMS[namespace].objects.filter(pk=args[0], name="Proefterm").exists()
        if name.endswith(":add"):
            assert not TERMS[namespace].objects.filter(name="Nieuwe term").exists()


def test_every_practice_admin_url_has_a_row():
    """A new admin URL of the practice database without a row in ROUTES fails here."""
    from wagtail.admin.viewsets import viewsets

    named = {
        f"{viewset.url_namespace}:{pattern.name}"
        for viewset in viewsets.viewsets
        if viewset.name
        and viewset.url_namespace.startswith(("practice_", "wagtailsnippets_practices_"))
        for pattern in viewset.get_urlpatterns()
    }
    assert {"practice_submissions:edit", "practice_reviews:index"} <= named
    assert named - {route[0] for route in ROUTES} == set()


def sidebar_labels(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
                      html, re.S).group(1)
    return json.dumps(json.loads(props), ensure_ascii=False)


@pytest.mark.parametrize(("username", "shown"), [
    ("moderator", True), ("beheerder", True), ("toeleider.heidebeek", False),
    ("coordinator", False), ("redacteur", False), ("dpo", False),
])
def test_the_menu_group_shows_to_moderators_only(client, demo, username, shown):
    client.force_login(user(username))
    labels = sidebar_labels(client)
    assert ("Praktijkendatabank" in labels) is shown
    assert ("Voorstellen" in labels) is shown
    assert ("Na te kijken fiches" in labels) is shown


def test_nobody_adds_or_deletes_a_submission_in_the_admin(client, submission):
    client.force_login(user("beheerder"))
    html = client.get(reverse("practice_submissions:index")).content.decode()
    assert "Zonnedorp" in html
    assert "/admin/practice_submissions/new/" not in html
    assert "/delete/" not in html
    assert client.get("/admin/practice_submissions/new/").status_code == 404
    assert client.post(f"/admin/practice_submissions/delete/{submission.pk}/").status_code == 404
    assert Submission.objects.filter(pk=submission.pk).exists()


# --- Taxonomies ------------------------------------------------------------------------


def test_an_empty_slug_is_made_from_the_name_and_slugs_stay_unique(client, demo):
    client.force_login(user("moderator"))
    url = reverse("wagtailsnippets_practices_targetgroup:add")
    response = client.post(url, {"name": "Jonge nieuwkomers (16-25)", "slug": ""})
    assert response.status_code == 302
    assert TargetGroup.objects.get(name="Jonge nieuwkomers (16-25)").slug == \
        "jonge-nieuwkomers-16-25"
    response = client.post(url, {"name": "Andere naam", "slug": "jonge-nieuwkomers-16-25"})
    assert response.status_code == 200
    assert not TargetGroup.objects.filter(name="Andere naam").exists()
    response = client.post(url, {"name": "Met een fout", "slug": "geen spaties!"})
    assert response.status_code == 200
    assert not TargetGroup.objects.filter(name="Met een fout").exists()


def test_the_list_searches_and_counts_the_fiches_of_each_term(client, fiche):
    client.force_login(user("moderator"))
    url = reverse("wagtailsnippets_practices_category:list")
    html = client.get(url, {"q": "Testcategorie"}).content.decode()
    assert "Testcategorie onthaal" in html
    response = client.get(url, {"q": "bestaat-niet-xyz"})
    assert "Testcategorie onthaal" not in response.content.decode()
    row = client.get(url, {"q": "Testcategorie"}).context["object_list"][0]
    assert row.fiche_count == 1


@pytest.mark.parametrize("kind", ["category", "policydomain"])
def test_a_term_in_use_is_not_deleted(client, fiche, kind):
    if kind == "category":
        term = fiche.category
    else:
        term = PolicyDomain.objects.create(name="Proefdomein", slug="proefdomein")
        fiche.policy_domains.add(term)
        fiche.save_revision().publish()
    client.force_login(user("moderator"))
    url = reverse(f"wagtailsnippets_practices_{kind}:delete", args=[term.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "staat op 1 fiche" in html and "Yes, delete" not in html and "Ja, verwijder" not in html
    response = client.post(url)
    assert response.status_code == 302
    assert type(term).objects.filter(pk=term.pk).exists()
    assert "kan niet verwijderd worden" in client.get(response["Location"]).content.decode()


def test_a_term_nobody_uses_is_deleted(client, demo):
    term = PolicyDomain.objects.create(name="Ongebruikt", slug="ongebruikt")
    client.force_login(user("moderator"))
    url = reverse("wagtailsnippets_practices_policydomain:delete", args=[term.pk])
    assert client.post(url).status_code == 302
    assert not PolicyDomain.objects.filter(pk=term.pk).exists()
