"""What the executive dashboard shows for one period, computed once per version of its input data.

The dashboard's numbers are province-wide roll-ups of every project, budget line and monthly
report of the fiscal year (``overview``): their cost grows with the data. They change only when
someone writes projects, reports, plans and targets, measurements, corrective actions or agencies,
so the reduced result (``DashboardSummary``: totals, groups, the top of the "needing action" list,
never the per-project rows) is kept in the cache under the data versions of those apps
(``core.dataversion``). Every audited write of those apps changes the key, so a cached summary is
never stale; a request on unchanged data costs one small query and a cache read whatever the size
of the province.

The cache is shared by every user whatever their language, so nothing cached is translated: labels
are stored as Thai msgids (or lazy strings, which pickle as lazy strings) and translated when a
page renders them (``Words``, ``Project.Status`` labels looked up by value).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, gettext_noop

from smartprovince.core import dataversion
from smartprovince.core.thai_calendar import Period
from smartprovince.plans.models import Plan, Strategy

from .. import status as st
from ..projectdata import ProjectFact, Totals
from .indicators import IndicatorRow
from .overview import DistrictRow, IndicatorGroups, Overview, overview

# The apps whose data the roll-ups read (projects, budget lines and reports; plan, strategies,
# indicators and targets; measurements, thresholds and corrective actions; agency names).
INPUT_APPS = ("agencies", "plans", "projects", "monitoring")
FORMAT = 3  # bump when DashboardSummary changes shape (a shared cache may hold older pickles)
TIMEOUT = 6 * 3600
NEEDING_LIMIT = 50  # the PDCA board lists 50, the dashboard the first DASHBOARD_NEEDING
DASHBOARD_NEEDING = 15


@dataclass
class DashboardSummary(IndicatorGroups):
    plan_id: int
    period: Period
    as_of: dt.date
    thresholds: st.Thresholds
    indicators: list[IndicatorRow]
    strategies: list[Strategy]
    total: Totals
    by_status: list[tuple[str, str, int]]
    by_strategy: list[tuple[Strategy, Totals]]
    by_agency: list[tuple[int, str, Totals]]
    by_district: list[DistrictRow]
    late_total: int
    needing: list[dict[str, Any]] = field(default_factory=list)  # the first NEEDING_LIMIT items
    needing_total: int = 0


def summarize(ov: Overview, *, needing_limit: int | None = None) -> DashboardSummary:
    """The part of an overview the dashboard shows (its size does not depend on the number of projects)."""
    late: list[ProjectFact] = ov.late_projects
    return DashboardSummary(
        plan_id=ov.plan.pk,
        period=ov.period,
        as_of=ov.as_of,
        thresholds=ov.thresholds,
        indicators=ov.indicators,
        strategies=ov.strategies,
        total=ov.total,
        by_status=ov.by_status,
        by_strategy=ov.by_strategy,
        by_agency=ov.by_agency,
        by_district=ov.by_district,
        late_total=len(late),
        needing=ov.needing_action_top(NEEDING_LIMIT if needing_limit is None else needing_limit),
        needing_total=len(ov.off_track) + len(late),
    )


def summary_key(plan: Plan, period: Period, as_of: dt.date) -> str:
    """The cache key: the period, the day (lateness and reports due depend on it) and the data versions."""
    version = dataversion.current(*INPUT_APPS)
    return f"monitoring:dashboard:{FORMAT}:{plan.pk}:{period.key}:{period.kind}:{as_of.isoformat()}:{version}"


def dashboard_summary(*, plan: Plan, period: Period, as_of: dt.date) -> DashboardSummary:
    """The dashboard's roll-ups for ``period``: from the cache when no input changed since they were
    computed, else computed (``overview``) and cached."""
    summary: DashboardSummary = dataversion.cached(
        summary_key(plan, period, as_of), lambda: summarize(overview(plan=plan, period=period, as_of=as_of)),
        timeout=TIMEOUT,
    )
    return summary


# ------------------------------------------------------------------------------ drill-down
@dataclass(frozen=True)
class Words:
    """A Thai msgid and its parameters, translated into the active language when shown (``str``).

    Cached as they are, so one cached selection serves a Thai and an English page alike; a parameter
    may be a lazy string (it pickles as one and is translated with the rest)."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)
    translate: bool = True  # False for data shown as it is (an agency's name)

    def __str__(self) -> str:
        text = gettext(self.msgid) if self.translate else self.msgid
        return text % self.params if self.params else text


@dataclass
class DrillSelection:
    """The projects behind one dashboard number: their ids in list order, their totals and the
    words that say what was selected (untranslated, see ``Words``). Small whatever the province (ids only)."""

    ids: list[int]
    total: Totals
    title: list[Words]

    def title_text(self) -> str:
        """What was selected, in the active language ("all" when nothing was)."""
        return " · ".join(str(words) for words in self.title) or gettext("ทั้งหมด")


DRILL_FILTERS = ("status", "active", "strategy", "agency", "late", "district")


def drill_selection(*, period: Period, as_of: dt.date, params: dict[str, str]) -> DrillSelection:
    """Which projects a drill-down lists (same definitions as the dashboard's numbers), computed once
    per data version and filter; the page then loads only its own rows."""
    from smartprovince.projects.models import Project

    from ..projectdata import project_districts, project_facts, totals
    from .overview import round_period

    wanted = {k: params[k] for k in DRILL_FILTERS if params.get(k)}
    version = dataversion.current(*INPUT_APPS)
    base = f"monitoring:drill:{FORMAT}:{period.key}:{period.kind}:{as_of.isoformat()}:{version}"

    def select() -> DrillSelection:
        facts = dataversion.cached(f"{base}:facts", lambda: project_facts(round_period(period), as_of=as_of),
                                   timeout=TIMEOUT)
        title: list[Words] = []
        if wanted.get("status"):
            facts = [f for f in facts if f.status == wanted["status"]]
            # the choice's label stays lazy (translated when shown); an unknown value is shown as it is
            label = dict(Project.Status.choices).get(wanted["status"], wanted["status"])
            title.append(Words(gettext_noop("สถานะ “%(status)s”"), {"status": label}))
        if wanted.get("active"):
            facts = [f for f in facts if f.is_active]
            title.append(Words(gettext_noop("ที่ดำเนินการ (ไม่นับร่างและยกเลิก)")))
        if wanted.get("strategy", "").isdigit():
            facts = [f for f in facts if f.strategy_id == int(wanted["strategy"])]
            if facts:
                title.append(Words(gettext_noop("ยุทธศาสตร์ที่ %(number)s"), {"number": facts[0].strategy_number}))
        if wanted.get("agency", "").isdigit():
            facts = [f for f in facts if f.agency_id == int(wanted["agency"])]
            if facts:
                title.append(Words(facts[0].agency_name, translate=False))
        if wanted.get("late"):
            late_as_of = min(as_of, period.end)
            facts = [f for f in facts if f.is_late(late_as_of)]
            title.append(Words(gettext_noop("ที่ล่าช้าหรือมีความเสี่ยง")))
        if wanted.get("district"):
            places = project_districts([f.id for f in facts])
            code = wanted["district"]
            facts = [f for f in facts
                     if (code == "none" and not places.get(f.id)) or code in {c for c, _ in places.get(f.id, [])}]
            if code == "none":
                title.append(Words(gettext_noop("ไม่ระบุอำเภอ")))
            else:
                title.append(Words(gettext_noop("อำเภอรหัส %(code)s"), {"code": code}))
        return DrillSelection(ids=[f.id for f in facts], total=totals(facts), title=title)

    filters = "&".join(f"{k}={wanted[k]}" for k in sorted(wanted))
    return dataversion.cached(f"{base}:{filters}", select, timeout=TIMEOUT)  # type: ignore[no-any-return]
