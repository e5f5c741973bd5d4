"""Template filters for Thai display: BE dates, fiscal periods, Thai digits, bilingual names.

Loaded as a builtin, so every template can use them without ``{% load %}``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from smartprovince.core import audit_display
from smartprovince.core import thai_calendar as tc
from smartprovince.core.permissions import has_perm

register = template.Library()


def _as_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


@register.filter
def be_date(value: Any, style: str = "short") -> str:
    """``{{ d|be_date }}`` → 1 ต.ค. 2564; styles: short, long, formal, 2digit, numeric."""
    day = _as_date(value)
    if day is None:
        return ""
    if get_language() == "en" and style != "numeric":
        return f"{day.day} {tc.MONTHS_EN_SHORT[day.month - 1]} {day.year}"
    return tc.format_date(day, style)


@register.filter
def be_datetime(value: Any) -> str:
    if not isinstance(value, dt.datetime):
        return be_date(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    if get_language() == "en":
        return f"{local:%d %b %Y %H:%M}"
    return tc.format_datetime(local)


@register.filter
def be_year(value: Any) -> Any:
    if isinstance(value, int):
        return tc.be_year(value)
    day = _as_date(value)
    return tc.be_year(day.year) if day else ""


@register.filter
def fiscal_year(value: Any) -> Any:
    day = _as_date(value)
    return tc.fiscal_year_be(day) if day else ""


@register.filter
def month_be(value: Any, style: str = "short") -> str:
    day = _as_date(value)
    return tc.month_label(day, style) if day else ""


@register.filter
def thai_digits(value: Any) -> str:
    return tc.to_thai_digits(str(value))


@register.filter
def tr(obj: Any, field: str = "name") -> Any:
    """Bilingual field: ``{{ agency|tr }}`` gives ``name_en`` in English when set, else ``name_th``."""
    if obj is None:
        return ""
    if get_language() == "en":
        value = getattr(obj, f"{field}_en", "") if not isinstance(obj, dict) else obj.get(f"{field}_en")
        if value:
            return value
    return getattr(obj, f"{field}_th", "") if not isinstance(obj, dict) else obj.get(f"{field}_th", "")


@register.filter
def num(value: Any, digits: int | None = None) -> str:
    """Thousands separators; ``digits`` decimals, or by default none for whole numbers and up to
    two otherwise; '–' for None."""
    if value is None or value == "":
        return "–"
    try:
        number = Decimal(str(value))
    except Exception:
        return str(value)
    if digits is None:
        if number == number.to_integral_value():
            return f"{number:,.0f}"
        text = f"{number:,.2f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{number:,.{int(digits)}f}"


@register.filter
def audit_action(event: Any) -> str:
    """An audit event's action as a label: "แก้ไขมาตรการแก้ไข (Act)"; unknown codes stay raw."""
    return audit_display.event_action_label(event)


@register.filter
def audit_changes(event: Any) -> list[tuple[str, str]]:
    """``{% for label, value in e|audit_changes %}``: field verbose names and readable values."""
    return audit_display.change_rows(event)


@register.filter
def can(user: Any, permission: str) -> bool:
    """``{% if request.user|can:"plans.plan:write" %}``."""
    return has_perm(user, permission)


@register.simple_tag
def can_for(user: Any, permission: str, agency_id: int | None) -> bool:
    return has_perm(user, permission, agency_id)


@register.simple_tag(takes_context=True)
def menu(context: Any, name: str) -> list[dict[str, str]]:
    from smartprovince.core.navigation import menu_for

    request = context.get("request")
    user = getattr(request, "user", None)
    return menu_for(name, user, get_language())
