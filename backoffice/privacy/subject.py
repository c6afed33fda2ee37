"""Everything held on one person, for their right of access: as JSON and as a readable PDF.

Both are made from one collection, so they always say the same. Every field of every
record is listed with its label; a field with a fixed list shows the label and the code.
Keys and hashes are named, never shown: a hash cannot be turned back into what it hides.
"""

from datetime import date, datetime
from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries.fields import Country

from appointments.models import AppointmentRequest, Invitation
from backoffice.inflow.services import own_records
from backoffice.models import NewResident, PersonalDataAccess
from portal.fields import CodeListField

# Fields that are there but whose value is never shown, and why.
HIDDEN = {
    "access_key": gettext_lazy("Geheime sleutel van de persoonlijke link"),
    "register_hash": gettext_lazy("Herkenningssleutel uit het rijksregisternummer"),
    "match_key": gettext_lazy("Herkenningssleutel uit naam, geboortedatum en adres"),
    "household_key": gettext_lazy("Gezinssleutel uit adres en inschrijvingsdatum"),
}
ONE_WAY_HASHES = {"register_hash", "match_key", "household_key"}

# Labels for fields that have none of their own.
LABELS = {
    "id": gettext_lazy("intern nummer"),
    "at": gettext_lazy("wanneer"),
    "submission_key": gettext_lazy("kenmerk van het verstuurde formulier"),
    "confirmation_sent_at": gettext_lazy("bevestiging verstuurd op"),
    "staff_notified_at": gettext_lazy("toeleiders verwittigd op"),
    "created_at": gettext_lazy("aangemaakt op"),
    "updated_at": gettext_lazy("gewijzigd op"),
    "kind": gettext_lazy("wat"),
    "actor": gettext_lazy("door"),
    "note": gettext_lazy("notitie"),
    "status": gettext_lazy("status"),
}


def person_data(case):
    """A JSON-serialisable dict of everything held on the person of this case."""
    return _json_only(_collect(case))


def person_pdf(case):
    """The same as person_data, as a PDF with Dutch headings. Returns bytes."""
    return _pdf("backoffice/privacy/person.html", _collect(case), case.reference)


def resident_data(resident):
    """A JSON-serialisable dict of everything held on one record of the new-resident list,
    for a person who may never have had a case."""
    return _json_only(_collect_resident(resident))


def resident_pdf(resident):
    """The same as resident_data, as a PDF with Dutch headings. Returns bytes."""
    with translation.override("nl"):
        reference = capfirst(_("nieuwe inwoner nr. %(pk)s") % {"pk": resident.pk})
    return _pdf("backoffice/privacy/resident.html", _collect_resident(resident), reference)


def _pdf(template, data, reference):
    """`reference` names the record, never the person, on every page."""
    from weasyprint import HTML

    with translation.override("nl"):
        html = render_to_string(template, {"data": data, "reference": reference})
    return HTML(string=html, base_url=settings.BASE_DIR.as_uri()).write_pdf()


def _collect(case):
    with translation.override("nl"):
        case = AppointmentRequest.objects.select_related(
            "municipality", "slot", "assigned_to", "referral_source", "invitation"
        ).get(pk=case.pk)
        residents = own_records(case)
        return {
            "about": _about(case.municipality, _(
                "Dit overzicht bevat alle gegevens die de gemeente %(municipality)s over u "
                "bewaart voor het onthaal van nieuwe inwoners: uw aanvraag, de contacten en "
                "gesprekken, de tijdlijn, uw gegevens op de lijst van nieuwe inwoners en wie uw "
                "gegevens inkeek. Herkenningssleutels zijn alleen vermeld: ze zijn versleuteld "
                "in één richting en verraden het oorspronkelijke gegeven niet."
            )),
            "case": {"reference": case.reference, "fields": _rows(case)},
            "answers": _answers(case),
            "contact_attempts": [
                _rows(attempt, exclude={"id", "request"})
                for attempt in case.contact_attempts.select_related("by").order_by("at")
            ],
            "conversations": [
                _conversation(conversation)
                for conversation in case.conversations.select_related("by").prefetch_related(
                    "needs", "referrals__partner").order_by("held_on", "pk")
            ],
            "timeline": [_rows(event, exclude={"id", "request"})
                         for event in case.events.select_related("actor")],
            "new_residents": [_rows(resident, exclude={"case"}) for resident in residents],
            "invitation_codes": _invitation_codes([case.invitation, *(
                resident.invitation for resident in residents)]),
            "access_log": _access_log(Q(request=case) | Q(resident__in=residents)),
        }


def _collect_resident(resident):
    with translation.override("nl"):
        resident = NewResident.objects.select_related(
            "municipality", "source_import", "invitation", "case"
        ).get(pk=resident.pk)
        return {
            "about": _about(resident.municipality, _(
                "Dit overzicht bevat alle gegevens die de gemeente %(municipality)s over u "
                "bewaart op de lijst van nieuwe inwoners, en wie die gegevens inkeek. "
                "Herkenningssleutels zijn alleen vermeld: ze zijn versleuteld in één richting "
                "en verraden het oorspronkelijke gegeven niet."
            )),
            "resident": {"number": resident.pk, "fields": _rows(resident, exclude={"case"})},
            "case": _linked_case(resident.case),
            "invitation_codes": _invitation_codes([resident.invitation]),
            "access_log": _access_log(Q(resident=resident)),
        }


def _about(municipality, explanation):
    now = timezone.now()
    return {
        "title": _("Uw gegevens bij het onthaal van nieuwe inwoners"),
        "municipality": municipality.name,
        "contact": f"{municipality.email} · {municipality.phone}",
        "made_at": _plain(now),
        "made_at_shown": _shown(now),
        "explanation": explanation % {"municipality": municipality.name},
    }


def _linked_case(case):
    """The reference of the record's case: that case has a copy of its own."""
    if case is None:
        return None
    return {
        "reference": case.reference,
        "note": _("Over dit dossier bewaart de gemeente meer gegevens. Daarvan bestaat een "
                  "eigen kopie: vraag ernaar met het kenmerk %(reference)s.")
        % {"reference": case.reference},
    }


def _access_log(about):
    """Who looked at, exported or erased these data, oldest first."""
    accesses = PersonalDataAccess.objects.filter(about).select_related(
        "user", "municipality", "request").order_by("at")
    return [
        [*_rows(access, exclude={"id", "request", "resident"}),
         _row("subject", _("over"), str(access.subject))]
        for access in accesses
    ]


def _answers(case):
    from backoffice.views import request_answers

    return [_row("", str(label), str(value)) for label, value in request_answers(case)]


def _conversation(conversation):
    needs = [str(need) for need in conversation.needs.all()]
    return {
        "fields": [
            *_rows(conversation, exclude={"request"}),
            _row("needs", conversation._meta.get_field("needs").verbose_name, needs),
        ],
        "referrals": [
            [*_rows(referral, exclude={"conversation"}),
             _row("partner_kind", _("soort partner"), referral.partner.get_kind_display(),
                  code=referral.partner.kind)]
            for referral in conversation.referrals.all()
        ],
    }


def _invitation_codes(invitations):
    codes = {invitation.display_code for invitation in invitations if invitation}
    return sorted(codes)


def _rows(instance, exclude=()):
    """Every stored field of the record with its label and value."""
    return [_field_row(instance, field) for field in instance._meta.concrete_fields
            if field.name not in exclude]


def _field_row(instance, field):
    name = field.name
    label = LABELS.get(name) or field.verbose_name
    value = getattr(instance, name)
    if name in HIDDEN:
        return _row(name, HIDDEN[name], _hidden_text(name, value))
    if field.is_relation:
        return _row(name, label, _name_of(value) if value is not None else None)
    if isinstance(field, CodeListField):
        return _row(name, label, field.labels(value), code=list(value or []))
    if isinstance(value, Country):
        return _row(name, label, str(value.name) if value.code else None, code=value.code or None)
    if field.choices and value not in (None, ""):
        return _row(name, label, str(getattr(instance, f"get_{name}_display")()), code=value)
    return _row(name, label, value)


def _hidden_text(name, value):
    if not value:
        return _("niet bewaard")
    if name in ONE_WAY_HASHES:
        return _("bewaard als eenrichtingshash: het oorspronkelijke gegeven is er niet uit "
                 "af te leiden")
    return _("bewaard, niet getoond: wie de sleutel kent, kan de aanvraag volgen")


def _name_of(related):
    if isinstance(related, get_user_model()):
        return related.get_full_name() or related.get_username()
    if isinstance(related, Invitation):
        return related.display_code
    return str(related)


def _row(name, label, value, code=None):
    """One field: `value` for JSON, `shown` as it reads on paper (dropped from the JSON)."""
    row = {"field": name, "label": capfirst(str(label)), "value": _plain(value),
           "shown": _shown(value)}
    if code is not None:
        row["code"] = code
    return row


def _plain(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, UUID):
        return str(value)
    return str(value)  # phone numbers, lazy translations


def _shown(value):
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Ja") if value else _("Nee")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "d/m/Y H:i")
    if isinstance(value, date):
        return date_format(value, "d/m/Y")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def _json_only(node):
    """The collection without the texts meant for paper."""
    if isinstance(node, dict):
        return {key: _json_only(value) for key, value in node.items()
                if key not in ("shown", "made_at_shown")}
    if isinstance(node, list):
        return [_json_only(item) for item in node]
    return node
