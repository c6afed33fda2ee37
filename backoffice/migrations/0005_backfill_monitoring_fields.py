"""Fill the fields the monitoring counts from, for cases recorded before they existed."""

from datetime import datetime, time

from django.db import migrations
from django.db.models import Min, Q
from django.utils import timezone

# The Dutch labels the timeline wrote ("Nieuw → Geannuleerd") before it kept the status.
STATUS_LABELS = {
    "Contact gehad": "contacted", "Afspraak gepland": "scheduled",
    "Gesprek gehouden": "held", "Afgesloten": "closed", "Geannuleerd": "cancelled",
    "Niet opgedaagd": "no_show", "Nieuw": "new",
}


def backfill(apps, schema_editor):
    Request = apps.get_model("appointments", "AppointmentRequest")
    Event = apps.get_model("appointments", "RequestEvent")
    Access = apps.get_model("backoffice", "PersonalDataAccess")

    for access in Access.objects.filter(municipality__isnull=True).select_related("request"):
        access.municipality_id = access.request.municipality_id
        access.save(update_fields=["municipality"])

    Event.objects.filter(kind="cancelled").update(status="cancelled")
    for event in Event.objects.filter(kind="status_changed", status=""):
        new = event.note.rsplit("→", 1)[-1].strip()
        if new in STATUS_LABELS:
            event.status = STATUS_LABELS[new]
            event.save(update_fields=["status"])

    # Reached: met at the desk, a successful contact attempt or a conversation held.
    requests = Request.objects.filter(reached_at__isnull=True).annotate(
        first_attempt=Min("contact_attempts__at", filter=Q(contact_attempts__reached=True)),
        first_conversation=Min("conversations__held_on"),
    )
    for request in requests.iterator():
        moments = [request.first_attempt]
        if request.first_conversation:
            moments.append(timezone.make_aware(
                datetime.combine(request.first_conversation, time(12))))
        if request.channel in ("desk", "partner") and request.consent_text.startswith(
                "Mondelinge toestemming"):
            moments.append(request.created_at)
        moments = [moment for moment in moments if moment]
        if moments:
            request.reached_at = min(moments)
            request.save(update_fields=["reached_at"])


class Migration(migrations.Migration):

    dependencies = [
        ("backoffice", "0004_personaldataaccess_municipality_and_more"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
