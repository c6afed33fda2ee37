"""Submitting a new fiche: validation, images, anti-abuse, and a draft nobody else sees."""

import io
import re
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape
from PIL import Image
from wagtail.images import get_image_model

from practices.models import Category, PolicyDomain, PracticePage, Submission, TargetGroup
from practices.submissions import link_token, submission_for_token

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/nl/praktijken/fiche-indienen/"


@pytest.fixture
def terms(db):
    return {
        "category": Category.objects.get_or_create(
            slug="test-onthaalbeleid", defaults={"name": "Test onthaalbeleid"})[0],
        "domains": [PolicyDomain.objects.get_or_create(
            slug=f"test-{slug}", defaults={"name": f"Test {slug}"})[0]
            for slug in ("taal", "wonen")],
        "group": TargetGroup.objects.get_or_create(
            slug="test-gezinnen", defaults={"name": "Test gezinnen"})[0],
    }


def image_file(kind="PNG", name=None, size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 90)).save(buffer, kind)
    extension = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}[kind]
    return SimpleUploadedFile(name or f"foto.{extension}", buffer.getvalue())


def hidden_fields(client, url=SUBMIT_URL):
    html = client.get(url).content.decode()
    return {
        "started": re.search(r'name="started" value="([^"]+)"', html).group(1),
        "submission_key": re.search(r'name="submission_key" value="([^"]+)"', html).group(1),
    }


def fiche_data(client, terms, **overrides):
    data = {
        **hidden_fields(client),
        "title": "Welkomstwandeling met buren",
        "intro": "Nieuwe inwoners wandelen met een buur door de wijk.",
        "category": str(terms["category"].pk),
        "policy_domains": [str(domain.pk) for domain in terms["domains"]],
        "target_groups": [str(terms["group"].pk)],
        "start_year": "2021",
        "goals": "Dat nieuwkomers de weg vinden.",
        "description": "Een vrijwilliger wandelt mee.\n\nOnderweg stellen ze de diensten voor.",
        "success_factors": "Vaste vrijwilligers.",
        "challenges": "Genoeg vrijwilligers vinden.",
        "results": "In 2023 wandelden 40 gezinnen mee.",
        "image_alt": "",
        "municipality_name": "Heidebeek",
        "province": "limburg",
        "how": "Elke eerste zaterdag van de maand.",
        "partners": "Buurtwerk, bibliotheek",
        "webpage": "https://www.heidebeek.example/wandeling",
        "contact_email": "wandeling@heidebeek.example",
        "sender_name": "Ilse Voorbeeld",
        "email": "onthaal@heidebeek.example",
        "confirm": "on",
    }
    data.update(overrides)
    return data


def submit(client, data, capture=None):
    """Post the form; with capture, run what follows the commit (the mails)."""
    if capture is None:
        return client.post(SUBMIT_URL, data)
    with capture(execute=True):
        return client.post(SUBMIT_URL, data)


def new_submissions(before):
    return Submission.objects.exclude(pk__in=before)


def snapshot():
    return list(Submission.objects.values_list("pk", flat=True))


def error_items(response):
    return re.findall(r'<li><a href="#[^"]+">([^<]+)</a></li>', response.content.decode())


def test_the_form_explains_moderation_and_has_every_part(client, terms):
    response = client.get(SUBMIT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "moderator" in html
    assert 'enctype="multipart/form-data"' in html
    for name in ["title", "intro", "category", "policy_domains", "target_groups", "start_year",
                 "goals", "description", "success_factors", "challenges", "results", "image",
                 "image_alt", "municipality_name", "province", "how", "partners",
                 "webpage", "contact_email", "sender_name", "email", "confirm",
                 "website", "started", "submission_key"]:
        assert f'name="{name}"' in html, name
    assert "Test onthaalbeleid" in html and "Vlaams-Brabant" in html
    assert "onthaal@gemeente.be" in html
    confirm = re.search(r'<input[^>]+name="confirm"[^>]*>', html).group(0)
    assert "checked" not in confirm


def test_a_valid_fiche_becomes_a_draft_in_review_with_a_private_link(
    client, terms, django_capture_on_commit_callbacks
):
    before = snapshot()
    response = submit(client, fiche_data(client, terms), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    submission = new_submissions(before).get()
    assert response["Location"].startswith("/nl/praktijken/inzending/")
    assert response["Location"].endswith("?verstuurd=1")
    assert submission_for_token(response["Location"].split("/")[-2]) == submission
    assert (submission.kind, submission.status, submission.language) == (
        Submission.Kind.NEW_PRACTICE, Submission.Status.IN_REVIEW, "nl")
    assert (submission.sender_name, submission.email, submission.municipality_name,
            submission.province) == ("Ilse Voorbeeld", "onthaal@heidebeek.example",
                                     "Heidebeek", "limburg")
    page = submission.page
    assert not page.live and page.has_unpublished_changes
    assert page.slug == "welkomstwandeling-met-buren"
    assert page.get_parent().specific_class.__name__ == "PracticeIndexPage"
    assert page.category == terms["category"] and page.start_year == 2021
    assert set(page.policy_domains.all()) == set(terms["domains"])
    assert list(page.target_groups.all()) == [terms["group"]]
    assert "\n\nOnderweg" in page.description
    entry = page.applied_in.get()
    assert (entry.municipality_name, entry.province, entry.description, entry.partners,
            entry.website, entry.contact_email) == (
        "Heidebeek", "limburg", "Elke eerste zaterdag van de maand.", "Buurtwerk, bibliotheek",
        "https://www.heidebeek.example/wandeling", "wandeling@heidebeek.example")
    assert page.get_latest_revision() is not None
    assert page.workflow_in_progress
    # The sender hears it arrived, with the link; the page says thank you.
    sender_mail = next(m for m in mail.outbox if m.to == ["onthaal@heidebeek.example"])
    assert "Welkomstwandeling met buren" in sender_mail.subject
    assert "http://testserver" + response["Location"].split("?")[0] in sender_mail.body
    status_page = client.get(response["Location"])
    assert status_page.status_code == 200
    assert "Bedankt" in status_page.content.decode()
    assert "Wacht op nalezing" in status_page.content.decode()


def test_the_draft_is_not_public(client, terms):
    response = submit(client, fiche_data(client, terms, title="Geheime nieuwe aanpak"))
    page = Submission.objects.get(
        submission_key=uuid.UUID(response.wsgi_request.POST["submission_key"])).page
    assert client.get(page.url).status_code == 404
    assert client.get(page.url + "wij-ook/").status_code == 404
    assert client.get(f"{page.url}contact/1/").status_code == 404
    assert "Geheime nieuwe aanpak" not in client.get("/nl/praktijken/").content.decode()
    assert "Geheime nieuwe aanpak" not in client.get(
        "/nl/praktijken/?q=Geheime").content.decode()


def test_the_same_title_gets_a_free_address(client, terms):
    first = submit(client, fiche_data(client, terms, title="Taalcafé"))
    second = submit(client, fiche_data(client, terms, title="Taalcafé"))
    third = submit(client, fiche_data(client, terms, title="Taalcafé"))
    slugs = [
        Submission.objects.get(
            submission_key=uuid.UUID(r.wsgi_request.POST["submission_key"])).page.slug
        for r in (first, second, third)
    ]
    assert slugs == ["taalcafe", "taalcafe-2", "taalcafe-3"]


def test_a_title_without_latin_letters_still_gets_an_address(client, terms):
    response = submit(client, fiche_data(client, terms, title="جلسة ترحيب"))
    assert response.status_code == 302
    page = PracticePage.objects.get(title="جلسة ترحيب")
    assert page.slug.startswith("fiche")


def test_required_fields_and_checks_give_dutch_errors_and_keep_every_value(client, terms):
    data = fiche_data(client, terms, title="", description="", sender_name="", email="geen-adres",
                      contact_email="", confirm="", province="nergens", start_year="1800",
                      webpage="niet een adres", intro="Mijn intro <b>vet</b>")
    del data["confirm"]
    before = snapshot()
    response = client.post(SUBMIT_URL, data)
    assert response.status_code == 400
    assert not new_submissions(before).exists()
    html = response.content.decode()
    errors = error_items(response)
    assert "Titel van de praktijk: Dit is een verplicht veld." in errors
    assert "Publicatie: Vink aan dat we de fiche mogen publiceren." in errors
    assert any(item.startswith("Uw functionele e-mailadres:") for item in errors)
    assert any(item.startswith("Provincie:") for item in errors)
    assert any(item.startswith("Gestart in") for item in errors)
    assert any(item.startswith("Website") for item in errors)
    # Values kept, and escaped rather than reflected as HTML.
    assert "Mijn intro &lt;b&gt;vet&lt;/b&gt;" in html
    assert 'value="geen-adres"' in html and 'value="1800"' in html
    assert re.search(rf'value="{terms["domains"][1].pk}"[^>]*checked', html)
    assert "Elke eerste zaterdag van de maand." in html
    assert 'class="error-summary' in html


def test_a_year_to_come_and_too_long_texts_are_refused(client, terms):
    response = client.post(SUBMIT_URL, fiche_data(client, terms, start_year="2999",
                                                 intro="x" * 401))
    assert response.status_code == 400
    errors = " ".join(error_items(response))
    assert "Dat jaar moet nog komen" in errors
    assert "Korte inleiding" in errors


def test_control_characters_are_dropped(client, terms):
    response = submit(client, fiche_data(client, terms, title="Taal\u202ecafé\x00 open"))
    assert response.status_code == 302
    assert PracticePage.objects.filter(title="Taalcafé open").exists()


def test_robots_filling_the_hidden_field_are_refused(client, terms):
    before = snapshot()
    response = client.post(SUBMIT_URL, fiche_data(client, terms, website="http://spam.example"))
    assert response.status_code == 400
    assert not new_submissions(before).exists()


@override_settings(ONTHAAL_FORM_MIN_SECONDS=60)
def test_a_form_sent_within_seconds_is_refused_and_can_then_be_sent(client, terms):
    before = snapshot()
    data = fiche_data(client, terms)
    response = client.post(SUBMIT_URL, data)
    assert response.status_code == 400
    assert "Dat ging erg snel" in response.content.decode()
    assert not new_submissions(before).exists()
    # The form came back with a renewed start time: sending it again works.
    data["started"] = re.search(r'name="started" value="([^"]+)"',
                                response.content.decode()).group(1)
    assert client.post(SUBMIT_URL, data).status_code == 302


def test_a_tampered_start_time_is_refused(client, terms):
    response = client.post(SUBMIT_URL, fiche_data(client, terms, started="1700000000"))
    assert response.status_code == 400
    assert "verlopen" in response.content.decode()


@override_settings(ONTHAAL_PRACTICE_FORM_RATE="2/h")
def test_too_many_forms_from_one_address_are_refused_with_values_kept(client, terms):
    for _number in range(2):
        assert client.post(SUBMIT_URL, fiche_data(client, terms)).status_code == 302
    before = snapshot()
    response = client.post(SUBMIT_URL, fiche_data(client, terms, title="Nog een fiche"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Wacht even" in html
    assert 'value="Nog een fiche"' in html
    assert not new_submissions(before).exists()


def test_sending_twice_creates_one_submission_and_one_page(client, terms):
    before = snapshot()
    pages = PracticePage.objects.count()
    data = fiche_data(client, terms)
    first = client.post(SUBMIT_URL, data)
    second = client.post(SUBMIT_URL, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert new_submissions(before).count() == 1
    assert PracticePage.objects.count() == pages + 1


def test_a_form_without_a_submission_key_is_refused(client, terms):
    data = fiche_data(client, terms, submission_key="geen-sleutel")
    assert client.post(SUBMIT_URL, data).status_code == 400


def test_odd_input_never_causes_an_error_page(client, terms):
    odd = fiche_data(client, terms, category="999999", policy_domains=["x"], target_groups=["-1"],
                     province="", start_year="abc", image="niet een bestand",
                     kept_image="vervalst", remove_image="on")
    response = client.post(SUBMIT_URL, odd)
    assert response.status_code == 400
    response = client.post(SUBMIT_URL, {"title": ["a", "b"], "confirm": "on"})
    assert response.status_code == 400


def test_other_methods_are_not_allowed(client):
    assert client.head(SUBMIT_URL).status_code == 200
    assert client.put(SUBMIT_URL).status_code == 405
    assert client.delete("/nl/praktijken/inzending/abc/").status_code == 405


def test_the_form_works_in_another_language(client, terms):
    data = fiche_data(client, terms)
    response = client.post("/fr/praktijken/fiche-indienen/", data)
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/praktijken/inzending/")
    submission = Submission.objects.get(submission_key=uuid.UUID(data["submission_key"]))
    assert submission.language == "fr"


# Images


def submitted_page(response):
    return Submission.objects.get(
        submission_key=uuid.UUID(response.wsgi_request.POST["submission_key"])).page


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "WEBP"])
def test_a_jpeg_png_or_webp_image_is_stored_under_a_generated_name(client, terms, kind):
    data = fiche_data(client, terms, image=image_file(kind), image_alt="Buren op wandel")
    response = client.post(SUBMIT_URL, data)
    assert response.status_code == 302
    image = submitted_page(response).image
    assert image is not None
    assert image.collection.name == "Inzendingen"
    assert image.description == "Buren op wandel"
    assert (image.width, image.height) == (40, 30)
    extension = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}[kind]
    assert re.fullmatch(rf"praktijk-[0-9a-f]{{16}}\.{extension}",
                        image.file.name.rsplit("/", 1)[-1])


def test_a_hostile_file_name_does_not_matter(client, terms):
    name = "../../x.php.jpg"
    data = fiche_data(client, terms, image=image_file("JPEG", name=name), image_alt="Een foto")
    response = client.post(SUBMIT_URL, data)
    assert response.status_code == 302
    stored = submitted_page(response).image.file.name
    assert ".." not in stored and "php" not in stored
    assert re.fullmatch(r"original_images/praktijk-[0-9a-f]{16}\.jpg", stored)
    long_name = "ü" * 300 + ".png"
    response = client.post(SUBMIT_URL, fiche_data(
        client, terms, image=image_file("PNG", name=long_name), image_alt="Een foto"))
    assert response.status_code == 302
    assert "ü" not in submitted_page(response).image.file.name


def refused_image(client, terms, upload):
    before = get_image_model().objects.count()
    response = client.post(SUBMIT_URL, fiche_data(client, terms, image=upload,
                                                 image_alt="Een foto"))
    assert response.status_code == 400
    assert get_image_model().objects.count() == before
    return " ".join(error_items(response))


def test_a_text_file_named_png_is_refused(client, terms):
    upload = SimpleUploadedFile("foto.png", b"Dit is geen afbeelding, enkel tekst.")
    assert "geen bruikbare afbeelding" in refused_image(client, terms, upload)


def test_svg_html_and_programs_are_refused(client, terms):
    uploads = [
        SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>'
                           b"alert(1)</script></svg>", content_type="image/svg+xml"),
        SimpleUploadedFile("foto.jpg", b"<html><script>alert(1)</script></html>"),
        SimpleUploadedFile("foto.png", b"MZ\x90\x00" + b"\x00" * 200),
    ]
    for upload in uploads:
        assert "geen bruikbare afbeelding" in refused_image(client, terms, upload)


def test_other_image_formats_and_broken_images_are_refused(client, terms):
    assert "geen bruikbare afbeelding" in refused_image(client, terms, image_file("GIF"))
    whole = image_file("PNG", size=(300, 300)).read()
    broken = SimpleUploadedFile("foto.png", whole[: len(whole) // 2])
    assert "geen bruikbare afbeelding" in refused_image(client, terms, broken)


def test_too_large_a_file_is_refused(client, terms, settings):
    settings.ONTHAAL_PRACTICE_IMAGE_MAX_BYTES = 200
    assert "te groot" in refused_image(client, terms, image_file("PNG", size=(200, 200)))


def test_too_many_pixels_is_refused(client, terms):
    assert "te veel pixels" in refused_image(client, terms, image_file("PNG", size=(6001, 2)))


def test_a_decompression_bomb_header_is_refused(client, terms):
    # A tiny PNG whose header claims 60000 by 60000 pixels.
    import struct
    import zlib

    def chunk(kind, content):
        crc = zlib.crc32(kind + content) & 0xFFFFFFFF
        return struct.pack(">I", len(content)) + kind + content + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    bomb = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b""))
    assert "te veel pixels" in refused_image(client, terms, SimpleUploadedFile("x.png", bomb))


def test_an_image_needs_a_description(client, terms):
    response = client.post(SUBMIT_URL, fiche_data(client, terms, image=image_file("PNG")))
    assert response.status_code == 400
    assert "Beschrijf kort wat er op de afbeelding staat" in " ".join(error_items(response))


def test_a_valid_image_is_kept_when_the_form_has_errors(client, terms):
    data = fiche_data(client, terms, title="", image=image_file("PNG", name="wandeling.png"),
                      image_alt="Buren op wandel")
    response = client.post(SUBMIT_URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert escape("Uw afbeelding wandeling.png is bewaard") in html
    kept = re.search(r'name="kept_image" value="([^"]+)"', html).group(1)
    # Sent again without choosing the file again: the fiche gets the kept image.
    data = fiche_data(client, terms, title="Met bewaarde afbeelding", kept_image=kept,
                      image_alt="Buren op wandel")
    response = client.post(SUBMIT_URL, data)
    assert response.status_code == 302
    image = submitted_page(response).image
    assert image is not None and image.width == 40


def test_the_name_of_a_kept_image_is_shown_as_text(client, terms):
    upload = image_file("PNG", name="<img src=x onerror=alert(1)>.png")
    data = fiche_data(client, terms, title="", image=upload, image_alt="Een foto")
    html = client.post(SUBMIT_URL, data).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.png is bewaard" in html


def test_a_kept_image_can_be_removed(client, terms):
    data = fiche_data(client, terms, title="", image=image_file("PNG"), image_alt="Een foto")
    html = client.post(SUBMIT_URL, data).content.decode()
    assert 'name="remove_image"' in html
    kept = re.search(r'name="kept_image" value="([^"]+)"', html).group(1)
    data = fiche_data(client, terms, title="Zonder afbeelding", kept_image=kept,
                      remove_image="on")
    response = client.post(SUBMIT_URL, data)
    assert response.status_code == 302
    assert submitted_page(response).image is None


def test_an_expired_or_tampered_kept_image_is_asked_again(client, terms):
    data = fiche_data(client, terms, title="", image=image_file("PNG"), image_alt="Een foto")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        html = client.post(SUBMIT_URL, data).content.decode()
        kept = re.search(r'name="kept_image" value="([^"]+)"', html).group(1)
        traveller.shift(timedelta(minutes=61))
        for token in [kept, "abc:def:ghi"]:
            data = fiche_data(client, terms, kept_image=token, image_alt="Een foto")
            response = client.post(SUBMIT_URL, data)
            assert response.status_code == 400
            assert "Kies ze opnieuw" in " ".join(error_items(response))
            assert not re.search(r'name="kept_image" value="[^"]', response.content.decode())


# The private link


def test_a_tampered_or_unknown_token_shows_that_the_link_does_not_work(client, terms):
    response = client.post(SUBMIT_URL, fiche_data(client, terms))
    token = response["Location"].split("/")[-2]
    for bad in [token[:-2] + "xx", "abc", token.split(":")[0], "%00"]:
        page = client.get(f"/nl/praktijken/inzending/{bad}/")
        assert page.status_code == 404
        assert "Deze link werkt niet" in page.content.decode()
    assert client.post("/nl/praktijken/inzending/abc/", {}).status_code == 404


def test_a_token_of_a_renewed_access_key_no_longer_works(client, terms):
    response = client.post(SUBMIT_URL, fiche_data(client, terms))
    submission = submitted_page(response).submissions.get()
    token = link_token(submission)
    submission.access_key = "nieuw-" + submission.access_key
    submission.save()
    assert client.get(f"/nl/praktijken/inzending/{token}/").status_code == 404
