"""Writing to a municipality that applies a fiche: the mail reaches its functional address,
which no page ever shows."""

import pytest
from django.core import mail

from practices.models import AppliedIn
from tests.practices.test_proposals import fiche_path, hidden_fields, make_fiche

pytestmark = pytest.mark.django_db

ADDRESS = "buddy@zonnedorp.example"


@pytest.fixture
def fiche(demo):
    return make_fiche(entries=[
        ("Zonnedorp", "limburg", ADDRESS),
        ("Stilleveld", "antwerpen", ""),
    ])


def entry(fiche, name="Zonnedorp"):
    return fiche.applied_in.get(municipality_name=name)


def contact_path(fiche, entry_id):
    return fiche_path(fiche, f"contact/{entry_id}/")


def contact_data(client, url, **changes):
    return {
        **hidden_fields(client, url),
        "name": "Koen Proef",
        "email": "koen.proef@example.org",
        "organisation": "Gemeente Verweg",
        "message": "Hoe vinden jullie genoeg buddy's?\nWij zoeken nog mensen.",
        "website": "",
        **changes,
    }


def test_the_question_goes_to_the_functional_address_with_reply_to_the_reader(client, fiche):
    url = contact_path(fiche, entry(fiche).pk)
    mail.outbox.clear()
    response = client.post(url, contact_data(client, url))
    assert response.status_code == 302
    assert response["Location"] == f"{url}?verstuurd=1"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ADDRESS]
    assert message.reply_to == ["koen.proef@example.org"]
    assert message.subject == f"Vraag over uw praktijk {fiche.title}"
    assert fiche.title in message.body
    assert f"http://testserver{fiche_path(fiche)}" in message.body
    assert "Wij zoeken nog mensen." in message.body and "Gemeente Verweg" in message.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "Uw vraag is verstuurd" in html and 'name="message"' not in html


def test_no_page_shows_the_functional_address(client, fiche):
    fiche_html = client.get(fiche_path(fiche)).content.decode()
    assert "Zonnedorp" in fiche_html
    assert contact_path(fiche, entry(fiche).pk) in fiche_html
    url = contact_path(fiche, entry(fiche).pk)
    for response in [client.get(url), client.get(f"{url}?verstuurd=1"),
                     client.post(url, contact_data(client, url, message=""))]:
        html = response.content.decode()
        assert "Zonnedorp" in html
        assert ADDRESS not in html and "zonnedorp.example" not in html
    assert ADDRESS not in fiche_html and "zonnedorp.example" not in fiche_html


def test_entries_of_other_fiches_or_without_address_are_not_found(client, fiche):
    other = make_fiche("Taalcafé in de bibliotheek",
                       entries=[("Verweg", "limburg", "taal@verweg.example")])
    foreign = other.applied_in.get()
    assert client.get(contact_path(fiche, foreign.pk)).status_code == 404
    assert client.get(contact_path(fiche, entry(fiche, "Stilleveld").pk)).status_code == 404
    missing = (AppliedIn.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    assert client.get(contact_path(fiche, missing)).status_code == 404
    url = contact_path(fiche, foreign.pk)
    mail.outbox.clear()
    assert client.post(url, contact_data(client, contact_path(other, foreign.pk))).status_code \
        == 404
    assert mail.outbox == []


def test_errors_answer_400_and_keep_the_values(client, fiche):
    url = contact_path(fiche, entry(fiche).pk)
    mail.outbox.clear()
    response = client.post(url, contact_data(client, url, email="geen adres", message=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert 'value="Koen Proef"' in html and 'value="Gemeente Verweg"' in html
    assert set(response.context["form"].errors) == {"email", "message"}
    assert mail.outbox == []


def test_robots_and_floods_get_no_mail_through(client, fiche, settings):
    url = contact_path(fiche, entry(fiche).pk)
    mail.outbox.clear()
    response = client.post(url, contact_data(client, url, website="https://spam.example"))
    assert response.status_code == 400 and mail.outbox == []
    settings.ONTHAAL_PRACTICE_FORM_RATE = "1/h"
    assert client.post(url, contact_data(client, url)).status_code == 302
    response = client.post(url, contact_data(client, url, name="Nog Eens"))
    assert response.status_code == 429
    assert 'value="Nog Eens"' in response.content.decode()
    assert len(mail.outbox) == 1


def test_sending_the_same_form_twice_sends_one_mail(client, fiche):
    url = contact_path(fiche, entry(fiche).pk)
    data = contact_data(client, url)
    mail.outbox.clear()
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert len(mail.outbox) == 1
