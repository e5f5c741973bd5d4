"""XLSX export shared by every app (openpyxl, write-only, streams large tables)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.http import HttpResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from .i18n import thai

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_HEADER_FONT = Font(name="Sarabun", bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E9E3F3")
_BODY_FONT = Font(name="Sarabun")


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[int] | None = None
    caption: str = ""


def neutralize(value: Any) -> Any:
    """Cells starting with = + - @ are stored as text, never as formulas. Translatable labels are
    written in Thai: the workbooks (exports and import templates) are Thai whatever the language."""
    if isinstance(value, Promise):
        value = thai(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def build_workbook(sheets: Sequence[Sheet]) -> bytes:
    wb = Workbook(write_only=True)
    for sheet in sheets:
        # Excel refuses []:*?/\ in a sheet's name and more than 31 characters
        ws = wb.create_sheet(title=re.sub(r"[\[\]:*?/\\]", "-", sheet.title)[:31])
        for i, width in enumerate(sheet.widths or [], start=1):
            ws.column_dimensions[_col(i)].width = width
        if sheet.caption:
            cell = WriteOnlyCell(ws, value=sheet.caption)
            cell.font = Font(name="Sarabun", bold=True, size=13)
            ws.append([cell])
        header = []
        for h in sheet.headers:
            cell = WriteOnlyCell(ws, value=neutralize(h))
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([neutralize(v) for v in row])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _col(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def xlsx_response(filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    response = HttpResponse(build_workbook(sheets), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
