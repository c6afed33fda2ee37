from django.db import migrations


def add_to_existing_portals(apps, schema_editor):
    Municipality = apps.get_model("portal", "Municipality")
    home_ids = list(
        Municipality.objects.filter(site__isnull=False).values_list("site__root_page_id", flat=True)
    )
    if not home_ids:
        return  # a new installation: create_portal makes them
    # Making and publishing Wagtail pages needs the real page models (tree, revisions).
    from wagtail.models import Page

    from home.services import add_statement_pages_under

    for home in Page.objects.filter(pk__in=home_ids):
        add_statement_pages_under(home)


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0004_statement_pages"),
        ("portal", "0005_municipality_case_retention_months"),
    ]

    operations = [migrations.RunPython(add_to_existing_portals, migrations.RunPython.noop)]
