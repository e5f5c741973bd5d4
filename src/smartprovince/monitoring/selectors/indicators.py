"""Indicators with their value, target and status for a period (the Check of PDCA)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from smartprovince.core.permissions import agencies_with_perm
from smartprovince.core.thai_calendar import Period, parse_period_key
from smartprovince.plans.models import Indicator, IndicatorTarget, Plan

from .. import status as st
from ..models import Measurement, StatusThresholds
from ..registry import metric_get


def thresholds_get() -> st.Thresholds:
    row = StatusThresholds.objects.filter(pk=1).first()
    if row is None:
        return st.Thresholds()
    return st.Thresholds(on_track=row.on_track_percent, at_risk=row.at_risk_percent)


@dataclass
class IndicatorRow:
    indicator: Indicator
    annual_target: Decimal | None
    measurement: Measurement | None
    assessment: st.Assessment
    has_source: bool
    targets: dict[int, Decimal] = field(default_factory=dict)
    # counting values of every period, oldest first: (period key, period end, value)
    history: list[Measurement] = field(default_factory=list)

    @property
    def value(self) -> Decimal | None:
        return self.measurement.value if self.measurement else None

    @property
    def status(self) -> str:
        return self.assessment.status

    @property
    def period_target(self) -> Decimal | None:
        return self.assessment.target

    @property
    def source_label(self) -> str:
        """Where the value comes from, in the active language (pages)."""
        if not self.has_source and self.measurement is None:
            return st.status_label(st.NO_SOURCE)
        return self.indicator.get_measure_display()

    @property
    def source_label_th(self) -> str:
        """The same in Thai (reports)."""
        from django.utils import translation

        with translation.override("th"):
            return self.source_label


def _start_level(indicator: Indicator, targets: dict[int, Decimal], fy: int) -> Decimal | None:
    if fy - 1 in targets:
        return targets[fy - 1]
    return indicator.baseline


def _pick(measurements: list[Measurement], period: Period) -> Measurement | None:
    """The counting value for ``period``: the latest one of its fiscal year ending by its end."""
    candidates = [m for m in measurements if m.fiscal_year_be == period.fiscal_year_be and m.period_end <= period.end]
    if not candidates:
        return None
    return max(candidates, key=lambda m: (m.period_end, m.period_kind == period.kind, m.taken_at))


def has_source(indicator: Indicator) -> bool:
    if indicator.measure == Indicator.Measure.REPORTED:
        return True
    return bool(indicator.metric) and metric_get(indicator.metric) is not None


def assess_measurement(
    indicator: Indicator, m: Measurement | None, targets: dict[int, Decimal], period: Period, thresholds: st.Thresholds
) -> st.Assessment:
    source = has_source(indicator)
    if m is None:
        fy = period.fiscal_year_be
        return st.assess(
            actual=None, annual_target=targets.get(fy), direction=indicator.direction, accumulation=indicator.accumulation,
            fraction=st.period_fraction(period.kind, period.number), start_level=_start_level(indicator, targets, fy),
            thresholds=thresholds, has_source=source,
        )
    mp = parse_period_key(m.period_key)
    return st.assess(
        actual=m.value, annual_target=targets.get(mp.fiscal_year_be), direction=indicator.direction,
        accumulation=indicator.accumulation, fraction=st.period_fraction(mp.kind, mp.number),
        start_level=_start_level(indicator, targets, mp.fiscal_year_be), thresholds=thresholds,
    )


def indicator_rows(
    plan: Plan, period: Period, *, thresholds: st.Thresholds | None = None, scope: str | None = None,
) -> list[IndicatorRow]:
    """Every indicator of the plan with its current value, target and status (3 queries)."""
    thresholds = thresholds or thresholds_get()
    qs = (
        Indicator.objects.filter(plan=plan)
        .select_related("goal", "strategy", "responsible_agency")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("fiscal_year_be")))
        .order_by("order")
    )
    if scope:
        qs = qs.filter(scope=scope)
    indicators = list(qs)
    by_indicator: dict[int, list[Measurement]] = defaultdict(list)
    for measured in (
        Measurement.objects.filter(indicator__in=indicators, status=Measurement.Status.APPROVED)
        .defer("rows", "columns")
        .order_by("period_end", "taken_at")
    ):
        by_indicator[measured.indicator_id].append(measured)
    rows = []
    for ind in indicators:
        targets = {t.fiscal_year_be: t.value for t in ind.targets.all()}
        history = by_indicator.get(ind.pk, [])
        m = _pick(history, period)
        rows.append(
            IndicatorRow(
                indicator=ind, annual_target=targets.get(period.fiscal_year_be), measurement=m,
                assessment=assess_measurement(ind, m, targets, period, thresholds), has_source=has_source(ind),
                targets=targets, history=history,
            )
        )
    return rows


def access_indicator(*, actor: Any, id: int) -> Indicator:
    """Indicators are plan data, readable by every signed-in role; missing → 404."""
    indicator = (
        Indicator.objects.select_related("plan", "goal", "strategy", "responsible_agency")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("fiscal_year_be")))
        .filter(pk=id)
        .first()
    )
    if indicator is None:
        raise Http404
    return indicator


def measurement_history(indicator: Indicator, *, actor: Any) -> QuerySet[Measurement]:
    """Every measurement of an indicator, newest first. Unapproved reported values are shown
    only to the reporting agency and to those who review them."""
    qs = Measurement.objects.filter(indicator=indicator).select_related("agency", "submitted_by", "reviewed_by").defer(
        "rows", "columns"
    )
    visible = agencies_with_perm(actor, "monitoring.measurement:report")
    from smartprovince.core.permissions import has_perm

    if has_perm(actor, "monitoring.measurement:approve"):
        return qs.order_by("-period_end", "-taken_at")
    from django.db.models import Q

    only = Q(status=Measurement.Status.APPROVED)
    if visible:
        only |= Q(agency_id__in=visible)
    return qs.filter(only).order_by("-period_end", "-taken_at")


def access_measurement(*, actor: Any, id: int) -> Measurement:
    """A measurement the actor may see: approved ones for readers; drafts only for the reporting
    agency and the approvers; otherwise 404."""
    from smartprovince.core.permissions import has_perm

    m = Measurement.objects.select_related("indicator", "indicator__plan", "agency").filter(pk=id).first()
    if m is None:
        raise Http404
    if m.status == Measurement.Status.APPROVED and has_perm(actor, "monitoring.indicator:read"):
        return m
    if has_perm(actor, "monitoring.measurement:approve"):
        return m
    if m.agency_id and has_perm(actor, "monitoring.measurement:report", m.agency_id):
        agencies = agencies_with_perm(actor, "monitoring.measurement:report")
        if agencies is None or m.agency_id in agencies:
            return m
    raise Http404


def reported_measurement_list(*, actor: Any, status: str = "") -> QuerySet[Measurement]:
    """Reported values the actor works on: all for approvers, their agency's for editors."""
    from smartprovince.core.permissions import has_perm

    qs = (
        Measurement.objects.filter(source=Measurement.Source.REPORTED)
        .select_related("indicator", "agency", "submitted_by")
        .defer("rows", "columns")
        .order_by("-period_end", "indicator__order")
    )
    if status:
        qs = qs.filter(status=status)
    if has_perm(actor, "monitoring.measurement:approve"):
        return qs
    agencies = agencies_with_perm(actor, "monitoring.measurement:report")
    if agencies is None:
        return qs
    return qs.filter(agency_id__in=agencies)
