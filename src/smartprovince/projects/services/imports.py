"""Bulk import of projects and their budget lines from the XLSX template.

Every row is checked first; every problem is reported in the user's language with its sheet, row and
column (sheet and column names stay Thai: they are those of the Thai template); if any row fails nothing
is imported (one transaction, rolled back)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language, gettext
from openpyxl import load_workbook

from smartprovince.agencies.models import Agency
from smartprovince.core.i18n import error_text, thai_choices, thai_labels
from smartprovince.core.models import Area
from smartprovince.core.permissions import has_perm
from smartprovince.core.thai_calendar import parse_date
from smartprovince.plans.models import Plan, ReferenceItem, Strategy

from ..models import BudgetLine
from .projects import budget_line_save, project_create

PROJECT_SHEET = "โครงการ"
BUDGET_SHEET = "งบประมาณ"
PROJECT_COLUMNS = (
    ("ref", "เลขอ้างอิงโครงการ*", "ตัวเลขหรือข้อความสั้น ๆ ใช้โยงกับแผ่นงบประมาณ เช่น 1"),
    ("agency", "รหัสหน่วยงาน*", "เช่น SKN-AGRI"),
    ("strategy", "ยุทธศาสตร์ที่*", "1–4"),
    ("name_th", "ชื่อโครงการ*", ""),
    ("start_date", "วันเริ่มโครงการ*", "วว/ดด/ปปปป พ.ศ. เช่น 01/10/2564"),
    ("end_date", "วันสิ้นสุดโครงการ*", "วว/ดด/ปปปป พ.ศ."),
    ("officer_name", "ผู้รับผิดชอบ*", ""),
    ("officer_position", "ตำแหน่ง", ""),
    ("officer_phone", "โทรศัพท์", ""),
    ("officer_email", "อีเมล", ""),
    ("rationale_th", "หลักการและเหตุผล", ""),
    ("objectives_th", "วัตถุประสงค์", ""),
    ("target_group_th", "กลุ่มเป้าหมาย", ""),
    ("districts", "อำเภอที่ดำเนินการ", "ชื่ออำเภอหรือรหัส 4 หลัก คั่นด้วยจุลภาค"),
    ("alignments", "ความสอดคล้องกับแผนระดับชาติ", "รหัสประเด็น คั่นด้วยจุลภาค"),
)
BUDGET_COLUMNS = (
    ("ref", "เลขอ้างอิงโครงการ*", "ตรงกับแผ่นโครงการ"),
    ("fiscal_year_be", "ปีงบประมาณ (พ.ศ.)*", "เช่น 2565"),
    ("source", "แหล่งงบประมาณ*", " / ".join(thai_labels(BudgetLine.Source.choices))),
    ("planned", "งบประมาณตามแผน (บาท)*", ""),
    ("allocated", "งบประมาณที่ได้รับจัดสรร (บาท)", "เว้นว่าง = 0"),
    ("note_th", "หมายเหตุ", ""),
)
REQUIRED = {"ref", "agency", "strategy", "name_th", "start_date", "end_date", "officer_name", "fiscal_year_be",
            "source", "planned"}


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    projects: list[Any] = field(default_factory=list)
    budget_lines: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class _Rollback(Exception):
    pass


def _col_letter(index: int) -> str:
    return chr(ord("A") + index)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read(sheet: Any, columns: tuple[tuple[str, str, str], ...]) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for row_no, values in enumerate(sheet.iter_rows(min_row=3, values_only=True), start=3):
        values = list(values)[: len(columns)] + [None] * max(0, len(columns) - len(values))
        if all(_text(v) == "" for v in values):
            continue
        rows.append((row_no, {key: values[i] for i, (key, _, _) in enumerate(columns)}))
    return rows


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(_text(value))


def _decimal(value: Any) -> Decimal:
    try:
        number = Decimal(_text(value).replace(",", ""))
    except InvalidOperation:
        raise ValueError(gettext("ต้องเป็นตัวเลข")) from None
    if number < 0:
        raise ValueError(gettext("ต้องไม่ติดลบ"))
    return number


def _agency_name(agency: Agency) -> str:
    return agency.name_en if get_language() == "en" and agency.name_en else agency.name_th


def _row_error(sheet: str, row: int, text: str) -> str:
    return gettext("แผ่น “%(sheet)s” แถว %(row)s: %(error)s") % {"sheet": sheet, "row": row, "error": text}


def projects_import(*, actor: Any, file: IO[bytes]) -> ImportResult:
    """Import the template; returns the created projects or the list of errors (nothing imported)."""
    result = ImportResult()
    try:
        wb = load_workbook(io.BytesIO(file.read()), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a non-XLSX file
        result.errors.append(gettext("อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ .xlsx จากแบบฟอร์มนำเข้า"))
        return result
    for name in (PROJECT_SHEET, BUDGET_SHEET):
        if name not in wb.sheetnames:
            result.errors.append(gettext("ไม่พบแผ่นงาน “%(sheet)s” ในไฟล์ กรุณาใช้แบบฟอร์มนำเข้าของระบบ") % {"sheet": name})
    if result.errors:
        return result
    project_rows = _read(wb[PROJECT_SHEET], PROJECT_COLUMNS)
    budget_rows = _read(wb[BUDGET_SHEET], BUDGET_COLUMNS)
    if not project_rows:
        result.errors.append(gettext("แผ่นงาน “%(sheet)s” ไม่มีข้อมูลโครงการ (เริ่มกรอกที่แถว 3)") % {"sheet": PROJECT_SHEET})
        return result

    agencies = {a.code.upper(): a for a in Agency.objects.filter(is_active=True)}
    plan = Plan.objects.filter(is_current=True).first()
    strategies = {s.number: s for s in Strategy.objects.filter(plan=plan)} if plan else {}
    districts = {a.name_th: a.code for a in Area.objects.filter(level=Area.Level.DISTRICT)}
    district_codes = set(districts.values())
    references = set(ReferenceItem.objects.values_list("code", flat=True))
    sources = {label: value for value, label in thai_choices(BudgetLine.Source.choices)} | {v: v for v in BudgetLine.Source.values}

    def err(sheet: str, row: int, columns: tuple[tuple[str, str, str], ...], key: str, text: str) -> None:
        index = [c[0] for c in columns].index(key)
        result.errors.append(gettext("แผ่น “%(sheet)s” แถว %(row)s คอลัมน์ %(column)s (%(header)s): %(error)s") % {
            "sheet": sheet, "row": row, "column": _col_letter(index), "header": columns[index][1].rstrip("*"), "error": text,
        })

    parsed: list[tuple[int, str, dict[str, Any]]] = []
    seen_refs: set[str] = set()
    for row_no, raw in project_rows:
        data: dict[str, Any] = {}
        bad = False
        for key, _, _ in PROJECT_COLUMNS:
            if key in REQUIRED and _text(raw[key]) == "":
                err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, key, gettext("ต้องกรอก"))
                bad = True
        if bad:
            continue
        ref = _text(raw["ref"])
        if ref in seen_refs:
            err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, "ref", gettext("เลขอ้างอิง “%(ref)s” ซ้ำกับแถวก่อนหน้า") % {"ref": ref})
        seen_refs.add(ref)
        agency = agencies.get(_text(raw["agency"]).upper())
        if agency is None:
            err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, "agency", gettext("ไม่พบหน่วยงานรหัส “%(code)s”") % {"code": _text(raw["agency"])})
        elif not has_perm(actor, "projects.project:write", agency.pk):
            err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, "agency", gettext("ท่านไม่มีสิทธิ์นำเข้าโครงการของ%(agency)s") % {"agency": _agency_name(agency)})
        data["agency"] = agency
        strategy_text = _text(raw["strategy"])
        strategy = strategies.get(int(strategy_text)) if strategy_text.isdigit() else None
        if strategy is None:
            err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, "strategy", gettext("ไม่พบยุทธศาสตร์ที่ “%(number)s” ในแผนปัจจุบัน (1–%(count)s)") % {
                "number": strategy_text, "count": len(strategies)})
        data["strategy"] = strategy
        for key in ("start_date", "end_date"):
            try:
                data[key] = _date(raw[key])
            except ValueError as exc:
                err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, key, error_text(exc))
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, "end_date", gettext("วันสิ้นสุดต้องไม่ก่อนวันเริ่มโครงการ"))
        codes = []
        for item in filter(None, (t.strip() for t in _text(raw["districts"]).replace("อำเภอ", "").split(","))):
            code = item if item in district_codes else districts.get(item)
            if code is None:
                err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, "districts", gettext("ไม่พบอำเภอ “%(district)s” ในจังหวัด") % {"district": item})
            codes.append(code)
        data["districts"] = codes
        aligns = [t.strip() for t in _text(raw["alignments"]).split(",") if t.strip()]
        for code in aligns:
            if code not in references:
                err(PROJECT_SHEET, row_no, PROJECT_COLUMNS, "alignments", gettext("ไม่พบประเด็นแผนระดับชาติรหัส “%(code)s”") % {"code": code})
        data["alignments"] = aligns
        for key in ("name_th", "officer_name", "officer_position", "officer_phone", "officer_email",
                    "rationale_th", "objectives_th", "target_group_th"):
            data[key] = _text(raw[key])
        parsed.append((row_no, ref, data))

    budgets: list[tuple[int, str, dict[str, Any]]] = []
    for row_no, raw in budget_rows:
        data = {}
        bad = False
        for key, _, _ in BUDGET_COLUMNS:
            if key in REQUIRED and _text(raw[key]) == "":
                err(BUDGET_SHEET, row_no, BUDGET_COLUMNS, key, gettext("ต้องกรอก"))
                bad = True
        if bad:
            continue
        ref = _text(raw["ref"])
        if ref not in seen_refs:
            err(BUDGET_SHEET, row_no, BUDGET_COLUMNS, "ref", gettext("ไม่พบโครงการเลขอ้างอิง “%(ref)s” ในแผ่นโครงการ") % {"ref": ref})
        fy = _text(raw["fiscal_year_be"])
        if not (fy.isdigit() and 2400 < int(fy) < 2700):
            err(BUDGET_SHEET, row_no, BUDGET_COLUMNS, "fiscal_year_be", gettext("ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2565"))
        else:
            data["fiscal_year_be"] = int(fy)
        source = sources.get(_text(raw["source"]))
        if source is None:
            err(BUDGET_SHEET, row_no, BUDGET_COLUMNS, "source", gettext("แหล่งงบประมาณต้องเป็น %(sources)s") % {
                "sources": " / ".join(thai_labels(BudgetLine.Source.choices))})
        data["source"] = source
        for key in ("planned", "allocated"):
            try:
                data[key] = _decimal(raw[key] if _text(raw[key]) else "0")
            except ValueError as exc:
                err(BUDGET_SHEET, row_no, BUDGET_COLUMNS, key, error_text(exc))
        data["note_th"] = _text(raw["note_th"])[:300]
        budgets.append((row_no, ref, data))
    if result.errors:
        return result

    try:
        with transaction.atomic():
            by_ref: dict[str, Any] = {}
            rows_of: dict[str, int] = {}
            for row_no, ref, data in parsed:
                try:
                    by_ref[ref] = project_create(actor=actor, **data)
                    rows_of[ref] = row_no
                except ValidationError as exc:
                    result.errors.extend(_row_error(PROJECT_SHEET, row_no, m) for m in exc.messages)
            for row_no, ref, data in budgets:
                if ref not in by_ref:
                    continue
                try:
                    budget_line_save(actor=actor, project=by_ref[ref], **data)
                    result.budget_lines += 1
                except ValidationError as exc:
                    result.errors.extend(_row_error(BUDGET_SHEET, row_no, m) for m in exc.messages)
            if result.errors:
                raise _Rollback
            result.projects = list(by_ref.values())
    except _Rollback:
        result.projects = []
        result.budget_lines = 0
    return result
