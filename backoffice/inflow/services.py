"""The rules of the new-resident list, shared by the admin views, bulk actions and commands."""

from dataclasses import dataclass, field
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from appointments.choices import Channel, Status
from appointments.models import Invitation
from backoffice.inflow.columns import LABELS
from backoffice.inflow.figures import shift_months
from backoffice.inflow.values import clean_record, folded, keyed_hash
from backoffice.models import InflowColumnMapping, InflowImport, NewResident
from backoffice.services import open_case

BATCH_SIZE = 1000


@dataclass
class RowCheck:
    number: int
    values: dict
    problems: list = field(default_factory=list)


def check_rows(table, mapping, limit=None):
    """Each row of the table, cleaned and checked (the first `limit` rows for a preview)."""
    for index, (number, record) in enumerate(table.records(mapping)):
        if limit is not None and index >= limit:
            return
        values, problems = clean_record(record)
        yield RowCheck(number, values, problems)


def remembered_mapping(municipality):
    saved = InflowColumnMapping.objects.filter(municipality=municipality).first()
    return saved.columns if saved else {}


def resident_from(values, municipality):
    """A NewResident with only what the work needs; the register number becomes a hash."""
    number = values.get("rijksregisternummer")
    street, house_number, box = values["straat"], values["huisnummer"], values["bus"]
    postcode, registered = values.get("postcode") or "", values["datum_inschrijving"]
    birth = values["geboortedatum"]
    return NewResident(
        municipality=municipality,
        register_hash=keyed_hash("register", number) if number else "",
        match_key=keyed_hash("person", folded(values["naam"]), folded(values["voornaam"]),
                             birth, folded(street), folded(house_number), postcode),
        household_key=keyed_hash("household", folded(street), folded(house_number),
                                 folded(box), postcode, registered) if street else "",
        last_name=values["naam"], first_name=values["voornaam"], birth_date=birth,
        birth_year=birth.year, street=street, house_number=house_number, box=box,
        postal_code=postcode, town=values["gemeente"], phone=values.get("telefoon") or "",
        email=values.get("email") or "", sex=values.get("geslacht") or "",
        nationality=values.get("nationaliteit") or "", origin=values.get("herkomst") or "",
        registered_on=registered,
    )


def import_residents(*, municipality, table, mapping, file_name, user=None, progress=None):
    """Import every valid row; report every invalid one; skip people already known.

    One transaction: either the whole import is written with its report, or nothing.
    A person is known when the hash of their register number, or (without one) their name,
    birth date and address, is already on this municipality's list or earlier in the file.
    """
    batch = InflowImport(municipality=municipality, imported_by=user,
                         file_name=file_name[:200], rows_total=len(table.rows))
    checks = []
    for check in check_rows(table, mapping):
        checks.append(check)
        if progress:
            progress(1)
    valid = [(check, resident_from(check.values, municipality))
             for check in checks if not check.problems]
    known_hashes, known_keys = _known(municipality, [r for _c, r in valid])
    residents = []
    for _check, resident in valid:
        if (resident.register_hash and resident.register_hash in known_hashes) or (
            resident.match_key in known_keys
        ):
            batch.rows_duplicate += 1
            continue
        known_hashes.add(resident.register_hash)
        known_keys.add(resident.match_key)
        residents.append(resident)
    batch.rows_imported = len(residents)
    batch.rows_invalid = sum(1 for check in checks if check.problems)
    batch.problems = [
        {"row": check.number, "column": mapping.get(name) or str(LABELS[name]), "problem": text}
        for check in checks for name, text in check.problems
    ]
    with transaction.atomic():
        batch.save()
        for resident in residents:
            resident.source_import = batch
        NewResident.objects.bulk_create(residents, batch_size=BATCH_SIZE)
        InflowColumnMapping.objects.update_or_create(
            municipality=municipality, defaults={"columns": mapping}
        )
    return batch


def _known(municipality, residents):
    """The register hashes and match keys among these residents already on the list."""
    hashes = {r.register_hash for r in residents if r.register_hash}
    keys = {r.match_key for r in residents}
    existing = NewResident.objects.filter(municipality=municipality)
    known_hashes, known_keys = set(), set()
    for chunk in _chunks(sorted(hashes)):
        known_hashes.update(existing.filter(register_hash__in=chunk)
                            .values_list("register_hash", flat=True))
    for chunk in _chunks(sorted(keys)):
        known_keys.update(existing.filter(match_key__in=chunk).values_list("match_key", flat=True))
    return known_hashes, known_keys


def _chunks(items, size=BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def set_outreach(residents, outreach):
    """Mark people invited, called, reached or not interested."""
    ids = [resident.pk for resident in residents]
    return NewResident.objects.filter(pk__in=ids, anonymised_at__isnull=True).update(
        outreach=outreach, outreach_changed_at=timezone.now()
    )


@transaction.atomic
def start_case(resident, user):
    """Turn a person on the list into a case, linked to their record. A person invited by
    letter counts under the letter channel, anyone else under phone."""
    resident = NewResident.objects.select_for_update().get(pk=resident.pk)
    if resident.case_id:
        return resident.case
    now = timezone.now()
    resident.case = open_case(
        municipality=resident.municipality, user=user,
        note=_("Uit de lijst van nieuwe inwoners"),
        fields={
            "status": Status.NEW,
            "channel": Channel.LETTER if resident.invitation_id else Channel.PHONE,
            "invitation": resident.invitation,
            "name": f"{resident.first_name} {resident.last_name}".strip(),
            "phone": resident.phone, "email": resident.email,
            "postal_code": resident.postal_code, "address": resident.address,
            "arrival_date": resident.registered_on, "birth_year": resident.birth_year,
            "sex": resident.sex, "nationality": resident.nationality,
            # Starting a case is what staff do once they have the person on the line.
            "created_at": now, "reached_at": now,
        },
    )
    if resident.outreach in (NewResident.Outreach.NEW, NewResident.Outreach.INVITED,
                             NewResident.Outreach.CALLED):
        resident.outreach = NewResident.Outreach.REACHED
        resident.outreach_changed_at = timezone.now()
    resident.save(update_fields=["case", "outreach", "outreach_changed_at"])
    return resident.case


def link_letter_request(request):
    """A request sent with a letter's code: link it to the letter's addressees."""
    if not request.invitation_id:
        return 0
    return NewResident.objects.filter(invitation_id=request.invitation_id,
                                      case__isnull=True).update(
        case=request, outreach=NewResident.Outreach.REACHED,
        outreach_changed_at=timezone.now(),
    )


def households(residents):
    """The people grouped as households: one address with one registration date. Someone
    without an address is a household of their own."""
    def key(resident):
        return resident.household_key or f"person-{resident.pk}"

    ordered = sorted(residents, key=lambda r: (key(r), r.birth_date or r.registered_on))
    return [list(members) for _key, members in groupby(ordered, key=key)]


def household_members(residents):
    """Everyone in the households of the given people (from this municipality's list)."""
    keys = {r.household_key for r in residents if r.household_key}
    members = {r.pk: r for r in residents}
    if keys:
        municipality_ids = {r.municipality_id for r in residents}
        for member in NewResident.objects.filter(
            household_key__in=keys, municipality_id__in=municipality_ids,
            anonymised_at__isnull=True,
        ):
            members.setdefault(member.pk, member)
    return households(members.values())


@transaction.atomic
def invite_households(groups, language):
    """One invitation (code) per household, linked to its members, who are marked invited."""
    invitations = []
    for members in groups:
        invitation = Invitation.objects.create(
            code=_free_code(), municipality=members[0].municipality, language=language
        )
        NewResident.objects.filter(pk__in=[m.pk for m in members]).update(invitation=invitation)
        NewResident.objects.filter(
            pk__in=[m.pk for m in members], outreach=NewResident.Outreach.NEW
        ).update(outreach=NewResident.Outreach.INVITED, outreach_changed_at=timezone.now())
        invitations.append(invitation)
    return invitations


def _free_code():
    while True:
        code = Invitation.new_code()
        if not Invitation.objects.filter(code=code).exists():
            return code


def anonymise_residents(residents):
    """Clear the personal fields and the hashes of these records; birth year, sex,
    nationality, origin and registration date stay for the figures. Wagtail's log named
    each record by the person's name: it now names it by its number. Returns the count."""
    blank = {name: ("" if name != "birth_date" else None) for name in NewResident.PERSONAL_FIELDS}
    ids = list(residents.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
    done = 0
    for chunk in _chunks(ids):
        with transaction.atomic():
            done += NewResident.objects.filter(pk__in=chunk).update(
                anonymised_at=timezone.now(), **blank)
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(NewResident),
                object_id__in=[str(pk) for pk in chunk],
            ).update(label=Concat(Value(_("nieuwe inwoner nr. ")), F("object_id")))
    return done


def anonymise_due_residents(today=None):
    """Anonymise the records past their municipality's retention period (counted from the
    registration date)."""
    from portal.models import Municipality

    today = today or timezone.localdate()
    done = 0
    for municipality in Municipality.objects.all():
        cutoff = shift_months(today, -municipality.resident_retention_months)
        done += anonymise_residents(NewResident.objects.filter(
            municipality=municipality, registered_on__lt=cutoff))
    return done


def own_records(case):
    """The records of the new-resident list that are this case's person: when one letter
    brought in a household, all its members are linked to the case, but a copy or an
    erasure concerns only the person who asked. Matched on the name (first and last name,
    in either order); a case with a single linked record is that person."""
    linked = list(case.new_residents.all())
    if len(linked) == 1:
        return linked
    wanted = " ".join(case.name.lower().split())
    return [record for record in linked
            if wanted and wanted in {" ".join(f"{a} {b}".lower().split()) for a, b in (
                (record.first_name, record.last_name), (record.last_name, record.first_name))}]


def problems_csv(batch, columns):
    """An import's problems (row, column, problem) as CSV bytes; never the values."""
    from backoffice.monitoring.exports import Table, csv_bytes

    return csv_bytes([Table("problems", "", columns, [
        [problem["row"], problem["column"], problem["problem"]] for problem in batch.problems])])

