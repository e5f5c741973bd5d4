"""Validation of plan and reference-plan files (pure: plain data in, errors out).

Errors name the key path and the line in the file, in Thai, e.g.
``บรรทัด 88: strategies[1].indicators[0].direction: ต้องเป็น up หรือ down``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


class PlanFileError(Exception):
    """A plan file that cannot be loaded; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Parsed:
    data: Any
    lines: dict[str, int]  # key path -> 1-based line


def parse_yaml(text: str, filename: str) -> Parsed:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"บรรทัด {mark.line + 1}: " if mark is not None else ""
        raise PlanFileError([f"{filename}: {where}ไฟล์ YAML ไม่ถูกต้อง ({getattr(exc, 'problem', exc)})"]) from None
    lines: dict[str, int] = {}
    if node is not None:
        _index(node, "", lines)
    return Parsed(data, lines)


def _index(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{path}.{key_node.value}" if path else str(key_node.value)
            lines[key] = key_node.start_mark.line + 1
            _index(value_node, key, lines)
            lines[key] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, f"{path}[{i}]", lines)


class _Checker:
    def __init__(self, parsed: Parsed, filename: str) -> None:
        self.parsed = parsed
        self.filename = filename
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        line = self.parsed.lines.get(path)
        probe = path
        while line is None and probe:
            probe = probe.rsplit(".", 1)[0] if "." in probe else ""
            line = self.parsed.lines.get(probe)
        where = f"บรรทัด {line}: " if line else ""
        self.problems.append(f"{self.filename}: {where}{path or '(ทั้งไฟล์)'}: {message}")

    def mapping(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, "ต้องเป็นชุดข้อมูลแบบ key: value")
            return {}
        return value

    def text(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> None:
        full = f"{path}.{key}" if path else key
        value = obj.get(key)
        if value is None or value == "":
            if required:
                self.fail(full, "ต้องระบุ (ห้ามว่าง)")
            return
        if not isinstance(value, str):
            self.fail(full, "ต้องเป็นข้อความ")

    def integer(self, obj: dict[str, Any], key: str, path: str) -> None:
        full = f"{path}.{key}" if path else key
        if not isinstance(obj.get(key), int) or isinstance(obj.get(key), bool):
            self.fail(full, "ต้องเป็นจำนวนเต็ม")

    def number_or_null(self, obj: dict[str, Any], key: str, path: str) -> None:
        value = obj.get(key)
        if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
            self.fail(f"{path}.{key}", "ต้องเป็นตัวเลข หรือ null")

    def choice(self, obj: dict[str, Any], key: str, path: str, choices: tuple[str, ...], default: str | None = None) -> None:
        value = obj.get(key, default)
        if value not in choices:
            self.fail(f"{path}.{key}", f"ต้องเป็นค่าใดค่าหนึ่งใน {', '.join(choices)} (พบ {value!r})")

    def sequence(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> list[Any]:
        full = f"{path}.{key}" if path else key
        value = obj.get(key)
        if value is None:
            if required:
                self.fail(full, "ต้องระบุเป็นรายการ")
            return []
        if not isinstance(value, list):
            self.fail(full, "ต้องเป็นรายการ (list)")
            return []
        return value

    def unique_codes(self, items: list[Any], path: str, seen: dict[str, str]) -> None:
        for i, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("code"), str):
                code = item["code"]
                if code in seen:
                    self.fail(f"{path}[{i}].code", f"รหัส {code!r} ซ้ำกับ {seen[code]}")
                else:
                    seen[code] = f"{path}[{i}]"


def validate_reference_plan(parsed: Parsed, filename: str) -> None:
    c = _Checker(parsed, filename)
    root = c.mapping(parsed.data, "")
    if root:
        for key in ("code", "title_th"):
            c.text(root, key, "")
        c.integer(root, "level", "")
        seen: dict[str, str] = {}

        def walk(items: list[Any], path: str) -> None:
            c.unique_codes(items, path, seen)
            for i, raw in enumerate(items):
                ipath = f"{path}[{i}]"
                item = c.mapping(raw, ipath)
                if not item:
                    continue
                c.text(item, "code", ipath)
                c.text(item, "name_th", ipath)
                walk(c.sequence(item, "items", ipath, required=False), f"{ipath}.items")

        walk(c.sequence(root, "items", ""), "items")
    if c.problems:
        raise PlanFileError(c.problems)


def _check_indicator(c: _Checker, raw: Any, path: str, fiscal_years: range) -> None:
    ind = c.mapping(raw, path)
    if not ind:
        return
    for key in ("code", "name_th", "unit_th"):
        c.text(ind, key, path)
    c.choice(ind, "direction", path, ("up", "down"))
    c.choice(ind, "frequency", path, ("month", "quarter", "year"))
    c.choice(ind, "measure", path, ("computed", "reported"))
    c.choice(ind, "accumulation", path, ("level", "cumulative"), default="level")
    c.number_or_null(ind, "baseline", path)
    if ind.get("measure") == "computed":
        metric = ind.get("metric")
        if not isinstance(metric, str) or metric.count(".") != 1:
            c.fail(f"{path}.metric", "ตัวชี้วัดแบบคำนวณต้องระบุ metric ในรูป <app>.<name>")
    targets = ind.get("targets") or {}
    if not isinstance(targets, dict):
        c.fail(f"{path}.targets", "ต้องเป็นชุด ปีงบประมาณ: ค่าเป้าหมาย")
        return
    for year, value in targets.items():
        if not isinstance(year, int) or year not in fiscal_years:
            c.fail(f"{path}.targets", f"ปี {year!r} อยู่นอกช่วงปีงบประมาณของแผน")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            c.fail(f"{path}.targets.{year}", "ค่าเป้าหมายต้องเป็นตัวเลข")
    for year in ind.get("derived_targets") or []:
        if year not in targets:
            c.fail(f"{path}.derived_targets", f"ปี {year!r} ไม่มีค่าเป้าหมาย")


def validate_plan(parsed: Parsed, filename: str, reference_codes: set[str]) -> None:
    c = _Checker(parsed, filename)
    root = c.mapping(parsed.data, "")
    if not root:
        raise PlanFileError(c.problems)
    for key in ("code", "title_th", "vision_th", "province_code"):
        c.text(root, key, "")
    c.integer(root, "fiscal_year_start_be", "")
    c.integer(root, "fiscal_year_end_be", "")
    start, end = root.get("fiscal_year_start_be"), root.get("fiscal_year_end_be")
    years = range(0)
    if isinstance(start, int) and isinstance(end, int):
        if start < 2400 or end < start:
            c.fail("fiscal_year_start_be", "ปีงบประมาณต้องเป็นปี พ.ศ. และปีเริ่มต้องไม่มากกว่าปีสิ้นสุด")
        years = range(start, end + 1)
    indicator_codes: dict[str, str] = {}
    missions = c.sequence(root, "missions", "")
    c.unique_codes(missions, "missions", {})
    mission_codes = {m.get("code") for m in missions if isinstance(m, dict)}
    for i, raw in enumerate(missions):
        m = c.mapping(raw, f"missions[{i}]")
        c.text(m, "code", f"missions[{i}]")
        c.text(m, "name_th", f"missions[{i}]")
    goals = c.sequence(root, "goals", "")
    c.unique_codes(goals, "goals", {})
    goal_codes = {g.get("code") for g in goals if isinstance(g, dict)}
    for i, raw in enumerate(goals):
        path = f"goals[{i}]"
        g = c.mapping(raw, path)
        c.text(g, "code", path)
        c.text(g, "name_th", path)
        for code in g.get("missions") or []:
            if code not in mission_codes:
                c.fail(f"{path}.missions", f"ไม่พบพันธกิจรหัส {code!r}")
        inds = c.sequence(g, "indicators", path)
        c.unique_codes(inds, f"{path}.indicators", indicator_codes)
        for j, ind in enumerate(inds):
            _check_indicator(c, ind, f"{path}.indicators[{j}]", years)
    strategies = c.sequence(root, "strategies", "")
    c.unique_codes(strategies, "strategies", {})
    for i, raw in enumerate(strategies):
        path = f"strategies[{i}]"
        s = c.mapping(raw, path)
        for key in ("code", "name_th", "objective_th"):
            c.text(s, key, path)
        for code in s.get("missions") or []:
            if code not in mission_codes:
                c.fail(f"{path}.missions", f"ไม่พบพันธกิจรหัส {code!r}")
        for code in s.get("goals") or []:
            if code not in goal_codes:
                c.fail(f"{path}.goals", f"ไม่พบเป้าหมายรหัส {code!r}")
        for code in s.get("alignments") or []:
            if code not in reference_codes:
                c.fail(f"{path}.alignments", f"ไม่พบประเด็นของแผนระดับชาติรหัส {code!r}")
        if not isinstance(s.get("tactics_th", []), list):
            c.fail(f"{path}.tactics_th", "ต้องเป็นรายการ (list)")
        inds = c.sequence(s, "indicators", path)
        c.unique_codes(inds, f"{path}.indicators", indicator_codes)
        for j, ind in enumerate(inds):
            _check_indicator(c, ind, f"{path}.indicators[{j}]", years)
    province = c.sequence(root, "province_indicators", "", required=False)
    c.unique_codes(province, "province_indicators", indicator_codes)
    for j, ind in enumerate(province):
        _check_indicator(c, ind, f"province_indicators[{j}]", years)
    swot = root.get("swot") or {}
    if not isinstance(swot, dict):
        c.fail("swot", "ต้องเป็นชุดข้อมูล strengths_th / weaknesses_th / opportunities_th / threats_th")
    else:
        for key in ("strengths_th", "weaknesses_th", "opportunities_th", "threats_th"):
            if not isinstance(swot.get(key, []), list):
                c.fail(f"swot.{key}", "ต้องเป็นรายการ (list)")
    for key in ("implementation_th", "monitoring_th"):
        if not isinstance(root.get(key, []), list):
            c.fail(key, "ต้องเป็นรายการ (list)")
    if c.problems:
        raise PlanFileError(c.problems)
