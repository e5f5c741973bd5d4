"""The seven DEPA domains and the sectors, loaded from ``data/domains.yaml`` (idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).parent / "data" / "domains.yaml"


def reference_seed(domain_model: Any, sector_model: Any) -> None:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    for order, row in enumerate(data["domains"], start=1):
        domain_model.objects.update_or_create(
            code=row["code"], defaults={"name_th": row["name_th"], "name_en": row["name_en"], "order": order}
        )
    for order, row in enumerate(data["sectors"], start=1):
        sector_model.objects.update_or_create(
            code=row["code"],
            defaults={"name_th": row["name_th"], "name_en": row["name_en"], "order": order,
                      "counts_for_strategy3": bool(row.get("counts"))},
        )
