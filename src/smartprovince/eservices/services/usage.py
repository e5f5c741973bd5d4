"""Usage statistics: transactions per service, channel type and month (form and XLSX import)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from openpyxl import load_workbook

from smartprovince.core import thai_calendar as tc
from smartprovince.core.audit import audit_log
from smartprovince.core.i18n import thai_choices
from smartprovince.core.permissions import agencies_with_perm, require

from ..choices import ChannelType
from ..errors import MESSAGES, EServiceErrorCode
from ..models import EService, UsageStat

IMPORT_HEADERS = ("รหัสงานบริการ", "ช่องทาง", "เดือน", "จำนวนรายการ")
IMPORT_MAX_ROWS = 20_000
IMPORT_MAX_BYTES = 5 * 1024 * 1024
_CHANNEL_LOOKUP = {label.strip().lower(): value for value, label in thai_choices(ChannelType.choices)} | {
    value: value for value in ChannelType.values
}


def parse_month(value: Any) -> dt.date:
    """A month typed in a sheet: a date cell, ``10/2564``, ``ต.ค. 2564``, ``ตุลาคม 2564``, ``2564-10``."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return tc.month_start(dt.date(tc.normalize_year(value.year), value.month, 1))
    text = tc.from_thai_digits(str(value or "")).strip()
    if not text:
        raise ValueError(gettext("ไม่ได้ระบุเดือน"))
    parts = text.replace("-", "/").split("/")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        a, b = (p.strip() for p in parts)
        month_text, year_text = (b, a) if len(a) == 4 else (a, b)
        text = f"1/{month_text}/{year_text}"
    else:
        text = f"1 {text}"
    try:
        return tc.month_start(tc.parse_date(text))
    except ValueError:
        raise ValueError(gettext("อ่านเดือนไม่ได้: %(value)r (ตัวอย่าง 10/2564 หรือ ต.ค. 2564)") % {"value": value}) from None


def parse_channel(value: Any) -> str:
    text = str(value or "").strip().lower()
    found = _CHANNEL_LOOKUP.get(text)
    if not found:
        raise ValueError(gettext("ไม่รู้จักช่องทาง “%(value)s” (ใช้ชื่อตามรายการในแผ่นงาน “ช่องทาง”)") % {"value": value})
    return found


def parse_count(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(gettext("จำนวนรายการต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        value = tc.from_thai_digits(value).replace(",", "").strip()
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError(gettext("จำนวนรายการต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป: %(value)r") % {"value": value}) from None
    if number < 0:
        raise ValueError(gettext("จำนวนรายการต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป"))
    return number


@transaction.atomic
def usage_record(*, actor: Any, service: EService, channel_type: str, month: dt.date, transactions: int) -> UsageStat:
    """Set the transactions of ``service`` through ``channel_type`` in ``month`` (replaces a previous value)."""
    require(actor, "eservices.usage:write", service.agency_id)
    month = tc.month_start(month)
    stat = UsageStat.objects.select_for_update().filter(service=service, channel_type=channel_type, month=month).first()
    old = stat.transactions if stat else None
    if stat is None:
        stat = UsageStat(service=service, channel_type=channel_type, month=month, transactions=transactions)
    stat.transactions = transactions
    stat.full_clean(validate_unique=False)
    stat.save()
    audit_log(
        actor=actor, action="eservices.usage.recorded", obj=stat, agency_id=service.agency_id,
        changes={"service": service.code, "channel_type": channel_type, "month": month, "transactions": [old, transactions]},
    )
    return stat


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)  # "แถวที่ 5: …", in row order


def _read_rows(data: bytes) -> list[tuple[int, tuple[Any, ...]]]:
    if len(data) > IMPORT_MAX_BYTES:
        raise ValidationError(gettext("ไฟล์ใหญ่เกิน %(size)s MB") % {"size": IMPORT_MAX_BYTES // (1024 * 1024)},
                              code=EServiceErrorCode.IMPORT_FILE)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ValidationError(MESSAGES[EServiceErrorCode.IMPORT_FILE], code=EServiceErrorCode.IMPORT_FILE) from None
    ws = wb.worksheets[0]
    rows: list[tuple[int, tuple[Any, ...]]] = []
    header_seen = False
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = tuple(row[:4]) + (None,) * (4 - len(row[:4]))
        if not any(c not in (None, "") for c in cells):
            continue
        if not header_seen:
            header_seen = True
            if str(cells[0] or "").strip() == IMPORT_HEADERS[0]:
                continue
        rows.append((number, cells))
        if len(rows) > IMPORT_MAX_ROWS:
            wb.close()
            raise ValidationError(gettext("ไฟล์มีเกิน %(max)s แถว กรุณาแบ่งไฟล์") % {"max": f"{IMPORT_MAX_ROWS:,}"},
                                  code=EServiceErrorCode.IMPORT_FILE)
    wb.close()
    if not rows:
        raise ValidationError(gettext("ไม่พบข้อมูลในไฟล์ (แผ่นงานแรก)"), code=EServiceErrorCode.IMPORT_FILE)
    return rows


@transaction.atomic
def usage_import(*, actor: Any, data: bytes) -> ImportResult:
    """Import usage rows from an XLSX (columns: service code, channel, month, transactions).

    All or nothing: any bad row means nothing is written, and every bad row is reported with
    its sheet row number and the reason (in the user's language).
    """
    require(actor, "eservices.usage:write")
    rows = _read_rows(data)
    allowed = agencies_with_perm(actor, "eservices.usage:write")
    codes = {str(cells[0] or "").strip() for _, cells in rows}
    services = {s.code: s for s in EService.objects.filter(code__in=codes)}
    result = ImportResult()
    parsed: dict[tuple[int, str, dt.date], tuple[int, int]] = {}
    for number, (code_cell, channel_cell, month_cell, count_cell) in rows:
        problems: list[str] = []
        code = str(code_cell or "").strip()
        service = services.get(code)
        if not code:
            problems.append(gettext("ไม่ได้ระบุรหัสงานบริการ"))
        elif service is None:
            problems.append(gettext("ไม่พบงานบริการรหัส “%(code)s”") % {"code": code})
        elif allowed is not None and service.agency_id not in allowed:
            problems.append(gettext("งานบริการรหัส “%(code)s” ไม่ใช่ของหน่วยงานที่ท่านมีสิทธิ์บันทึก") % {"code": code})
        values: list[Any] = []
        for parser, cell in ((parse_channel, channel_cell), (parse_month, month_cell), (parse_count, count_cell)):
            try:
                values.append(parser(cell))
            except ValueError as exc:
                problems.append(str(exc))
                values.append(None)
        channel_type, month, count = values
        if not problems and service is not None:
            key = (service.pk, channel_type, month)
            if key in parsed:
                problems.append(gettext("ซ้ำกับแถวที่ %(row)s (งานบริการ ช่องทาง และเดือนเดียวกัน)") % {"row": parsed[key][0]})
            else:
                parsed[key] = (number, count)
        if problems:
            result.errors.append(gettext("แถวที่ %(row)s: %(error)s") % {"row": number, "error": "; ".join(problems)})
    if result.errors:
        raise ValidationError(result.errors, code=EServiceErrorCode.IMPORT_ROWS)
    existing = {
        (u.service_id, u.channel_type, u.month): u
        for u in UsageStat.objects.select_for_update().filter(service_id__in={k[0] for k in parsed})
    }
    to_create, to_update = [], []
    for (service_id, channel_type, month), (_, count) in parsed.items():
        stat = existing.get((service_id, channel_type, month))
        if stat is None:
            to_create.append(UsageStat(service_id=service_id, channel_type=channel_type, month=month, transactions=count))
        elif stat.transactions != count:
            stat.transactions = count
            to_update.append(stat)
    UsageStat.objects.bulk_create(to_create, batch_size=1000)
    UsageStat.objects.bulk_update(to_update, ["transactions"], batch_size=1000)
    result.created, result.updated = len(to_create), len(to_update)
    agency_ids = sorted({services_by_id.agency_id for services_by_id in services.values()})
    anchor = next(iter(services.values()))
    audit_log(
        actor=actor, action="eservices.usage.imported", obj=anchor,
        agency_id=agency_ids[0] if len(agency_ids) == 1 else None,
        changes={"rows": len(parsed), "created": result.created, "updated": result.updated, "agencies": agency_ids},
    )
    return result


def import_template_rows(services: list[EService], month: dt.date) -> list[list[Any]]:
    """Example rows for the downloadable template: one per service, counter channel, ``month``."""
    return [[s.code, ChannelType.ESERVICE.label, tc.month_label(month), 0] for s in services]
