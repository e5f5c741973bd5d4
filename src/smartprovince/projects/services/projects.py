"""Writes for projects, their budget lines, milestones and indicators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency
from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.models import Area
from smartprovince.core.permissions import has_perm, require
from smartprovince.core.thai_calendar import fiscal_year_be
from smartprovince.plans.models import ReferenceItem, Strategy

from ..errors import ProjectErrorCode, message
from ..models import BudgetLine, Milestone, Project, ProjectIndicator
from ..rules import editor_may_change_status
from ..search import search_text

PROJECT_FIELDS = (
    "strategy_id", "name_th", "rationale_th", "objectives_th", "target_group_th", "start_date", "end_date",
    "officer_name", "officer_position", "officer_phone", "officer_email",
)
TRACKED_FIELDS = (*PROJECT_FIELDS, "code", "status", "fiscal_year_be", "fiscal_year_end_be", "agency_id")


def _ids(values: Iterable[Any] | None) -> list[Any]:
    return [getattr(v, "pk", v) for v in (values or [])]


def _check_strategy(project: Project) -> None:
    if project.strategy_id is None:
        raise ValidationError({"strategy": gettext("กรุณาเลือกยุทธศาสตร์จังหวัดที่โครงการนี้สนับสนุน")})
    plan = Strategy.objects.select_related("plan").get(pk=project.strategy_id).plan
    if not plan.fiscal_year_start_be <= project.fiscal_year_be <= plan.fiscal_year_end_be:
        raise ValidationError(
            {"strategy": message(ProjectErrorCode.STRATEGY_OUTSIDE_PLAN, fy=project.fiscal_year_be)},
            code=ProjectErrorCode.STRATEGY_OUTSIDE_PLAN,
        )


def _set_areas(project: Project, districts: Sequence[Any], subdistricts: Sequence[Any]) -> dict[str, list[str]]:
    district_ids = {str(d) for d in _ids(districts)}
    subdistrict_ids = {str(s) for s in _ids(subdistricts)}
    areas = {a.code: a for a in Area.objects.filter(code__in=district_ids | subdistrict_ids)}
    if any(areas.get(c) is None or areas[c].level != Area.Level.DISTRICT for c in district_ids) or any(
        areas.get(c) is None or areas[c].level != Area.Level.SUBDISTRICT for c in subdistrict_ids
    ):
        raise ValidationError({"districts": message(ProjectErrorCode.SUBDISTRICT_LEVEL)})
    # A subdistrict implies its district.
    district_ids |= {str(areas[c].parent_id) for c in subdistrict_ids if areas[c].parent_id}
    project.districts.set([areas.get(c) or Area(code=c) for c in sorted(district_ids)])
    project.subdistricts.set([areas[c] for c in sorted(subdistrict_ids)])
    return {"districts": sorted(district_ids), "subdistricts": sorted(subdistrict_ids)}


def _derive(project: Project) -> None:
    if project.start_date and project.end_date:
        if project.end_date < project.start_date:
            raise ValidationError({"end_date": message(ProjectErrorCode.DATES_ORDER)}, code=ProjectErrorCode.DATES_ORDER)
        project.fiscal_year_be = fiscal_year_be(project.start_date)
        project.fiscal_year_end_be = fiscal_year_be(project.end_date)
    project.search_text = search_text(project.name_th, project.code)


def next_project_code(agency: Agency, fy_be: int) -> tuple[str, int]:
    """``<agency code>-<FY>-<nnn>``, the next sequence for the agency and fiscal year.

    The caller holds a lock on the agency row, so two creations cannot take the same number."""
    last = Project.objects.filter(agency=agency, fiscal_year_be=fy_be).aggregate(m=Max("sequence"))["m"] or 0
    sequence = last + 1
    return f"{agency.code}-{fy_be}-{sequence:03d}", sequence


@transaction.atomic
def project_create(
    *,
    actor: Any,
    agency: Agency,
    strategy: Strategy | int,
    name_th: str,
    start_date: dt.date,
    end_date: dt.date,
    officer_name: str,
    alignments: Sequence[Any] = (),
    districts: Sequence[Any] = (),
    subdistricts: Sequence[Any] = (),
    **fields: Any,
) -> Project:
    """Create a draft project for ``agency``; the code is generated per agency and fiscal year."""
    require(actor, "projects.project:write", agency.pk)
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    project = Project(
        agency=agency, strategy_id=getattr(strategy, "pk", strategy), name_th=(name_th or "").strip(),
        start_date=start_date, end_date=end_date, officer_name=(officer_name or "").strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **{k: v for k, v in fields.items() if k in PROJECT_FIELDS and k != "strategy_id"},
    )
    _derive(project)
    _check_strategy(project)
    project.code, project.sequence = next_project_code(agency, project.fiscal_year_be)
    _derive(project)
    project.full_clean()
    project.save()
    project.alignments.set(ReferenceItem.objects.filter(pk__in=_ids(alignments)))
    areas = _set_areas(project, districts, subdistricts)
    audit_log(
        actor=actor, action="projects.project.created", obj=project,
        changes={**snapshot(project, TRACKED_FIELDS), **areas, "alignments": sorted(_ids(alignments))},
    )
    return project


@transaction.atomic
def project_update(
    *,
    actor: Any,
    project: Project,
    alignments: Sequence[Any] | None = None,
    districts: Sequence[Any] | None = None,
    subdistricts: Sequence[Any] | None = None,
    **fields: Any,
) -> Project:
    """Update a project's details (not its status: see ``project_set_status``)."""
    require(actor, "projects.project:write", project.agency_id)
    project = Project.objects.select_for_update().get(pk=project.pk)
    before = snapshot(project, TRACKED_FIELDS)
    before_m2m: dict[str, list[Any]] = {
        "alignments": sorted(project.alignments.values_list("pk", flat=True)),
        "districts": sorted(project.districts.values_list("pk", flat=True)),
        "subdistricts": sorted(project.subdistricts.values_list("pk", flat=True)),
    }
    if "strategy" in fields:
        fields["strategy_id"] = getattr(fields["strategy"], "pk", fields.pop("strategy"))
    for key, value in fields.items():
        if key in PROJECT_FIELDS:
            setattr(project, key, value.strip() if isinstance(value, str) else value)
    _derive(project)
    _check_strategy(project)
    project.full_clean()
    project.save()
    after_m2m = dict(before_m2m)
    if alignments is not None:
        project.alignments.set(ReferenceItem.objects.filter(pk__in=_ids(alignments)))
        after_m2m["alignments"] = sorted(project.alignments.values_list("pk", flat=True))
    if districts is not None or subdistricts is not None:
        after_m2m.update(_set_areas(
            project,
            districts if districts is not None else before_m2m["districts"],
            subdistricts if subdistricts is not None else before_m2m["subdistricts"],
        ))
    changes = diff(before, snapshot(project, TRACKED_FIELDS))
    changes.update({k: [before_m2m[k], v] for k, v in after_m2m.items() if v != before_m2m[k]})
    if changes:
        audit_log(actor=actor, action="projects.project.updated", obj=project, changes=changes)
    return project


@transaction.atomic
def project_set_status(*, actor: Any, project: Project, status: str, note: str = "") -> Project:
    """Change a project's status. Agency editors follow ``rules.EDITOR_TRANSITIONS``; approving a
    draft is the province's decision (``projects.plan:review``)."""
    require(actor, "projects.project:write", project.agency_id)
    project = Project.objects.select_for_update().get(pk=project.pk)
    if status not in Project.Status.values:
        raise ValidationError({"status": gettext("สถานะโครงการไม่ถูกต้อง")})
    old = project.status
    if old == status:
        return project
    if not (has_perm(actor, "projects.plan:review") or editor_may_change_status(old, status)):
        raise ValidationError(
            {"status": message(
                ProjectErrorCode.STATUS_TRANSITION,
                old=Project.Status(old).label, new=Project.Status(status).label,
            )},
            code=ProjectErrorCode.STATUS_TRANSITION,
        )
    project.status = status
    project.save(update_fields=["status", "updated_at"])
    audit_log(actor=actor, action="projects.project.status_changed", obj=project,
              changes={"status": [old, status], "note": note})
    return project


# ------------------------------------------------------------------ budget lines


def _check_budget_year(project: Project, fy: int) -> None:
    if not project.fiscal_year_be <= fy <= project.fiscal_year_end_be:
        raise ValidationError(
            {"fiscal_year_be": message(
                ProjectErrorCode.BUDGET_YEAR_OUTSIDE, fy=fy, start=project.fiscal_year_be, end=project.fiscal_year_end_be
            )},
            code=ProjectErrorCode.BUDGET_YEAR_OUTSIDE,
        )


@transaction.atomic
def budget_line_save(
    *, actor: Any, project: Project, fiscal_year_be: int, source: str, planned: Decimal,
    allocated: Decimal = Decimal("0"), note_th: str = "", line: BudgetLine | None = None,
) -> BudgetLine:
    """Add a budget line, or update ``line``; one line per source and fiscal year."""
    require(actor, "projects.project:write", project.agency_id)
    _check_budget_year(project, fiscal_year_be)
    duplicate = BudgetLine.objects.filter(project=project, fiscal_year_be=fiscal_year_be, source=source)
    if line is not None:
        duplicate = duplicate.exclude(pk=line.pk)
    if duplicate.exists():
        raise ValidationError(
            {"source": message(
                ProjectErrorCode.BUDGET_DUPLICATE, source=BudgetLine.Source(source).label, fy=fiscal_year_be
            )},
            code=ProjectErrorCode.BUDGET_DUPLICATE,
        )
    fields = ("fiscal_year_be", "source", "planned", "allocated", "note_th")
    if line is None:
        line = BudgetLine(project=project)
        before: dict[str, Any] = {}
        action = "projects.budget_line.created"
    else:
        if line.project_id != project.pk:
            raise ValidationError(gettext("รายการงบประมาณไม่ได้อยู่ในโครงการนี้"))
        before = snapshot(line, fields)
        action = "projects.budget_line.updated"
    line.fiscal_year_be, line.source, line.note_th = fiscal_year_be, source, note_th
    line.planned, line.allocated = planned, allocated
    line.full_clean()
    line.save()
    changes = diff(before, snapshot(line, fields))
    if changes:
        audit_log(actor=actor, action=action, obj=project, changes={"budget_line": line.pk, **changes})
    return line


@transaction.atomic
def budget_line_delete(*, actor: Any, line: BudgetLine) -> None:
    project = line.project
    require(actor, "projects.project:write", project.agency_id)
    data = snapshot(line, ("fiscal_year_be", "source", "planned", "allocated"))
    pk = line.pk
    line.delete()
    audit_log(actor=actor, action="projects.budget_line.deleted", obj=project, changes={"budget_line": pk, **data})


# ------------------------------------------------------------------ milestones and indicators


@transaction.atomic
def milestone_save(
    *, actor: Any, project: Project, name_th: str, due_date: dt.date, done_date: dt.date | None = None,
    milestone: Milestone | None = None,
) -> Milestone:
    require(actor, "projects.project:write", project.agency_id)
    fields = ("name_th", "due_date", "done_date")
    before = snapshot(milestone, fields) if milestone else {}
    if milestone is None:
        milestone = Milestone(project=project, order=project.milestones.count() + 1)
    elif milestone.project_id != project.pk:
        raise ValidationError(gettext("ขั้นตอนนี้ไม่ได้อยู่ในโครงการนี้"))
    milestone.name_th, milestone.due_date, milestone.done_date = (name_th or "").strip(), due_date, done_date
    milestone.full_clean()
    milestone.save()
    changes = diff(before, snapshot(milestone, fields))
    if changes:
        audit_log(actor=actor, action="projects.milestone.saved", obj=project, changes={"milestone": milestone.pk, **changes})
    return milestone


@transaction.atomic
def milestone_delete(*, actor: Any, milestone: Milestone) -> None:
    project = milestone.project
    require(actor, "projects.project:write", project.agency_id)
    data = {"milestone": milestone.pk, "name_th": milestone.name_th}
    milestone.delete()
    audit_log(actor=actor, action="projects.milestone.deleted", obj=project, changes=data)


@transaction.atomic
def indicator_save(
    *, actor: Any, project: Project, kind: str, name_th: str, unit_th: str, target: Decimal,
    indicator: ProjectIndicator | None = None,
) -> ProjectIndicator:
    require(actor, "projects.project:write", project.agency_id)
    fields = ("kind", "name_th", "unit_th", "target")
    before = snapshot(indicator, fields) if indicator else {}
    if indicator is None:
        indicator = ProjectIndicator(project=project, order=project.indicators.count() + 1)
    elif indicator.project_id != project.pk:
        raise ValidationError(gettext("ตัวชี้วัดนี้ไม่ได้อยู่ในโครงการนี้"))
    indicator.kind, indicator.name_th, indicator.unit_th, indicator.target = kind, (name_th or "").strip(), (unit_th or "").strip(), target
    indicator.full_clean()
    indicator.save()
    changes = diff(before, snapshot(indicator, fields))
    if changes:
        audit_log(actor=actor, action="projects.indicator.saved", obj=project, changes={"indicator": indicator.pk, **changes})
    return indicator


@transaction.atomic
def indicator_delete(*, actor: Any, indicator: ProjectIndicator) -> None:
    project = indicator.project
    require(actor, "projects.project:write", project.agency_id)
    data = {"indicator": indicator.pk, "name_th": indicator.name_th}
    indicator.delete()
    audit_log(actor=actor, action="projects.indicator.deleted", obj=project, changes=data)
