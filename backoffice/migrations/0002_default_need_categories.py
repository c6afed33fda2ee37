from django.db import migrations

# Questions and needs most heard in welcome conversations. Coordinators edit the list.
NEEDS = [
    "Nederlandse les", "Oefenkansen Nederlands", "Werk zoeken", "Erkenning van een diploma",
    "Een woning zoeken", "Sociale huisvesting aanvragen", "Kinderopvang", "School voor de kinderen",
    "Vrije tijd voor de kinderen", "Dossier bij de dienst vreemdelingen", "Inburgering",
    "Huisarts en ziekenfonds", "Geldzorgen", "Verplaatsen en vervoer", "Afval en milieu",
]


def add_needs(apps, schema_editor):
    NeedCategory = apps.get_model("backoffice", "NeedCategory")
    for order, label in enumerate(NEEDS):
        NeedCategory.objects.get_or_create(label=label, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0001_initial")]
    operations = [migrations.RunPython(add_needs, migrations.RunPython.noop)]
