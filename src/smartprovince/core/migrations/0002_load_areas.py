"""Seed data: the DOPA administrative areas of Sakon Nakhon shipped with the project."""

import csv
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parent.parent / "data" / "sakon-nakhon-areas.csv"


def load(apps, schema_editor):
    Area = apps.get_model("core", "Area")
    with CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    existing = set(Area.objects.values_list("code", flat=True))
    for level in ("province", "district", "subdistrict"):
        Area.objects.bulk_create(
            [
                Area(
                    code=r["code"], level=r["level"], parent_id=r["parent_code"] or None,
                    name_th=r["name_th"], name_en=r["name_en"], postcode=r.get("postcode") or "",
                )
                for r in rows
                if r["level"] == level and r["code"] not in existing
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
