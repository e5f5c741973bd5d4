"""Public pages: home, the plan, strategies, alignment matrix, agency directory."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from smartprovince.agencies.models import Agency
from smartprovince.agencies.selectors import agency_list
from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.xlsx import Sheet, xlsx_response
from smartprovince.monitoring.selectors import indicator_latest_values
from smartprovince.plans import selectors as plan_selectors
from smartprovince.plans.models import PlanStatement


def _goal_cards(plan: Any) -> list[dict[str, Any]]:
    goals = list(plan.goals.all())
    indicators = [ind for g in goals for ind in g.indicators.all()]
    latest = indicator_latest_values([i.pk for i in indicators])
    cards = []
    for goal in goals:
        for ind in goal.indicators.all():
            cards.append(
                {"goal": goal, "indicator": ind, "target": plan_selectors.final_target(ind), "latest": latest.get(ind.pk)}
            )
    return cards


class HomeView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        plan = plan_selectors.plan_home()
        ctx: dict[str, Any] = {"plan": plan}
        if plan is not None:
            ctx["goal_cards"] = _goal_cards(plan)
        return render(request, "portal/home.html", ctx)


class PlanView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, code: str | None = None) -> HttpResponse:
        plan = plan_selectors.plan_get(code=code)
        statements: dict[str, list[PlanStatement]] = {}
        for st in plan.statements.all():
            statements.setdefault(st.kind, []).append(st)
        indicators = [i for g in plan.goals.all() for i in g.indicators.all()] + [
            i for s in plan.strategies.all() for i in s.indicators.all()
        ] + list(getattr(plan, "province_indicators", []))
        latest = indicator_latest_values([i.pk for i in indicators])
        return render(
            request, "portal/plan.html",
            {
                "plan": plan, "statements": statements, "goal_cards": _goal_cards(plan), "latest": latest,
                "plans": plan_selectors.plan_list(),
            },
        )


class StrategyView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, number: int, code: str | None = None) -> HttpResponse:
        plan = plan_selectors.plan_get(code=code)
        strategy = plan_selectors.strategy_get(plan=plan, number=number)
        indicators = list(strategy.indicators.all())
        latest = indicator_latest_values([i.pk for i in indicators])
        rows = [{"indicator": i, "targets": list(i.targets.all()), "latest": latest.get(i.pk)} for i in indicators]
        return render(
            request, "portal/strategy.html", {"plan": plan, "strategy": strategy, "rows": rows}
        )


class AlignmentView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, code: str | None = None) -> HttpResponse:
        plan = plan_selectors.plan_get(code=code)
        matrix = plan_selectors.alignment_matrix(plan=plan)
        if request.GET.get("format") == "xlsx":
            headers = ["แผนระดับชาติ", "ระดับแผน", "รหัส", "ประเด็น"] + [f"ยุทธศาสตร์ที่ {s.number}" for s in matrix.strategies]
            rows = [
                [r["plan"].title_th, r["plan"].level, r["item"].code, r["item"].name_th]
                + ["✓" if hit else "" for hit in r["hits"]]
                for r in matrix.rows
            ]
            legend = [[f"ยุทธศาสตร์ที่ {s.number}", s.name_th] for s in matrix.strategies]
            return xlsx_response(
                f"ความสอดคล้อง-{plan.code}.xlsx",
                [
                    Sheet("ความสอดคล้อง", headers, rows, widths=[40, 8, 16, 60] + [14] * len(matrix.strategies), caption=plan.title_th),
                    Sheet("ยุทธศาสตร์", ["ยุทธศาสตร์", "ชื่อ"], legend, widths=[16, 80]),
                ],
            )
        return render(request, "portal/alignment.html", {"plan": plan, "matrix": matrix})


class AgencyDirectoryView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        search = request.GET.get("q", "").strip()[:100]
        kind = request.GET.get("kind", "")
        page = Paginator(agency_list(search=search, kind=kind), 30).get_page(request.GET.get("page"))
        return render(
            request, "portal/agencies.html",
            {"page_obj": page, "agencies": page.object_list, "q": search, "kind": kind, "kinds": Agency.Kind.choices},
        )


class AgencyPublicView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = agency_list().filter(code=code).first()
        if agency is None:
            raise Http404
        return render(request, "portal/agency.html", {"agency": agency})
