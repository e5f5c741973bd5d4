"""Import dataset metadata from the GD Catalog Excel template ("Template การจัดทำบัญชีข้อมูล").

Sheets ``Temp2_Meta_Record``, ``Temp2_Meta_Stat``, ``Temp2_Meta_GIS`` (header on the 4th row)
and the resource sheets ``Temp3_Resource_*`` (links only). Every row is validated first; if any
row is wrong nothing is written and every problem is listed with its sheet and row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from . import gdc, services
from .ingest.errors import IngestError
from .ingest.reader import check_zip

META_SHEETS = {"Temp2_Meta_Record": gdc.DATA_TYPE_RECORD, "Temp2_Meta_Stat": gdc.DATA_TYPE_STAT,
               "Temp2_Meta_GIS": gdc.DATA_TYPE_GEO}
RESOURCE_SHEETS = ("Temp3_Resource_Record", "Temp3_Resource_Stat", "Temp3_Resource_GIS")
HEADER_ROW = 4
LIST_FIELDS = {"objective", "data_format", "data_language", "disaggregate"}
BOOL_FIELDS = {"high_value_dataset", "reference_data", "official_statistics", "allow_harvest"}
DATE_FIELDS = {"created_date", "last_updated_date", "data_release_calendar", "data_release_date"}
SKIP = {"d_type", "owner_org", "tag_string", "name"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(ws: Any) -> list[tuple[int, dict[str, str]]]:
    header: list[str] = []
    out = []
    for index, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if index < HEADER_ROW:
            continue
        if index == HEADER_ROW:
            header = [_text(v) for v in values]
            continue
        row = {h: _text(v) for h, v in zip(header, values, strict=False) if h}
        if any(row.values()):
            out.append((index, row))
    return out


def _to_data(row: dict[str, str], data_type: str) -> tuple[dict[str, Any], str]:
    data: dict[str, Any] = {"data_type": row.get("data_type") or data_type, "name": row.get("name", "").lower()}
    for key, value in row.items():
        if key in SKIP or key == "data_type":
            continue
        if key in LIST_FIELDS:
            data[key] = [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
        elif key in BOOL_FIELDS:
            data[key] = value.strip().lower() in ("true", "1", "ใช่", "ยินยอม")
        elif key in DATE_FIELDS:
            if value:
                from smartprovince.core.thai_calendar import parse_date

                try:
                    data[key] = parse_date(value)
                except ValueError as exc:
                    raise ValidationError({key: [str(exc)]}) from None
            else:
                data[key] = None
        elif key in ("first_year_of_data", "last_year_of_data", "update_frequency_interval"):
            data[key] = int(value) if value.isdigit() else None
        else:
            data[key] = value
    return data, row.get("tag_string", "")


def import_metadata(*, actor: Any, agency: Any, path: Any) -> dict[str, Any]:
    try:
        check_zip(path)
        wb = load_workbook(path, read_only=True, data_only=True)
    except IngestError as exc:
        raise ValidationError({"file": [str(exc)]}) from None
    except Exception:
        raise ValidationError({"file": ["เปิดไฟล์ไม่ได้ กรุณาใช้ไฟล์แม่แบบ .xlsx ของ GD Catalog"]}) from None
    try:
        found = [s for s in META_SHEETS if s in wb.sheetnames]
        if not found:
            raise ValidationError({"file": [f"ไม่พบแผ่นงานเมทาดาตา ({', '.join(META_SHEETS)}) ในไฟล์"]})
        items = [(sheet, n, *_to_data(row, META_SHEETS[sheet])) for sheet in found for n, row in _rows(wb[sheet])]
        resources = [(sheet, n, row) for sheet in RESOURCE_SHEETS if sheet in wb.sheetnames for n, row in _rows(wb[sheet])]
    finally:
        wb.close()
    if not items:
        raise ValidationError({"file": ["ไม่มีแถวข้อมูลในแผ่นงานเมทาดาตา (หัวตารางต้องอยู่แถวที่ 4)"]})
    problems: list[str] = []
    created: list[str] = []
    with transaction.atomic():
        by_name = {}
        for sheet, n, data, tags in items:
            try:
                with transaction.atomic():
                    dataset = services.dataset_create(actor=actor, agency=agency, data=data, tags=tags)
                by_name[data.get("name") or dataset.name] = dataset
                created.append(dataset.name)
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    problems.extend(f"{sheet} แถวที่ {n} ({field}): {m}" for m in messages)
        for sheet, n, row in resources:
            parent = by_name.get(row.get("dataset_name", "").lower())
            if parent is None:
                problems.append(f"{sheet} แถวที่ {n}: ไม่พบชุดข้อมูล “{row.get('dataset_name', '')}” ในไฟล์นี้")
                continue
            try:
                with transaction.atomic():
                    services.resource_create(
                        actor=actor, dataset=parent, name=row.get("resource_name", ""),
                        description=row.get("description", ""), url=row.get("resource_url", ""),
                        format=row.get("format", ""),
                        extras={k: v for k, v in row.items() if k.startswith("resource_") and k not in
                                ("resource_name", "resource_url") and v},
                    )
            except ValidationError as exc:
                problems.extend(f"{sheet} แถวที่ {n}: {m}" for m in exc.messages)
        if problems:
            raise ValidationError({"file": problems})
    return {"created": created}
