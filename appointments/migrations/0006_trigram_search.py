from django.db import migrations

# The inbox searches names, e-mail addresses and references by substring (ILIKE). On
# PostgreSQL, trigram indexes keep that fast with many cases. Other databases skip this.
INDEXES = {
    "request_name_trgm": "name",
    "request_email_trgm": "email",
    "request_reference_trgm": "reference",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON appointments_appointmentrequest '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("appointments", "0005_inbox_index")]
    operations = [migrations.RunPython(create, drop)]
