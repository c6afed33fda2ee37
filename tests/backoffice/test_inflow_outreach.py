"""The upload screens, the outreach list, letters with their QR code, figures and retention."""

import io
import re
from datetime import date

import pypdfium2
import pytest
import zxingcpp
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from appointments.choices import Channel
from appointments.models import AppointmentRequest, Invitation
from backoffice.inflow.columns import guess_mapping
from backoffice.inflow.figures import Period, inflow_figures
from backoffice.inflow.reading import read_table
from backoffice.inflow.services import anonymise_due_residents, import_residents
from backoffice.models import InflowColumnMapping, NewResident
from portal import roles
from tests.backoffice.inflow_files import PEOPLE, csv_bytes
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OTHER_HEADERS = ["INSZ", "Familienaam", "Voornamen", "Geb. datum", "Sexe", "Nat.", "Origine",
                 "Ingeschreven sinds", "Straatnaam", "Nr", "Busnr", "Postcode", "Woonplaats",
                 "GSM", "Mail"]


@pytest.fixture
def heidebeek(portal_factory):
    """A municipality of its own, so that the demo's new residents stay out of the counts."""
    return portal_factory("heidebeek-proef")


@pytest.fixture
def coordinator(heidebeek):
    return UserFactory(username="inflow-coordinator", role=roles.COORDINATOR,
                       municipalities=[heidebeek])


@pytest.fixture
def imported(heidebeek):
    table = read_table("oktober.csv", csv_bytes(PEOPLE))
    batch = import_residents(municipality=heidebeek, table=table,
                             mapping=guess_mapping(table.headers), file_name="oktober.csv")
    return {r.first_name: r for r in batch.residents.all()}


def upload(client, municipality, data, name="lijst.csv"):
    return client.post(reverse("backoffice_inflow_upload"), {
        "municipality": municipality.pk, "file": SimpleUploadedFile(name, data)})


def mapping_data(headers):
    fields = ["rijksregisternummer", "naam", "voornaam", "geboortedatum", "geslacht",
              "nationaliteit", "herkomst", "datum_inschrijving", "straat", "huisnummer", "bus",
              "postcode", "gemeente", "telefoon", "email"]
    return dict(zip(fields, headers, strict=True))


def test_other_headers_are_mapped_once_and_remembered(client, coordinator, heidebeek):
    client.force_login(coordinator)
    response = upload(client, heidebeek, csv_bytes(PEOPLE, headers=OTHER_HEADERS))
    mapping_url = response["Location"]
    assert re.search(r"/admin/inflow/import/[\w-]+/$", mapping_url)
    page = client.get(mapping_url)
    # Nothing is written before the user says so; the preview shows no rows yet, because
    # the required columns are not chosen.
    assert page.status_code == 200
    assert "Kies eerst de kolommen" in page.content.decode()
    assert not NewResident.objects.filter(last_name="Demo-Kovalenko").exists()

    # Importing without the required columns: an error per field, and the choice is kept.
    incomplete = {**mapping_data(OTHER_HEADERS), "naam": "", "import": "1"}
    refused = client.post(mapping_url, incomplete)
    assert refused.status_code == 400
    assert refused.context["form"].errors["naam"]
    assert 'value="Voornamen" selected' in refused.content.decode()

    # Preview with the full mapping, then import.
    preview = client.post(mapping_url, {**mapping_data(OTHER_HEADERS), "preview": "1"})
    assert [row.number for row in preview.context["preview"]][:3] == [2, 3, 4]
    assert not NewResident.objects.filter(last_name="Demo-Kovalenko").exists()
    done = client.post(mapping_url, {**mapping_data(OTHER_HEADERS), "import": "1"})
    assert done.status_code == 302
    assert NewResident.objects.filter(municipality=heidebeek, last_name="Demo-Kovalenko").exists()
    assert InflowColumnMapping.objects.get(municipality=heidebeek).columns["naam"] == \
        "Familienaam"
    # The rows no longer wait in the cache: the file is not kept.
    assert cache.get(f"inflow-upload:{mapping_url.rstrip('/').rsplit('/', 1)[1]}") is None

    # Next month: the same software's headers are recognised at once.
    second = client.get(upload(client, heidebeek, csv_bytes(PEOPLE[:2],
                                                            headers=OTHER_HEADERS))["Location"])
    assert second.context["form"].initial["naam"] == "Familienaam"
    assert len(second.context["preview"]) == 2


def test_an_unreadable_upload_is_refused_with_a_message(client, coordinator, heidebeek):
    client.force_login(coordinator)
    response = upload(client, heidebeek, b"\x89PNG\r\n\x1a\n\x00\x00", name="foto.png")
    assert response.status_code == 400
    assert "CSV- of XLSX-bestand" in response.content.decode()
    broken = upload(client, heidebeek, b"PK\x03\x04rest", name="lijst.xlsx")
    assert broken.status_code == 400
    assert "niet te lezen" in broken.content.decode()


def test_the_import_page_shows_the_report_and_offers_it_as_csv(client, coordinator, heidebeek):
    client.force_login(coordinator)
    rows = [*PEOPLE, {**PEOPLE[0], "geboortedatum": "morgen"}]
    location = upload(client, heidebeek, csv_bytes(rows))["Location"]
    done = client.post(location, {**mapping_data(list(mapping_data_keys())), "import": "1"})
    inspect = client.get(done["Location"])
    assert "geboortedatum" in inspect.content.decode()
    pk = int(done["Location"].rstrip("/").rsplit("/", 1)[1])
    report = client.get(reverse("backoffice_inflow_problems", args=[pk]))
    lines = report.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Rij;Kolom;Probleem"
    assert lines[1].startswith("10;geboortedatum;geen geldige datum")


def mapping_data_keys():
    return ["rijksregisternummer", "naam", "voornaam", "geboortedatum", "geslacht",
            "nationaliteit", "herkomst", "datum_inschrijving", "straat", "huisnummer", "bus",
            "postcode", "gemeente", "telefoon", "email"]


def test_an_expired_or_foreign_upload_token_starts_over(client, coordinator, heidebeek):
    client.force_login(coordinator)
    location = upload(client, heidebeek, csv_bytes(PEOPLE))["Location"]
    other = UserFactory(username="inflow-other", role=roles.COORDINATOR,
                        municipalities=[heidebeek])
    client.force_login(other)
    assert client.get(location)["Location"] == reverse("backoffice_inflow_upload")
    assert client.get("/admin/inflow/import/nonsense/")["Location"] == \
        reverse("backoffice_inflow_upload")


def test_the_outreach_list_filters(client, coordinator, imported):
    client.force_login(coordinator)
    url = reverse("new_residents:index")

    def names(**params):
        response = client.get(url, {"month": "2026-10", **params})
        assert response.status_code == 200
        by_pk = {r.pk: name for name, r in imported.items()}
        return {by_pk[r.pk] for r in response.context["object_list"] if r.pk in by_pk}

    assert names() == set(imported)
    assert names(nationality_group="eu") == {"Zoë"}
    assert names(nationality_group="belgian") == {"Jan"}
    assert names(age_band="0-17") == {"Lina", "Taras"}
    assert names(has_phone="true") == {"Amina", "Kwame"}
    assert names(household="together") == {"Amina", "Youssef", "Lina", "Olena", "Taras"}
    assert names(household="alone") == {"Zoë", "Jan", "Kwame"}
    assert names(month="nonsense") == set(imported)
    NewResident.objects.filter(pk=imported["Zoë"].pk).update(
        invitation=Invitation.objects.create(code="ZZZZ2345", municipality=imported["Zoë"]
                                             .municipality))
    assert names(invited="true") == {"Zoë"}
    assert names(invited="false") == set(imported) - {"Zoë"}


def test_one_click_turns_a_person_into_a_case(client, coordinator, imported):
    client.force_login(coordinator)
    response = client.post(reverse("backoffice_inflow_start_case", args=[imported["Kwame"].pk]))
    case = AppointmentRequest.objects.get(pk=int(response["Location"].split("/")[-2]))
    assert (case.channel, case.name, case.phone) == (Channel.PHONE, "Kwame Demo-Osei",
                                                     "+32470995566")
    imported["Kwame"].refresh_from_db()
    assert imported["Kwame"].case == case
    assert imported["Kwame"].outreach == NewResident.Outreach.REACHED
    # A second click opens the same case.
    again = client.post(reverse("backoffice_inflow_start_case", args=[imported["Kwame"].pk]))
    assert again["Location"] == response["Location"]


def bulk_url(action, residents):
    ids = "&".join(f"id={r.pk}" for r in residents)
    return f"/admin/bulk/backoffice/newresident/{action}/?{ids}"


def test_outreach_status_is_set_for_the_selected_people(client, coordinator, imported):
    client.force_login(coordinator)
    chosen = [imported["Zoë"], imported["Jan"]]
    page = client.get(bulk_url("outreach", chosen))
    assert page.status_code == 200
    client.post(bulk_url("outreach", chosen), {"outreach": "not_interested"})
    for resident in chosen:
        resident.refresh_from_db()
        assert resident.outreach == NewResident.Outreach.NOT_INTERESTED
    imported["Amina"].refresh_from_db()
    assert imported["Amina"].outreach == NewResident.Outreach.NEW


def pdf_pages(content):
    document = pypdfium2.PdfDocument(content)
    return [(page.get_textpage().get_text_range(), page.render(scale=3).to_pil())
            for page in document]


def test_letters_go_one_per_household_with_dutch_and_arabic_and_a_working_code(
    client, coordinator, imported, heidebeek
):
    client.force_login(coordinator)
    # Amina stands for her household of three; Olena and Taras are one household.
    chosen = [imported["Amina"], imported["Olena"], imported["Taras"], imported["Zoë"]]
    response = client.post(bulk_url("letters", chosen), {"language": "ar"})
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_pages(response.content)
    assert len(pages) == 3
    text, image = pages[[i for i, (t, _) in enumerate(pages) if "Amina" in t][0]]
    assert "Youssef" in text and "Lina" in text  # the whole household on one letter
    assert "Uitnodiging voor een onthaalgesprek" in text
    assert "Welkom in Heidebeek" in text
    assert "دعوة" in text  # the Arabic column, in logical order
    codes = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    assert len(codes) == 1
    match = re.fullmatch(r"http://heidebeek-proef\.localhost/u/([A-Z2-9]{8})/", codes[0])
    assert match, codes
    invitation = Invitation.objects.get(code=match.group(1))
    assert invitation.language == "ar"
    imported["Amina"].refresh_from_db()
    assert imported["Amina"].invitation == invitation
    assert imported["Amina"].outreach == NewResident.Outreach.INVITED
    assert invitation.display_code in text


def test_a_request_through_the_letters_code_is_linked_and_counted_as_letter(
    client, imported, heidebeek
):
    invitation = Invitation.objects.create(code="K7M2QX9P", municipality=heidebeek,
                                           language="ar")
    NewResident.objects.filter(pk__in=[imported["Amina"].pk, imported["Youssef"].pk]).update(
        invitation=invitation)
    short = client.get("/u/k7m2-qx9p/", HTTP_HOST="heidebeek-proef.localhost")
    assert short["Location"] == "/ar/onthaalgesprek/?uitnodiging=K7M2QX9P"
    form_page = client.get(short["Location"], HTTP_HOST="heidebeek-proef.localhost")
    form = form_page.context["form"]
    assert form.initial["invitation"] == "K7M2QX9P"
    data = {name: form[name].value() or "" for name in ("started", "submission_key",
                                                        "invitation")}
    data.update(name="Amina Demo-Haddad", phone="0470991234", contact_language="ar",
                filled_in_by="self", consent="on")
    from django.test import override_settings

    with override_settings(ONTHAAL_FORM_MIN_SECONDS=0):
        sent = client.post("/ar/onthaalgesprek/", data, HTTP_HOST="heidebeek-proef.localhost")
    assert sent.status_code == 302, sent.context["form"].errors
    request = AppointmentRequest.objects.get(invitation=invitation)
    assert request.channel == Channel.LETTER
    for name in ("Amina", "Youssef"):
        imported[name].refresh_from_db()
        assert imported[name].case == request
        assert imported[name].outreach == NewResident.Outreach.REACHED


def test_a_mistyped_code_still_leads_to_the_form(client, heidebeek):
    response = client.get("/u/XXXX/", HTTP_HOST="heidebeek-proef.localhost")
    assert response["Location"] == "/nl/onthaalgesprek/"


def test_inflow_figures(client, coordinator, heidebeek, imported):
    residents = NewResident.objects.filter(pk__in=[r.pk for r in imported.values()])
    with translation.override("nl"):
        figures = inflow_figures(residents, Period("month", 2026, 10))
    assert figures["total"] == 8
    assert (figures["non_belgian"], figures["non_belgian_share"]) == (7, 87.5)
    assert (figures["foreign_origin"], figures["origin_unknown"]) == (5, 2)
    groups = {str(label): count for label, count, _share in figures["groups"]}
    assert groups == {"Belgisch": 1, "Andere EU-landen": 1, "Buiten de EU": 6, "Onbekend": 0}
    top = [(str(name), count) for name, count, _share in figures["top_nationalities"]]
    assert top[:2] == [("Marokko", 3), ("Oekraïne", 2)]
    ages = {str(label): count for label, count, _share in figures["age_bands"]}
    assert [ages["0 tot 17 jaar"], ages["18 tot 25 jaar"], ages["26 tot 35 jaar"],
            ages["36 tot 50 jaar"]] == [2, 1, 1, 4]
    sexes = {str(label): count for label, count, _share in figures["sexes"]}
    assert (sexes["Man"], sexes["Vrouw"]) == (4, 4)
    assert inflow_figures(residents, Period("quarter", 2026, 4))["total"] == 8
    assert inflow_figures(residents, Period("month", 2026, 11))["total"] == 0

    client.force_login(coordinator)
    page = client.get(reverse("backoffice_inflow_figures"),
                      {"kind": "year", "year": "2026", "municipality": heidebeek.pk})
    assert page.status_code == 200
    assert page.context["figures"]["total"] >= 8
    wrong = client.get(reverse("backoffice_inflow_figures"), {"kind": "quarter", "year": "2026",
                                                              "part": "7"})
    assert wrong.status_code == 400
    assert "vier kwartalen" in wrong.content.decode()


def test_retention_removes_personal_fields_and_keeps_the_figures(heidebeek, imported):
    residents = NewResident.objects.filter(pk__in=[r.pk for r in imported.values()])
    before = inflow_figures(residents, Period("month", 2026, 10))
    heidebeek.resident_retention_months = 12
    heidebeek.save()
    # A month before the period ends nothing is due; after it, everyone registered then is.
    anonymise_due_residents(today=date(2027, 10, 6))
    assert not residents.filter(anonymised_at__isnull=False).exists()
    anonymise_due_residents(today=date(2027, 10, 23))
    assert residents.filter(anonymised_at__isnull=False).count() == 8
    amina = residents.get(pk=imported["Amina"].pk)
    for name in NewResident.PERSONAL_FIELDS:
        assert getattr(amina, name) in ("", None), name
    assert (amina.birth_year, amina.nationality, amina.sex) == (1988, "MA", "F")
    assert inflow_figures(residents, Period("month", 2026, 10)) == before


def test_the_retention_command_anonymises_what_is_due(heidebeek, imported):
    from django.core.management import call_command

    old = imported["Jan"]
    NewResident.objects.filter(pk=old.pk).update(registered_on=date(2020, 1, 6))
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "new-resident records anonymised" in out.getvalue()
    old.refresh_from_db()
    assert old.anonymised_at is not None and old.last_name == ""
    assert not NewResident.objects.filter(pk=imported["Amina"].pk,
                                          anonymised_at__isnull=False).exists()
