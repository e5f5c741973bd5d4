from django.db import migrations, transaction


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cur:
        cur.execute('CREATE SCHEMA IF NOT EXISTS "datastore"')
    try:
        with transaction.atomic(using=schema_editor.connection.alias), schema_editor.connection.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 - without the privilege, text search runs unindexed
        pass


class Migration(migrations.Migration):
    dependencies = [("datahub", "0002_default_domains")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
