"""PostgreSQL: a trigram index serves the Thai project search (every query token must appear in
``search_text``, a ``LIKE '%token%'``), so a search reads the matching projects instead of all.

pg_trgm ships with PostgreSQL and is a trusted extension (a database owner may create it). Where it
cannot be created the index is left out and the search still works, by reading the table. SQLite
has no such index: the search reads the table there."""

from __future__ import annotations

from typing import Any

from django.db import migrations, transaction

INDEX = "projects_project_search_trgm"


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # no right to create it: searching reads the table
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON projects_project USING gin (search_text gin_trgm_ops)"
    )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_list_and_queue_order")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
