"""Skill frameworks shipped as YAML (``training/data/framework-*.yaml``).

``frameworks_seed`` creates the frameworks and areas that do not exist yet and never overwrites
what an administrator has edited; it takes the model classes so a data migration can call it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


def framework_files() -> list[Path]:
    return sorted(DATA_DIR.glob("framework-*.yaml"))


def read_framework(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("code", "version", "name_th", "areas"):
        if not data.get(key):
            raise ValueError(f"{path.name}: ไม่มีค่า {key}")
    return data


def frameworks_seed(framework_model: Any, area_model: Any) -> tuple[int, int]:
    """Create missing frameworks/areas from the shipped files. Returns (frameworks, areas) created."""
    n_fw = n_area = 0
    for path in framework_files():
        data = read_framework(path)
        issued = data.get("issued_on")
        framework, created = framework_model.objects.get_or_create(
            code=data["code"], version=str(data["version"]),
            defaults={
                "name_th": data["name_th"], "name_en": data.get("name_en") or "",
                "issuer_th": data.get("issuer_th") or "",
                "issued_on": issued if isinstance(issued, dt.date) else None,
                "source_note_th": data.get("source_note_th") or "",
            },
        )
        n_fw += int(created)
        for order, area in enumerate(data["areas"], start=1):
            _, made = area_model.objects.get_or_create(
                framework=framework, code=area["code"],
                defaults={
                    "name_th": area["name_th"], "name_en": area.get("name_en") or "",
                    "kind": area.get("kind") or "core", "description_th": area.get("description_th") or "",
                    "order": order,
                },
            )
            n_area += int(made)
    return n_fw, n_area
