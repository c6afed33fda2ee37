import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("backoffice", "0005_backfill_monitoring_fields"),
        ("portal", "0005_municipality_case_retention_months"),
    ]

    operations = [
        migrations.AlterField(
            model_name="personaldataaccess",
            name="municipality",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+",
                to="portal.municipality", verbose_name="gemeente",
            ),
        ),
    ]
