"""Small helpers shared by the projects pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from smartprovince.core.thai_calendar import current_fiscal_year_be
from smartprovince.plans.models import Plan


def int_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "").strip()
    return int(value) if value.isdigit() else None


def fiscal_year_param(request: HttpRequest, name: str = "fy", default_current: bool = True) -> int | None:
    value = int_param(request, name)
    if value and 2400 < value < 2700:
        return value
    return current_fiscal_year_be(timezone.localdate()) if default_current else None


def fiscal_year_choices() -> list[int]:
    plan = Plan.objects.filter(is_current=True).first()
    years = set(plan.fiscal_years) if plan else set()
    years.add(current_fiscal_year_be(timezone.localdate()))
    return sorted(years, reverse=True)


def form_errors_text(form: Any) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)
