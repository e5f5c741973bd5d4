"""Header detection and column naming (pure).

Finds the header row after any title lines, detects a two-row header (a merged group label
above sub-labels), and turns header cells into unique, valid column names: blank names get
``คอลัมน์_N``, duplicates get a suffix, names longer than 63 characters are shortened, and
names starting with ``_`` (reserved by the datastore) are prefixed. Every change is reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .types import TYPE_ORDER, matches, normalize

MAX_NAME = 63


@dataclass
class Header:
    names: list[str]
    header_lines: list[int]  # line numbers used as header (empty: no header row)
    data_start_index: int  # index into the sampled rows where data begins
    warnings: list[str] = field(default_factory=list)


def _non_empty(row: list[str]) -> int:
    return sum(1 for c in row if c.strip())


def _looks_typed(cell: str) -> bool:
    value = normalize(cell)
    return bool(value) and any(matches(value, t) for t in TYPE_ORDER)


def detect(sample: list[tuple[int, list[str]]]) -> Header:
    rows = [(n, r) for n, r in sample if _non_empty(r)]
    if not rows:
        raise ValueError("empty")
    widths = Counter(_non_empty(r) for _, r in rows[:50])
    modal = max(widths.items(), key=lambda kv: (kv[1], kv[0]))[0]
    warnings: list[str] = []
    start = 0
    for i, (_n, r) in enumerate(rows[:20]):
        if _non_empty(r) >= max(1, int(modal * 0.6 + 0.5)):
            start = i
            break
    if start:
        skipped = ", ".join(str(n) for n, _ in rows[:start])
        warnings.append(f"ข้ามบรรทัดหัวเรื่องก่อนตาราง (บรรทัดที่ {skipped})")
    line, first = rows[start]
    rest = rows[start + 1: start + 21]
    typed_first = sum(1 for c in first if _looks_typed(c))
    typed_rest = max((sum(1 for c in r if _looks_typed(c)) for _, r in rest), default=0)
    if typed_first > 0 and typed_first >= typed_rest and rest:
        # the first row is data: no header row
        width = max(len(r) for _, r in rows[start: start + 50])
        names = [f"คอลัมน์_{i}" for i in range(1, width + 1)]
        warnings.append("ไม่พบแถวหัวตาราง ระบบตั้งชื่อคอลัมน์ให้ (คอลัมน์_1, คอลัมน์_2, …) แก้ชื่อที่แสดงได้ในพจนานุกรมข้อมูล")
        return Header(names, [], start, warnings)
    header_cells = list(first)
    header_lines = [line]
    data_index = start + 1
    # Two-row header: a group label row with repeated (merged) labels, then sub-labels
    if rest:
        second_line, second = rest[0]
        repeats = any(header_cells[i] and header_cells[i] == header_cells[i - 1] for i in range(1, len(header_cells)))
        second_is_label = _non_empty(second) > 0 and not any(_looks_typed(c) for c in second)
        if repeats and second_is_label and rows[start + 1][0] == second_line:
            merged = []
            for i in range(max(len(header_cells), len(second))):
                top = header_cells[i].strip() if i < len(header_cells) else ""
                sub = second[i].strip() if i < len(second) else ""
                merged.append(top if not sub or sub == top else (f"{top} {sub}" if top else sub))
            header_cells = merged
            header_lines.append(second_line)
            data_index += 1
            warnings.append(f"หัวตารางสองชั้น (เซลล์ผสาน) บรรทัดที่ {line}–{second_line} รวมเป็นชื่อคอลัมน์เดียว")
    names, name_warnings = clean_names(header_cells)
    return Header(names, header_lines, data_index, warnings + name_warnings)


def clean_names(cells: list[str]) -> tuple[list[str], list[str]]:
    warnings: list[str] = []
    names: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(cells, start=1):
        name = " ".join(raw.split())
        if not name:
            name = f"คอลัมน์_{i}"
            warnings.append(f"คอลัมน์ที่ {i} ไม่มีชื่อ ตั้งชื่อเป็น “{name}”")
        if name.startswith("_"):
            name = "col" + name
            warnings.append(f"คอลัมน์ที่ {i} ขึ้นต้นด้วย “_” ซึ่งสงวนไว้ ตั้งชื่อเป็น “{name}”")
        if len(name) > MAX_NAME:
            short = name[: MAX_NAME - 4].rstrip()
            warnings.append(f"ชื่อคอลัมน์ที่ {i} ยาวเกิน {MAX_NAME} ตัวอักษร ย่อเป็น “{short}”")
            name = short
        base, n = name, 2
        while name.lower() in seen:
            name = f"{base[: MAX_NAME - 4]}_{n}"
            n += 1
        if name != base:
            warnings.append(f"ชื่อคอลัมน์ “{base}” ซ้ำ คอลัมน์ที่ {i} ตั้งชื่อเป็น “{name}”")
        seen.add(name.lower())
        names.append(name)
    return names, warnings
