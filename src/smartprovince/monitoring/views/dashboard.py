"""The executive dashboard and the drill-down behind each of its project numbers."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.i18n import month_text
from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.thai_calendar import Period, months_of_fiscal_year

from .. import figures
from ..selectors.overview import current_plan, resolve_period, round_period
from ..selectors.summary import DASHBOARD_NEEDING, dashboard_summary, drill_selection


def period_from_request(request: HttpRequest) -> tuple[Any, Period]:
    plan = current_plan()
    period = resolve_period(
        plan, fy=request.GET.get("fy"), quarter=request.GET.get("q"), month=request.GET.get("m"),
        today=timezone.localdate(),
    )
    return plan, period


def period_query(period: Period) -> dict[str, Any]:
    query: dict[str, Any] = {"fy": period.fiscal_year_be}
    if period.kind == "quarter":
        query["q"] = period.number
    elif period.kind == "month":
        query["m"] = period.number
    return query


def filter_context(plan: Any, period: Period) -> dict[str, Any]:
    months = months_of_fiscal_year(period.fiscal_year_be)
    return {
        "years": plan.fiscal_years,
        "quarters": [
            (q, gettext("ไตรมาสที่ %(quarter)s (รอบ %(months)s เดือน)") % {"quarter": q, "months": q * 3})
            for q in range(1, 5)
        ],
        "months": [(i, month_text(d, "long")) for i, d in enumerate(months, start=1)],
        "period": period,
        "sel_q": period.number if period.kind == "quarter" else None,
        "sel_m": period.number if period.kind == "month" else None,
        "period_qs": urlencode(period_query(period)),
    }


class DashboardView(PermissionRequiredMixin, View):
    permission = "monitoring.dashboard:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        plan, period = period_from_request(request)
        ov = dashboard_summary(plan=plan, period=period, as_of=timezone.localdate())
        base = period_query(period)

        def drill(**params: Any) -> str:
            return f"{reverse('monitoring:drill-projects')}?{urlencode({**base, **params})}"

        def ind_url(pk: int) -> str:
            return f"{reverse('monitoring:indicator-detail', args=[pk])}?{urlencode(base)}"

        goal_figs = [
            {"row": r, "fig": figures.goal_trend(r, ind_url(r.indicator.pk)), "id": f"fig-goal-{r.indicator.pk}",
             "url": ind_url(r.indicator.pk)}
            for r in ov.goals
        ]
        ctx = {
            "plan": plan, "ov": ov, "goal_figs": goal_figs,
            "fig_status": figures.projects_by_status(ov, lambda s: drill(status=s)),
            "fig_strategy": figures.budget_by_strategy(ov, lambda sid: drill(strategy=sid)),
            "fig_agency": figures.budget_by_agency(ov, lambda aid: drill(agency=aid)),
            "fig_on_time": figures.on_time_by_agency(ov, lambda aid: drill(agency=aid)),
            "fig_district": figures.by_district(ov, lambda code: drill(district=code)),
            "kpis": ov.strategy_kpis + ov.province_kpis, "needing": ov.needing[:DASHBOARD_NEEDING], "needing_total": ov.needing_total,
            "drill_all": drill(), "drill_late": drill(late=1), "drill_active": drill(active=1),
            "ind_query": urlencode(base),
            **filter_context(plan, period),
        }
        return render(request, "monitoring/dashboard.html", ctx)


class ProjectDrillView(PermissionRequiredMixin, View):
    """The projects behind a dashboard number, with the same definitions as the number."""

    permission = "monitoring.dashboard:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        from smartprovince.projects.models import Project

        from ..projectdata import project_facts

        plan, period = period_from_request(request)
        as_of = timezone.localdate()
        selection = drill_selection(period=period, as_of=as_of, params=request.GET.dict())
        page = Paginator(selection.ids, 50).get_page(request.GET.get("page"))
        ids = list(page.object_list)
        by_id = {f.id: f for f in project_facts(round_period(period), as_of=as_of, ids=ids)} if ids else {}
        facts = [by_id[i] for i in ids if i in by_id]
        labels = dict(Project.Status.choices)
        ctx = {
            "plan": plan, "page_obj": page, "rows": [(f, labels.get(f.status, f.status)) for f in facts],
            "total": selection.total, "filter_title": selection.title_text(),
            **filter_context(plan, period),
        }
        return render(request, "monitoring/drill_projects.html", ctx)

