"""Streaming readers for CSV and XLSX files.

``open_table(path, fmt, sheet)`` returns a ``TableSource`` whose ``rows()`` yields
``(line_number, cells)`` one row at a time (the file is never held in memory) and can be
called again for a second pass. CSV: strict UTF-8 (with or without BOM), else cp874
(TIS-620); the delimiter is sniffed. XLSX: every sheet can be chosen; a workbook whose
uncompressed size explodes is refused before it is parsed.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from .errors import IngestError

CHUNK = 1 << 20
XLSX_MAX_UNCOMPRESSED = 1 << 30  # 1 GB
XLSX_MAX_RATIO = 200
csv.field_size_limit(10 * 1024 * 1024)


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` when the whole file is valid UTF-8, else ``cp874``; refuses other bytes."""
    with path.open("rb") as f:
        head = f.read(4)
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        try:
            while chunk := f.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
        except UnicodeDecodeError:
            pass
        f.seek(0)
        thai = codecs.getincrementaldecoder("cp874")("strict")
        try:
            while chunk := f.read(CHUNK):
                thai.decode(chunk)
            return "cp874"
        except UnicodeDecodeError as exc:
            raise IngestError(
                "อ่านตัวอักษรในไฟล์ไม่ได้ ระบบรองรับไฟล์ UTF-8 และ TIS-620 (Windows-874) "
                "กรุณาบันทึกไฟล์เป็น “CSV UTF-8” จาก Excel แล้วอัปโหลดใหม่"
            ) from exc


def sniff_delimiter(sample: str) -> str:
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for delim in (",", ";", "\t", "|"):
        counts = [ln.count(delim) for ln in lines]
        if not counts or max(counts) == 0:
            continue
        modal = max(set(counts), key=counts.count)
        score = counts.count(modal) / len(counts) * (1 + min(modal, 50) / 100)
        if modal > 0 and score > best_score:
            best, best_score = delim, score
    return best


class _CountingReader(io.RawIOBase):
    def __init__(self, raw: io.BufferedReader) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        n = self.raw.readinto(b)
        self.count += n or 0
        return n or 0


@dataclass
class TableSource:
    path: Path
    fmt: str
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    merged_header_cells: dict[tuple[int, int], tuple[int, int, int, int]] = field(default_factory=dict)
    total_bytes: int = 0
    total_rows_hint: int = 0
    _progress: Callable[[], float] | None = None
    _merged_values: dict[tuple[int, int], str] = field(default_factory=dict)

    def progress(self) -> float:
        """Fraction (0–1) of the current pass read so far."""
        return self._progress() if self._progress else 0.0

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        if self.fmt == "csv":
            yield from self._csv_rows()
        else:
            yield from self._xlsx_rows()

    def _csv_rows(self) -> Iterator[tuple[int, list[str]]]:
        with self._csv_reader() as reader:
            for row in reader:
                yield reader.line_num, row

    def batches(self, size: int = 10_000) -> Iterator[tuple[int, int, list[list[str]]]]:
        """CSV rows in lists of ``size``: ``(line before the batch, last line of the batch, rows)``
        (no per-row work; line numbers of single rows are found with ``row_lines`` when needed)."""
        with self._csv_reader() as reader:
            while True:
                before = reader.line_num
                rows = list(itertools.islice(reader, size))
                if not rows:
                    return
                yield before, reader.line_num, rows

    @contextlib.contextmanager
    def _csv_reader(self) -> Iterator[Any]:
        with self.path.open("rb") as raw:
            counter = _CountingReader(raw)  # type: ignore[arg-type]
            buffered = io.BufferedReader(counter, CHUNK)
            text = io.TextIOWrapper(buffered, encoding=self.encoding, newline="")
            total = max(self.total_bytes, 1)
            self._progress = lambda: counter.count / total
            reader = csv.reader(text, delimiter=self.delimiter)
            try:
                yield reader
            except csv.Error as exc:
                message = str(exc)
                if "NUL" in message:
                    raise IngestError(f"บรรทัดที่ {reader.line_num + 1}: ไฟล์มีอักขระว่าง (NUL) ซึ่งไม่ใช่ไฟล์ CSV ข้อความ") from exc
                if "field larger" in message:
                    raise IngestError(f"บรรทัดที่ {reader.line_num + 1}: ช่องข้อมูลยาวเกิน 10 ล้านตัวอักษร") from exc
                raise IngestError(f"บรรทัดที่ {reader.line_num + 1}: อ่านไฟล์ CSV ไม่ได้ ({message})") from exc

    def _xlsx_rows(self) -> Iterator[tuple[int, list[str]]]:
        from openpyxl import load_workbook

        wb = load_workbook(self.path, read_only=True, data_only=True)
        try:
            ws = wb[self.sheet]
            total = max(self.total_rows_hint, 1)
            state = {"n": 0}
            self._progress = lambda: min(state["n"] / total, 1.0)
            for index, values in enumerate(ws.iter_rows(values_only=True), start=1):
                state["n"] = index
                cells = [_cell_text(v) for v in values]
                while cells and cells[-1] == "":
                    cells.pop()
                for (r, c), (r1, c1, _r2, _c2) in self.merged_header_cells.items():
                    if r == index and c - 1 < 10000:
                        while len(cells) < c:
                            cells.append("")
                        cells[c - 1] = self._merged_value(r1, c1)
                yield index, cells
        finally:
            wb.close()

    def _merged_value(self, row: int, col: int) -> str:
        return self._merged_values.get((row, col), "")


_BREAK_RE = re.compile(r"\r\n|\r|\n")


def row_lines(before: int, after: int, rows: list[list[str]]) -> list[int]:
    """The line number of each row of a batch (rows spanning several lines when cells hold line breaks)."""
    if after - before == len(rows):
        return list(range(before + 1, after + 1))
    lines, line = [], before
    for row in rows:
        line += 1 + sum(len(_BREAK_RE.findall(c)) for c in row if "\n" in c or "\r" in c)
        lines.append(line)
    return lines


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def check_zip(path: Path) -> None:
    """Refuse a workbook that is not a zip or whose uncompressed size explodes."""
    max_bytes = getattr(settings, "DATAHUB_XLSX_MAX_UNCOMPRESSED", XLSX_MAX_UNCOMPRESSED)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise IngestError("ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง หากเป็นไฟล์ .xls รุ่นเก่า กรุณาบันทึกเป็น .xlsx ก่อน") from exc
    compressed = sum(i.compress_size for i in infos) or 1
    uncompressed = sum(i.file_size for i in infos)
    if uncompressed > max_bytes or uncompressed / compressed > XLSX_MAX_RATIO:
        raise IngestError(
            f"ไฟล์ Excel นี้เมื่อขยายแล้วมีขนาด {uncompressed / 1e6:,.0f} MB ซึ่งผิดปกติ (อาจเป็นไฟล์อันตราย) ระบบจึงไม่โหลด"
        )


_MERGE_RE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _sheet_merges(path: Path, sheet_index: int) -> list[tuple[int, int, int, int]]:
    """Merged ranges (r1, c1, r2, c2) of a sheet, read by streaming its XML."""
    name = f"xl/worksheets/sheet{sheet_index + 1}.xml"
    result: list[tuple[int, int, int, int]] = []
    with zipfile.ZipFile(path) as zf:
        if name not in zf.namelist():
            return result
        tail = b""
        with zf.open(name) as f:
            while chunk := f.read(CHUNK):
                data = tail + chunk
                for m in _MERGE_RE.finditer(data):
                    result.append((int(m.group(2)), _col_index(m.group(1)), int(m.group(4)), _col_index(m.group(3))))
                tail = data[-200:]
    return sorted(set(result))


def open_table(path: Path, fmt: str, sheet: str = "") -> TableSource:
    fmt = fmt.lower()
    size = path.stat().st_size
    if size == 0:
        raise IngestError("ไฟล์ว่างเปล่า ไม่มีข้อมูลให้โหลด")
    if fmt in {"csv", "tsv", "txt"}:
        encoding = detect_encoding(path)
        with path.open("r", encoding=encoding, newline="") as f:
            sample = f.read(64 * 1024)
        if not sample.strip():
            raise IngestError("ไฟล์ว่างเปล่า ไม่มีข้อมูลให้โหลด")
        delimiter = "\t" if fmt == "tsv" else sniff_delimiter(sample)
        return TableSource(path=path, fmt="csv", encoding=encoding, delimiter=delimiter, total_bytes=size)
    if fmt == "xlsx":
        check_zip(path)
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise IngestError("เปิดไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย") from exc
        try:
            names = list(wb.sheetnames)
            chosen = sheet or names[0]
            if chosen not in names:
                raise IngestError(f"ไม่พบแผ่นงาน “{chosen}” ในไฟล์ (มี: {', '.join(names)})")
            ws = wb[chosen]
            rows_hint = ws.max_row or 0
            index = names.index(chosen)
            # merged values in the first rows: read them now (small)
            merges = [m for m in _sheet_merges(path, index) if m[0] <= 20]
            merged_values: dict[tuple[int, int], str] = {}
            if merges:
                top = max(m[2] for m in merges)
                first_rows = {}
                for i, values in enumerate(ws.iter_rows(max_row=top, values_only=True), start=1):
                    first_rows[i] = [_cell_text(v) for v in values]
                for r1, c1, _r2, _c2 in merges:
                    row = first_rows.get(r1, [])
                    merged_values[(r1, c1)] = row[c1 - 1] if c1 - 1 < len(row) else ""
        finally:
            wb.close()
        source = TableSource(path=path, fmt="xlsx", sheet=chosen, sheets=names, total_rows_hint=rows_hint,
                             total_bytes=size)
        source._merged_values = merged_values
        for r1, c1, r2, c2 in merges:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        source.merged_header_cells[(r, c)] = (r1, c1, r2, c2)
        return source
    raise IngestError(f"ระบบโหลดเข้าคลังข้อมูลได้เฉพาะไฟล์ CSV และ XLSX (ไฟล์นี้เป็น {fmt.upper() or 'ไม่ทราบชนิด'})")
