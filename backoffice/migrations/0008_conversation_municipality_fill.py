from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Conversation = apps.get_model("backoffice", "Conversation")
    Request = apps.get_model("appointments", "AppointmentRequest")
    Conversation.objects.filter(municipality__isnull=True).update(municipality_id=Subquery(
        Request.objects.filter(pk=OuterRef("request_id")).values("municipality_id")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ("backoffice", "0007_monitoring_indexes"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
