"""XLSX import of an agency's staff: every row is checked first; one bad row and nothing is
written (all-or-nothing), and each error names its row in Thai."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from openpyxl import load_workbook

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log
from smartprovince.core.i18n import thai_choices
from smartprovince.core.permissions import require
from smartprovince.core.thai_calendar import normalize_year, parse_date

from ..errors import TrainingErrorCode, msg
from ..models import Person
from ..models.staff import JobGroup, PersonnelType, RoleLevel
from .staff import person_build

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024

# (header in the template, field, required)
COLUMNS: list[tuple[str, str, bool]] = [
    ("คำนำหน้า", "title_th", False),
    ("ชื่อ", "first_name_th", True),
    ("นามสกุล", "last_name_th", True),
    ("ตำแหน่ง", "position_th", True),
    ("ประเภทบุคลากร", "personnel_type", True),
    ("กลุ่มสายงาน (IT/Non-IT)", "job_group", True),
    ("ระดับ", "role_level", True),
    ("อีเมล", "email", False),
    ("วันที่เริ่มปฏิบัติงาน (วว/ดด/ปปปป พ.ศ.)", "started_on", False),
]

_CHOICE_ALIASES: dict[str, dict[str, str]] = {
    "personnel_type": {
        **{label: value for value, label in thai_choices(PersonnelType.choices)}, **{v: v for v in PersonnelType.values},
        "อื่นๆ": "other", "ลูกจ้างประจำ": "employee", "ลูกจ้างชั่วคราว": "employee",
    },
    "job_group": {
        **{label: value for value, label in thai_choices(JobGroup.choices)}, **{v: v for v in JobGroup.values},
        "IT": "it", "NON-IT": "non_it", "NON IT": "non_it", "NONIT": "non_it", "ไอที": "it",
        "สายงาน IT": "it", "สายงานอื่น": "non_it",
    },
    "role_level": {
        **{label: value for value, label in thai_choices(RoleLevel.choices)}, **{v: v for v in RoleLevel.values},
        "ปฏิบัติการ": "operational", "หัวหน้างาน": "supervisor", "ผู้อำนวยการ": "supervisor",
        "หัวหน้างาน/ผู้อำนวยการ": "supervisor", "ผู้บริหาร": "executive",
    },
}
_CHOICE_HINT = {
    "personnel_type": "ข้าราชการ, พนักงานราชการ, ลูกจ้าง หรือ อื่น ๆ",
    "job_group": "IT หรือ Non-IT",
    "role_level": "ปฏิบัติการ, หัวหน้างาน/ผู้อำนวยการ หรือ ผู้บริหาร",
}


@dataclass
class ImportResult:
    created: int = 0
    errors: list[str] = field(default_factory=list)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse_value(name: str, value: Any) -> Any:
    if name == "started_on":
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            year = normalize_year(value.year)  # a BE year typed into a date cell
            try:
                return value.replace(year=year) if year != value.year else value
            except ValueError:
                raise ValueError(gettext("วันที่เริ่มปฏิบัติงานไม่ถูกต้อง")) from None
        try:
            return parse_date(_cell_text(value))
        except ValueError:
            raise ValueError(
                gettext("วันที่เริ่มปฏิบัติงาน “%(value)s” ไม่ถูกต้อง (ตัวอย่าง 01/10/2564)") % {"value": _cell_text(value)}
            ) from None
    text = _cell_text(value)
    if name in _CHOICE_ALIASES and text:
        aliases = _CHOICE_ALIASES[name]
        key = text if text in aliases else text.upper().replace("_", "-")
        if key not in aliases:
            label = {c[1]: c[0] for c in COLUMNS}[name]
            raise ValueError(gettext("%(column)s “%(value)s” ไม่ถูกต้อง (ใช้ %(hint)s)") % {"column": label, "value": text, "hint": _CHOICE_HINT[name]})
        return aliases[key]
    return text


def read_rows(fileobj: IO[bytes]) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """(row number, values) for each non-empty data row, and file-level errors."""
    try:
        wb = load_workbook(fileobj, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return [], [gettext("ไฟล์ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ กรุณาใช้แบบฟอร์มนำเข้าบุคลากร")]
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return [], [gettext("ไฟล์ว่างเปล่า")]
    labels = [_cell_text(h) for h in header]
    index: dict[str, int] = {}
    missing = []
    for label, name, _ in COLUMNS:
        if label in labels:
            index[name] = labels.index(label)
        elif label.split(" (")[0] in labels:
            index[name] = labels.index(label.split(" (")[0])
        else:
            missing.append(label)
    if missing:
        return [], [gettext("ไม่พบคอลัมน์: %(columns)s (แถวแรกต้องเป็นหัวคอลัมน์ตามแบบฟอร์ม)") % {"columns": ", ".join(missing)}]
    result = []
    for number, row in enumerate(rows, start=2):
        values = {name: (row[i] if i < len(row) else None) for name, i in index.items()}
        if all(_cell_text(v) == "" for v in values.values()):
            continue
        result.append((number, values))
        if len(result) > MAX_ROWS:
            return [], [gettext("ไฟล์มีเกิน %(max)s แถว กรุณาแบ่งไฟล์") % {"max": f"{MAX_ROWS:,}"}]
    wb.close()
    if not result:
        return [], [gettext("ไม่พบข้อมูลบุคลากรในไฟล์ (มีแต่หัวคอลัมน์)")]
    return result, []


def validate_rows(*, agency: Agency, rows: list[tuple[int, dict[str, Any]]]) -> tuple[list[Person], list[str]]:
    """Build (unsaved) persons; collect every row's errors."""
    people: list[Person] = []
    errors: list[str] = []
    existing = {
        (first.strip(), last.strip())
        for first, last in Person.objects.filter(agency=agency, is_active=True).values_list("first_name_th", "last_name_th")
    }
    seen: dict[tuple[str, str], int] = {}
    for number, values in rows:
        data: dict[str, Any] = {}
        row_errors = []
        for label, name, required in COLUMNS:
            try:
                data[name] = _parse_value(name, values.get(name))
            except ValueError as exc:
                row_errors.append(str(exc))
                continue
            if required and data[name] in ("", None):
                row_errors.append(gettext("ไม่ได้กรอก%(column)s") % {"column": label.split(" (")[0]})
        if not row_errors:
            try:
                person = person_build(agency=agency, data=data)
            except ValidationError as exc:
                row_errors.extend(_flatten(exc))
            else:
                key = (person.first_name_th, person.last_name_th)
                if key in existing:
                    row_errors.append(gettext("%(name)s มีอยู่ในทะเบียนบุคลากรของหน่วยงานแล้ว") % {
                        "name": f"{person.first_name_th} {person.last_name_th}"})
                elif key in seen:
                    row_errors.append(gettext("ชื่อซ้ำกับแถวที่ %(row)s") % {"row": seen[key]})
                else:
                    seen[key] = number
                    people.append(person)
        errors.extend(gettext("แถวที่ %(row)s: %(error)s") % {"row": number, "error": e} for e in row_errors)
    return people, errors


def _flatten(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        labels = {c[1]: c[0].split(" (")[0] for c in COLUMNS}
        return [f"{labels.get(f, f)}: {m}" for f, ms in exc.message_dict.items() for m in ms]
    return list(exc.messages)


@transaction.atomic
def staff_import(*, actor: Any, agency: Agency, fileobj: IO[bytes], size: int | None = None) -> ImportResult:
    """Import staff from the XLSX template into ``agency``. Raises ``ValidationError`` whose
    messages are the row-level errors; then nothing has been written."""
    require(actor, "training.staff:write", agency.pk)
    if size is not None and size > MAX_BYTES:
        raise ValidationError([gettext("ไฟล์ใหญ่เกิน 5 MB")], code=TrainingErrorCode.IMPORT_INVALID)
    rows, file_errors = read_rows(fileobj)
    if file_errors:
        raise ValidationError(file_errors, code=TrainingErrorCode.IMPORT_INVALID)
    people, errors = validate_rows(agency=agency, rows=rows)
    if errors:
        raise ValidationError([msg(TrainingErrorCode.IMPORT_INVALID), *errors], code=TrainingErrorCode.IMPORT_INVALID)
    for person in people:
        person.save()
    audit_log(actor=actor, action="training.staff.imported", obj=agency, agency_id=agency.pk,
              changes={"created": len(people), "people": [p.pk for p in people]})
    return ImportResult(created=len(people))


def template_rows() -> tuple[list[str], list[list[Any]]]:
    """Header and two example rows of the import template."""
    headers = [c[0] for c in COLUMNS]
    examples = [
        ["นาย", "สมชาย", "ใจดี", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ", "ข้าราชการ", "IT", "ปฏิบัติการ", "somchai@example.go.th", "01/10/2563"],
        ["นางสาว", "สมหญิง", "รักเรียน", "เจ้าพนักงานธุรการ", "พนักงานราชการ", "Non-IT", "ปฏิบัติการ", "", ""],
    ]
    return headers, examples
