"""The training overview: the two staff KPIs per agency (counts only, no names)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.thai_calendar import fiscal_year_be, fiscal_year_range

from .. import metrics, selectors
from ..services import policy_get


def year_from(request: HttpRequest) -> int:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = fiscal_year_be(today)
    return year if 2500 <= year <= 2700 else fiscal_year_be(today)


class TrainingHomeView(PermissionRequiredMixin, View):
    permission = "training.staff:read_counts"

    def get(self, request: HttpRequest) -> HttpResponse:
        year = year_from(request)
        _, end = fiscal_year_range(year)
        on = min(end, timezone.localdate())
        trained = {r["agency_id"]: r for r in selectors.staff_kpi_rows(on=on, fiscal_year_be=year, measure="trained")}
        literate = selectors.staff_kpi_rows(on=on, fiscal_year_be=year, measure="literate")
        rows = [dict(r, trained=trained.get(r["agency_id"], {}).get("numerator", 0),
                     trained_percent=trained.get(r["agency_id"], {}).get("percent")) for r in literate]
        total_den = sum(r["denominator"] for r in rows)
        from .. import rules

        ctx = {
            "year": year, "on": on, "rows": rows, "policy": policy_get(),
            "total_denominator": total_den,
            "literate_percent": rules.percent(sum(r["numerator"] for r in rows), total_den),
            "trained_percent": rules.percent(sum(r["trained"] for r in rows), total_den),
            "literate_rule": metrics.LITERATE_RULE_TH, "trained_rule": metrics.TRAINED_RULE_TH,
            "years": list(range(fiscal_year_be(timezone.localdate()), 2562, -1)),
        }
        return render(request, "training/home.html", ctx)
