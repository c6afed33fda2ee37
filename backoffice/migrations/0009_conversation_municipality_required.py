import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("backoffice", "0008_conversation_municipality_fill"),
        ("portal", "0005_municipality_case_retention_months"),
    ]

    operations = [
        migrations.AlterField(
            model_name="conversation",
            name="municipality",
            field=models.ForeignKey(
                editable=False, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                to="portal.municipality",
            ),
        ),
    ]
