from django.db import migrations

# Where people are referred from, as desks count it in practice. Coordinators edit the list.
SOURCES = [
    "Onthaal van het gemeentehuis", "Dienst bevolking", "Dienst vreemdelingen",
    "Sociale dienst / OCMW", "Wijkagent", "School", "Huisarts",
    "Lokaal opvanginitiatief (LOI)", "Andere partner",
]


def add_sources(apps, schema_editor):
    ReferralSource = apps.get_model("appointments", "ReferralSource")
    for order, label in enumerate(SOURCES):
        ReferralSource.objects.get_or_create(label=label, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("appointments", "0002_referral_source_and_birth_year")]
    operations = [migrations.RunPython(add_sources, migrations.RunPython.noop)]
