"""Importing the monthly new-resident list: files, validation, duplicates, minimisation."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection

from backoffice.inflow.columns import guess_mapping
from backoffice.inflow.reading import UnreadableFile, read_table
from backoffice.inflow.services import import_residents
from backoffice.models import InflowImport, NewResident
from tests.backoffice.inflow_files import PEOPLE, csv_bytes, person, register_number, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(portal_factory):
    return portal_factory("proefdorp")


def run(town, name, data):
    table = read_table(name, data)
    return import_residents(municipality=town, table=table,
                            mapping=guess_mapping(table.headers), file_name=name)


@pytest.mark.parametrize(("name", "data"), [
    ("lijst.csv", csv_bytes(PEOPLE)),
    ("lijst.csv", csv_bytes(PEOPLE, delimiter=",", encoding="cp1252")),
    ("lijst.csv", b"\xef\xbb\xbf" + csv_bytes(PEOPLE)),
    ("lijst.xlsx", xlsx_bytes(PEOPLE)),
], ids=["utf8-semicolon", "cp1252-comma", "utf8-bom", "xlsx"])
def test_every_usual_file_form_imports_the_same_people(town, name, data):
    batch = run(town, name, data)
    assert (batch.rows_total, batch.rows_imported, batch.rows_invalid) == (8, 8, 0)
    zoe = NewResident.objects.get(municipality=town, first_name="Zoë")
    assert zoe.last_name == "Demo-Lefèvre"
    assert zoe.birth_date == date(1996, 8, 8)
    assert (zoe.birth_year, zoe.nationality, zoe.origin, zoe.sex) == (1996, "FR", "foreign", "F")
    olena = NewResident.objects.get(municipality=town, first_name="Olena")
    assert (olena.nationality, olena.box, olena.email) == ("UA", "2", "olena@example.org")
    taras = NewResident.objects.get(municipality=town, first_name="Taras")
    assert taras.nationality == "UA"  # from the ISO alpha-3 code
    jan = NewResident.objects.get(municipality=town, first_name="Jan")
    assert (jan.nationality, jan.origin) == ("BE", "belgian")
    amina = NewResident.objects.get(municipality=town, first_name="Amina")
    assert amina.phone == "+32470991234"
    assert amina.registered_on == date(2026, 10, 6)
    assert amina.source_import == batch


def test_the_same_list_twice_adds_nobody(town):
    run(town, "oktober.csv", csv_bytes(PEOPLE))
    again = run(town, "oktober.csv", csv_bytes(PEOPLE))
    assert (again.rows_imported, again.rows_duplicate) == (0, 8)
    assert NewResident.objects.filter(municipality=town).count() == 8


def test_an_overlapping_month_adds_only_the_new_people(town):
    run(town, "oktober.csv", csv_bytes(PEOPLE))
    newcomer = person("Demo-Nowak", "Ewa", date(1993, 4, 4), date(2026, 11, 3),
                      nationality="PL", street="Kerkstraat", number="9", serial=10)
    # The same people again, this time without register numbers: matched on name,
    # birth date and address.
    known = [{**row, "rijksregisternummer": ""} for row in PEOPLE[:4]]
    batch = run(town, "oktober-november.csv", csv_bytes([*known, newcomer]))
    assert (batch.rows_imported, batch.rows_duplicate) == (1, 4)
    assert NewResident.objects.filter(municipality=town).count() == 9


def test_a_person_twice_in_one_file_is_imported_once(town):
    batch = run(town, "dubbel.csv", csv_bytes([PEOPLE[0], PEOPLE[0], PEOPLE[1]]))
    assert (batch.rows_imported, batch.rows_duplicate) == (2, 1)


def test_other_municipalities_lists_do_not_count_as_duplicates(town, portal_factory):
    run(town, "oktober.csv", csv_bytes(PEOPLE))
    other = portal_factory("anderdorp")
    assert run(other, "oktober.csv", csv_bytes(PEOPLE)).rows_imported == 8


def test_broken_rows_are_reported_and_the_valid_ones_imported(town):
    broken = [
        {**PEOPLE[0], "geboortedatum": "31/02/1988"},
        {**PEOPLE[1], "rijksregisternummer": "85.07.02-003.00"},
        {**PEOPLE[2], "naam": ""},
        {**PEOPLE[3], "nationaliteit": "Atlantis"},
        {**PEOPLE[4], "telefoon": "12"},
        {**PEOPLE[5], "datum_inschrijving": "01/01/2099"},
        PEOPLE[6],
        PEOPLE[7],
    ]
    batch = run(town, "kapot.csv", csv_bytes(broken))
    assert (batch.rows_imported, batch.rows_invalid, batch.rows_total) == (2, 6, 8)
    report = {(p["row"], p["column"]) for p in batch.problems}
    assert report == {(2, "geboortedatum"), (3, "rijksregisternummer"), (4, "naam"),
                      (5, "nationaliteit"), (6, "telefoon"), (7, "datum_inschrijving")}
    # The report names no values: it can be passed around without personal data.
    text = str(batch.problems)
    for value in ("31/02/1988", "Atlantis", "85.07.02", "Demo-"):
        assert value not in text
    assert set(NewResident.objects.filter(municipality=town).values_list(
        "first_name", flat=True)) == {"Jan", "Kwame"}


def test_an_import_is_all_or_nothing(town, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(NewResident.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        run(town, "oktober.csv", csv_bytes(PEOPLE))
    assert not InflowImport.objects.filter(municipality=town).exists()
    assert not NewResident.objects.filter(municipality=town).exists()


def test_the_register_number_is_kept_only_as_a_keyed_hash(town):
    run(town, "oktober.csv", csv_bytes(PEOPLE))
    number = register_number(date(1988, 3, 14), 2)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM backoffice_newresident")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert number not in stored
    assert number[:6] + "-" not in stored
    amina = NewResident.objects.get(municipality=town, first_name="Amina")
    assert len(amina.register_hash) == 64 and amina.register_hash != number


def test_households_are_one_address_with_one_registration_date(town):
    run(town, "oktober.csv", csv_bytes(PEOPLE))
    keys = dict(NewResident.objects.filter(municipality=town).values_list(
        "first_name", "household_key"))
    assert keys["Amina"] == keys["Youssef"] == keys["Lina"]
    assert keys["Olena"] == keys["Taras"] != keys["Amina"]
    assert len({keys["Zoë"], keys["Jan"], keys["Kwame"], keys["Amina"]}) == 4


@pytest.mark.parametrize(("name", "data", "message"), [
    ("leeg.csv", b"", "leeg"),
    ("alleen-kop.csv", b"naam;voornaam\r\n", "geen rijen"),
    ("foto.xlsx", b"PK\x03\x04 not really a zip", "XLSX"),
    ("raar.csv", b"naam;voornaam\r\n\x81\x8d\x8f;x\r\n", "UTF-8"),
], ids=["empty", "header-only", "broken-xlsx", "unknown-encoding"])
def test_unreadable_files_say_why(name, data, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(name, data)


def test_the_command_imports_with_a_progress_bar_and_writes_the_report(town, tmp_path):
    source = tmp_path / "nieuwe-inwoners.csv"
    source.write_bytes(csv_bytes([*PEOPLE, {**PEOPLE[0], "voornaam": ""}]))
    report = tmp_path / "problemen.csv"
    out, err = io.StringIO(), io.StringIO()
    call_command("import_inflow", str(source), municipality="proefdorp", report=str(report),
                 stdout=out, stderr=err)
    assert "8 imported, 0 already known, 1 refused (of 9 rows)" in out.getvalue()
    assert "rows" in err.getvalue()  # the progress bar
    assert report.read_text(encoding="utf-8-sig").splitlines()[1] == "10;voornaam;ontbreekt"
