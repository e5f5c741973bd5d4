"""Load a plan file and its reference plans into the database (DESIGN.md §3.1).

Idempotent: records are matched by their stable codes; loading the same file twice changes
nothing and writes no audit event. A changed file updates in place; each changed record is
audited. A malformed file is refused with the key and line at fault and nothing is written
(everything runs in one transaction, after validation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from smartprovince.core import dataversion
from smartprovince.core.audit import audit_log

from .models import (
    Goal,
    Indicator,
    IndicatorTarget,
    Mission,
    Plan,
    PlanStatement,
    ReferenceItem,
    ReferencePlan,
    Strategy,
)
from .schema import PlanFileError, parse_yaml, validate_plan, validate_reference_plan

DATA_DIR = Path(__file__).parent / "data"


@dataclass
class LoadResult:
    plan: Plan | None = None
    created: int = 0
    updated: int = 0
    deleted: int = 0
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


class _Writer:
    def __init__(self, actor: Any, result: LoadResult) -> None:
        self.actor = actor
        self.result = result

    def upsert(self, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]) -> Any:
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.save()
            self.result.created += 1
            self.result.changes.append(f"+ {model._meta.verbose_name} {lookup}")
            audit_log(actor=self.actor, action=f"plans.{model._meta.model_name}.loaded", obj=obj, changes=_plain(values))
            return obj
        changed = {}
        for key, value in values.items():
            current = getattr(obj, key)
            if _norm(current) != _norm(value):
                changed[key] = [_plain_value(current), _plain_value(value)]
                setattr(obj, key, value)
        if changed:
            obj.save()
            self.result.updated += 1
            self.result.changes.append(f"~ {model._meta.verbose_name} {lookup}: {', '.join(changed)}")
            audit_log(actor=self.actor, action=f"plans.{model._meta.model_name}.updated", obj=obj, changes=changed)
        return obj

    def set_m2m(self, obj: models.Model, name: str, targets: list[models.Model]) -> None:
        manager = getattr(obj, name)
        current = set(manager.values_list("pk", flat=True))
        wanted = {t.pk for t in targets}
        if current != wanted:
            manager.set(targets)
            self.result.updated += 1
            self.result.changes.append(f"~ {obj} {name}")
            audit_log(
                actor=self.actor, action=f"plans.{obj._meta.model_name}.updated", obj=obj,
                changes={name: [sorted(map(str, current)), sorted(map(str, wanted))]},
            )

    def delete_missing(self, queryset: models.QuerySet[Any], keep_pks: set[Any]) -> None:
        stale = queryset.exclude(pk__in=keep_pks)
        for obj in stale:
            audit_log(actor=self.actor, action=f"plans.{obj._meta.model_name}.deleted", obj=obj, changes={})
            self.result.changes.append(f"- {obj._meta.verbose_name} {obj}")
            self.result.deleted += 1
        stale.delete()


def _norm(value: Any) -> Any:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value)).normalize()
    if value is None:
        return None
    if isinstance(value, models.Model):
        return value.pk
    return value


def _plain_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return value


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain_value(v) for k, v in values.items()}


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def reference_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def load_reference_plans(files: list[Path], *, actor: Any = None, result: LoadResult | None = None) -> LoadResult:
    result = result or LoadResult()
    parsed_files = []
    for path in files:
        parsed = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        validate_reference_plan(parsed, path.name)
        parsed_files.append(parsed.data)
    writer = _Writer(actor, result)
    with transaction.atomic():
        for order, data in enumerate(sorted(parsed_files, key=lambda d: str(d.get("section", ""))), start=1):
            plan = writer.upsert(
                ReferencePlan,
                {"code": data["code"]},
                {
                    "title_th": _text(data["title_th"]),
                    "title_en": _text(data.get("title_en")),
                    "level": data["level"],
                    "period_th": _text(data.get("period_th")),
                    "section": _text(data.get("section")),
                    "description_th": _text(data.get("description_th")),
                    "order": order,
                },
            )
            keep: set[Any] = set()
            counter = [0]

            def walk(
                items: list[dict[str, Any]], parent: Any, depth: int,
                plan: Any = plan, counter: list[int] = counter, keep: set[Any] = keep,
            ) -> None:
                for item in items:
                    counter[0] += 1
                    obj = writer.upsert(
                        ReferenceItem,
                        {"code": item["code"]},
                        {
                            "plan": plan,
                            "parent": parent,
                            "kind_th": _text(item.get("kind_th")),
                            "name_th": _text(item["name_th"]),
                            "name_en": _text(item.get("name_en")),
                            "description_th": _text(item.get("description_th")),
                            "order": counter[0],
                            "depth": depth,
                        },
                    )
                    keep.add(obj.pk)
                    walk(item.get("items") or [], obj, depth + 1)  # type: ignore[arg-type]

            walk(data.get("items") or [], None, 0)
            writer.delete_missing(ReferenceItem.objects.filter(plan=plan, parent__isnull=False), keep)
            writer.delete_missing(ReferenceItem.objects.filter(plan=plan), keep)
    return result


def load_plan(path: Path, *, actor: Any = None, reference_dir: Path | None = None) -> LoadResult:
    """Load ``path`` (and the reference plans in ``reference_dir``, default ``<dir>/reference``)."""
    path = Path(path)
    reference_dir = reference_dir or path.parent / "reference"
    result = LoadResult()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanFileError([f"ไม่พบไฟล์ {path}"]) from None
    except UnicodeDecodeError:
        raise PlanFileError([f"{path.name}: ไฟล์ต้องเข้ารหัส UTF-8"]) from None
    parsed = parse_yaml(text, path.name)
    ref_files = reference_files(reference_dir) if reference_dir.exists() else []
    ref_codes: set[str] = set()
    for ref in ref_files:
        ref_parsed = parse_yaml(ref.read_text(encoding="utf-8"), ref.name)
        validate_reference_plan(ref_parsed, ref.name)
        _collect_codes(ref_parsed.data.get("items") or [], ref_codes)
    ref_codes |= set(ReferenceItem.objects.values_list("code", flat=True))
    validate_plan(parsed, path.name, ref_codes)
    data = parsed.data
    with transaction.atomic():
        load_reference_plans(ref_files, actor=actor, result=result)
        writer = _Writer(actor, result)
        plan = writer.upsert(
            Plan,
            {"code": data["code"]},
            {
                "title_th": _text(data["title_th"]),
                "title_en": _text(data.get("title_en")),
                "province_code": str(data["province_code"]),
                "fiscal_year_start_be": data["fiscal_year_start_be"],
                "fiscal_year_end_be": data["fiscal_year_end_be"],
                "executive_summary_th": _text(data.get("executive_summary_th")),
                "background_th": _text(data.get("background_th")),
                "situation_th": _text(data.get("situation_th")),
                "swot_intro_th": _text(data.get("swot_intro_th")),
                "vision_th": _text(data["vision_th"]),
                "vision_en": _text(data.get("vision_en")),
                "implementation_intro_th": _text(data.get("implementation_intro_th")),
                "monitoring_intro_th": _text(data.get("monitoring_intro_th")),
                "source_file": path.name,
            },
        )
        assert isinstance(plan, Plan)
        _load_body(writer, plan, data)
        if result.changed:
            Plan.objects.filter(pk=plan.pk).update(loaded_at=timezone.now())
        if not Plan.objects.filter(is_current=True).exclude(pk=plan.pk).exists():
            Plan.objects.filter(pk=plan.pk, is_current=False).update(is_current=True)
        dataversion.bump("plans")  # is_current and loaded_at are set without an audit event
        plan.refresh_from_db()
        result.plan = plan
    return result


def _collect_codes(items: list[dict[str, Any]], codes: set[str]) -> None:
    for item in items:
        if isinstance(item, dict):
            codes.add(str(item.get("code")))
            _collect_codes(item.get("items") or [], codes)


def _load_body(writer: _Writer, plan: Plan, data: dict[str, Any]) -> None:
    missions: dict[str, Mission] = {}
    for order, m in enumerate(data.get("missions") or [], start=1):
        missions[m["code"]] = writer.upsert(  # type: ignore[assignment]
            Mission, {"plan": plan, "code": m["code"]},
            {"name_th": _text(m["name_th"]), "name_en": _text(m.get("name_en")), "order": order},
        )
    writer.delete_missing(plan.missions.all(), {m.pk for m in missions.values()})

    goals: dict[str, Goal] = {}
    indicator_order = [0]
    kept_indicators: set[int] = set()
    for order, g in enumerate(data.get("goals") or [], start=1):
        goal = writer.upsert(
            Goal, {"plan": plan, "code": g["code"]},
            {"name_th": _text(g["name_th"]), "name_en": _text(g.get("name_en")), "order": order},
        )
        assert isinstance(goal, Goal)
        goals[g["code"]] = goal
        writer.set_m2m(goal, "missions", [missions[c] for c in g.get("missions") or []])
        for ind in g.get("indicators") or []:
            kept_indicators.add(_load_indicator(writer, plan, ind, Indicator.Scope.GOAL, indicator_order, goal=goal))
    writer.delete_missing(plan.goals.all(), {g.pk for g in goals.values()})

    strategies: list[Strategy] = []
    for number, s in enumerate(data.get("strategies") or [], start=1):
        strategy = writer.upsert(
            Strategy, {"plan": plan, "code": s["code"]},
            {
                "number": number,
                "name_th": _text(s["name_th"]),
                "name_en": _text(s.get("name_en")),
                "objective_th": _text(s.get("objective_th")),
                "objective_en": _text(s.get("objective_en")),
                "tactics_th": [_text(t) for t in s.get("tactics_th") or []],
                "tactics_en": [_text(t) for t in s.get("tactics_en") or []],
            },
        )
        assert isinstance(strategy, Strategy)
        strategies.append(strategy)
        writer.set_m2m(strategy, "missions", [missions[c] for c in s.get("missions") or []])
        writer.set_m2m(strategy, "goals", [goals[c] for c in s.get("goals") or []])
        writer.set_m2m(strategy, "alignments", list(ReferenceItem.objects.filter(code__in=s.get("alignments") or [])))
        for ind in s.get("indicators") or []:
            kept_indicators.add(
                _load_indicator(writer, plan, ind, Indicator.Scope.STRATEGY, indicator_order, strategy=strategy)
            )
    writer.delete_missing(plan.strategies.all(), {s.pk for s in strategies})

    for ind in data.get("province_indicators") or []:
        kept_indicators.add(_load_indicator(writer, plan, ind, Indicator.Scope.PROVINCE, indicator_order))
    writer.delete_missing(plan.indicators.all(), kept_indicators)

    swot = data.get("swot") or {}
    statements = {
        PlanStatement.Kind.STRENGTH: swot.get("strengths_th") or [],
        PlanStatement.Kind.WEAKNESS: swot.get("weaknesses_th") or [],
        PlanStatement.Kind.OPPORTUNITY: swot.get("opportunities_th") or [],
        PlanStatement.Kind.THREAT: swot.get("threats_th") or [],
        PlanStatement.Kind.IMPLEMENTATION: data.get("implementation_th") or [],
        PlanStatement.Kind.MONITORING: data.get("monitoring_th") or [],
    }
    kept_statements: set[int] = set()
    for kind, texts in statements.items():
        for order, text in enumerate(texts, start=1):
            obj = writer.upsert(PlanStatement, {"plan": plan, "kind": kind, "order": order}, {"text_th": _text(text)})
            kept_statements.add(obj.pk)
    writer.delete_missing(plan.statements.all(), kept_statements)


def _load_indicator(
    writer: _Writer,
    plan: Plan,
    data: dict[str, Any],
    scope: str,
    order: list[int],
    *,
    goal: Goal | None = None,
    strategy: Strategy | None = None,
) -> int:
    order[0] += 1
    baseline = data.get("baseline")
    indicator = writer.upsert(
        Indicator, {"plan": plan, "code": data["code"]},
        {
            "scope": scope,
            "goal": goal,
            "strategy": strategy,
            "name_th": _text(data["name_th"]),
            "name_en": _text(data.get("name_en")),
            "unit_th": _text(data["unit_th"]),
            "unit_en": _text(data.get("unit_en")),
            "direction": data["direction"],
            "baseline": Decimal(str(baseline)) if baseline is not None else None,
            "frequency": data["frequency"],
            "measure": data["measure"],
            "metric": _text(data.get("metric")) if data["measure"] == "computed" else "",
            "accumulation": data.get("accumulation") or "level",
            "source_text_th": _text(data.get("source_text_th")),
            "order": order[0],
        },
    )
    derived = set(data.get("derived_targets") or [])
    kept: set[int] = set()
    for year, value in (data.get("targets") or {}).items():
        target = writer.upsert(
            IndicatorTarget, {"indicator": indicator, "fiscal_year_be": int(year)},
            {"value": Decimal(str(value)), "is_derived": int(year) in derived},
        )
        kept.add(target.pk)
    writer.delete_missing(IndicatorTarget.objects.filter(indicator=indicator), kept)
    return indicator.pk


__all__ = ["LoadResult", "PlanFileError", "load_plan", "load_reference_plans"]
