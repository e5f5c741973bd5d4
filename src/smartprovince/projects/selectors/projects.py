"""Reads for projects and reports, filtered first by what the actor may see."""

from __future__ import annotations

from typing import Any

from django.db.models import DecimalField, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from smartprovince.core.permissions import agencies_with_perm

from ..models import AgencyActionPlan, BudgetLine, EvidenceFile, ProgressReport, Project
from ..rules import COUNTED_REPORT_STATUSES
from ..search import apply_search

READ = "projects.project:read"


def visible_agency_ids(actor: Any) -> set[int] | None:
    """Agency ids whose projects ``actor`` may read; ``None`` = every agency."""
    return agencies_with_perm(actor, READ)


def _scope(qs: QuerySet, actor: Any, field: str = "agency_id") -> QuerySet:
    allowed = visible_agency_ids(actor)
    if allowed is None:
        return qs
    return qs.filter(**{f"{field}__in": allowed})


def project_list(
    *,
    actor: Any,
    fiscal_year_be: int | None = None,
    agency_id: int | None = None,
    strategy_id: int | None = None,
    status: str = "",
    district: str = "",
    q: str = "",
) -> QuerySet[Project]:
    """Projects the actor may read, filtered; a fiscal-year filter keeps projects running in that year.

    Each row carries ``allocated_total`` (for the filtered year, or all years) and
    ``latest_progress`` (latest report sent to the province), so a page costs a constant
    number of queries."""
    qs = _scope(Project.objects.all(), actor)
    if fiscal_year_be:
        qs = qs.filter(fiscal_year_be__lte=fiscal_year_be, fiscal_year_end_be__gte=fiscal_year_be)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if strategy_id:
        qs = qs.filter(strategy_id=strategy_id)
    if status:
        qs = qs.filter(status=status)
    if district:
        # a subquery, not a join: no duplicate rows, so no DISTINCT over the annotated rows
        in_district = Project.districts.through.objects.filter(area_id=district).values("project_id")
        qs = qs.filter(pk__in=in_district)
    qs = apply_search(qs, q)
    budget = BudgetLine.objects.filter(project=OuterRef("pk"))
    if fiscal_year_be:
        budget = budget.filter(fiscal_year_be=fiscal_year_be)
    allocated = budget.order_by().values("project").annotate(s=Sum("allocated")).values("s")
    latest = (
        ProgressReport.objects.filter(project=OuterRef("pk"), status__in=COUNTED_REPORT_STATUSES)
        .order_by("-month").values("progress_percent")[:1]
    )
    money: DecimalField = DecimalField(max_digits=16, decimal_places=2)
    return (
        qs.select_related("agency", "strategy")
        .annotate(
            allocated_total=Coalesce(Subquery(allocated, output_field=money), Value(0, output_field=money)),
            latest_progress=Subquery(latest, output_field=DecimalField(max_digits=5, decimal_places=2)),
        )
        # newest fiscal year first, then by project code (agency code, year, sequence): one index
        # walk gives the first page whatever the number of projects
        .order_by("-fiscal_year_be", "code")
    )


def access_project(*, actor: Any, id: int) -> Project:
    """The project if the actor may read it, else 404 (same answer for missing and forbidden)."""
    project = _scope(Project.objects.select_related("agency", "strategy", "strategy__plan"), actor).filter(pk=id).first()
    if project is None:
        raise Http404
    return project


def project_detail(*, actor: Any, id: int) -> Project:
    project = access_project(actor=actor, id=id)
    return (
        Project.objects.select_related("agency", "strategy", "strategy__plan", "created_by")
        .prefetch_related(
            "alignments__plan", "districts", "subdistricts", "milestones", "indicators",
            Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("fiscal_year_be", "source")),
            Prefetch(
                "reports",
                queryset=ProgressReport.objects.select_related("submitted_by", "reviewed_by")
                .prefetch_related("evidence", "events__actor").order_by("-month"),
            ),
        )
        .get(pk=project.pk)
    )


def access_report(*, actor: Any, id: int) -> ProgressReport:
    report = (
        _scope(ProgressReport.objects.select_related("project", "project__agency", "project__strategy"), actor,
               "project__agency_id")
        .filter(pk=id).first()
    )
    if report is None:
        raise Http404
    return report


def access_evidence(*, actor: Any, id: int) -> EvidenceFile:
    evidence = _scope(EvidenceFile.objects.select_related("report", "report__project"), actor,
                      "report__project__agency_id").filter(pk=id).first()
    if evidence is None:
        raise Http404
    return evidence


def report_list(*, actor: Any, status: str = "", fiscal_year_be: int | None = None, agency_id: int | None = None) -> QuerySet[ProgressReport]:
    qs = _scope(ProgressReport.objects.select_related("project", "project__agency", "submitted_by"), actor,
                "project__agency_id")
    if status:
        qs = qs.filter(status=status)
    if fiscal_year_be:
        qs = qs.filter(fiscal_year_be=fiscal_year_be)
    if agency_id:
        qs = qs.filter(project__agency_id=agency_id)
    return qs.order_by("submitted_at", "month", "id")


def action_plan_list(*, actor: Any, fiscal_year_be: int | None = None, status: str = "") -> QuerySet[AgencyActionPlan]:
    qs = _scope(AgencyActionPlan.objects.select_related("agency", "submitted_by", "reviewed_by"), actor)
    if fiscal_year_be:
        qs = qs.filter(fiscal_year_be=fiscal_year_be)
    if status:
        qs = qs.filter(status=status)
    return qs
