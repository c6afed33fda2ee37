from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS practice_search_vector "
    "ON practices_practicesearchentry USING gin (vector)"
)
DROP = "DROP INDEX IF EXISTS practice_search_vector"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    """The text-search index exists on PostgreSQL only; SQLite (the demo) has no GIN."""

    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
