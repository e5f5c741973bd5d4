"""A trigram index for catalog search on PostgreSQL.

``dataset_search`` matches each query word with ``search_text__icontains``, which PostgreSQL runs as
``UPPER(search_text) LIKE UPPER('%word%')``: without an index that is a scan of every dataset. A GIN
index of the trigrams of ``UPPER(search_text)`` serves those LIKEs (pg_trgm extracts trigrams from
Thai text in this database's locale: Thai letters and their combining vowels and tone marks count as
word characters) and PostgreSQL still rechecks every candidate row, so the results are the same.
An index only (no data changes); skipped on SQLite and where pg_trgm is not installed (0003 tries to
install it)."""

from django.db import migrations

INDEX = "datahub_dataset_search_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cur.fetchone() is None:
            return
        cur.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON datahub_dataset USING gin (UPPER(search_text) gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cur:
            cur.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("datahub", "0003_datastore_schema")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
