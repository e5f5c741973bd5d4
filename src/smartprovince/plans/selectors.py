"""Reads of the plan. The plan is public information: no actor filtering is needed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from .models import Goal, Indicator, IndicatorTarget, Plan, ReferenceItem, ReferencePlan, Strategy

_INDICATORS = Prefetch(
    "indicators",
    queryset=Indicator.objects.order_by("order").prefetch_related(
        Prefetch("targets", queryset=IndicatorTarget.objects.order_by("fiscal_year_be"))
    ),
)


def plan_list() -> QuerySet[Plan]:
    return Plan.objects.order_by("-is_current", "-fiscal_year_start_be")


def plan_current() -> Plan | None:
    return Plan.objects.filter(is_current=True).order_by("-fiscal_year_start_be").first()


def plan_get(*, code: str | None = None) -> Plan:
    """A plan with everything the plan page shows, in a fixed number of queries."""
    qs = Plan.objects.prefetch_related(
        "missions",
        Prefetch("goals", queryset=Goal.objects.order_by("order").prefetch_related("missions", _INDICATORS)),
        Prefetch(
            "strategies",
            queryset=Strategy.objects.order_by("number").prefetch_related(
                "missions", "goals", _INDICATORS, Prefetch("alignments", queryset=ReferenceItem.objects.select_related("plan"))
            ),
        ),
        "statements",
        Prefetch(
            "indicators",
            queryset=Indicator.objects.filter(scope=Indicator.Scope.PROVINCE).prefetch_related("targets"),
            to_attr="province_indicators",
        ),
    )
    plan = qs.filter(code=code).first() if code else qs.filter(is_current=True).order_by("-fiscal_year_start_be").first()
    if plan is None:
        raise Http404
    return plan


def plan_home() -> Plan | None:
    """The current plan with its goals (indicators, targets) and strategies: what the home page shows."""
    return (
        Plan.objects.filter(is_current=True)
        .order_by("-fiscal_year_start_be")
        .prefetch_related(
            Prefetch("goals", queryset=Goal.objects.order_by("order").prefetch_related(_INDICATORS)),
            Prefetch("strategies", queryset=Strategy.objects.order_by("number")),
        )
        .first()
    )


def strategy_get(*, plan: Plan, number: int) -> Strategy:
    strategy = (
        Strategy.objects.filter(plan=plan, number=number)
        .prefetch_related("missions", "goals", _INDICATORS, Prefetch("alignments", queryset=ReferenceItem.objects.select_related("plan")))
        .first()
    )
    if strategy is None:
        raise Http404
    return strategy


def indicator_list(*, plan: Plan) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(plan=plan)
        .select_related("goal", "strategy", "responsible_agency")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("fiscal_year_be")))
        .order_by("order")
    )


def reference_plan_list() -> QuerySet[ReferencePlan]:
    return ReferencePlan.objects.prefetch_related(
        Prefetch("items", queryset=ReferenceItem.objects.order_by("order"))
    ).order_by("order")


@dataclass
class AlignmentMatrix:
    strategies: list[Strategy]
    rows: list[dict[str, Any]]  # {"plan": ReferencePlan, "item": ReferenceItem, "hits": [bool per strategy]}


def alignment_matrix(*, plan: Plan) -> AlignmentMatrix:
    """Reference-plan items (rows) × provincial strategies (columns)."""
    strategies = list(Strategy.objects.filter(plan=plan).order_by("number").prefetch_related("alignments"))
    aligned = {s.pk: {a.pk for a in s.alignments.all()} for s in strategies}
    rows = []
    for item in ReferenceItem.objects.select_related("plan").order_by("plan__order", "order"):
        hits = [item.pk in aligned[s.pk] for s in strategies]
        rows.append({"plan": item.plan, "item": item, "hits": hits})
    return AlignmentMatrix(strategies=strategies, rows=rows)


def target_for(indicator: Indicator, fiscal_year_be: int) -> IndicatorTarget | None:
    for target in indicator.targets.all():
        if target.fiscal_year_be == fiscal_year_be:
            return target
    return None


def final_target(indicator: Indicator) -> IndicatorTarget | None:
    targets = list(indicator.targets.all())
    return targets[-1] if targets else None
