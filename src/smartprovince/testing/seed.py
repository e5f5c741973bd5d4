"""Seed data for tests: areas, agencies and the Sakon Nakhon plan (idempotent)."""

from __future__ import annotations

import csv
from pathlib import Path

from django.conf import settings

AREAS_CSV = Path(__file__).resolve().parent.parent / "core" / "data" / "sakon-nakhon-areas.csv"


def ensure_areas() -> None:
    from smartprovince.core.models import Area

    if Area.objects.exists():
        return
    with AREAS_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for level in ("province", "district", "subdistrict"):
        Area.objects.bulk_create(
            [
                Area(code=r["code"], level=level, parent_id=r["parent_code"] or None, name_th=r["name_th"],
                     name_en=r["name_en"], postcode=r.get("postcode") or "")
                for r in rows if r["level"] == level
            ]
        )


def ensure_seed() -> None:
    from smartprovince.agencies.models import Agency
    from smartprovince.agencies.services import agencies_load
    from smartprovince.plans.loader import load_plan
    from smartprovince.plans.models import Plan

    ensure_areas()
    if not Agency.objects.exists():
        agencies_load()
    if not Plan.objects.exists():
        load_plan(Path(settings.DEFAULT_PLAN_FILE))
