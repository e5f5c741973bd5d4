"""Reads of the projects app (everything filtered by what the actor may see)."""

from .projects import (
    access_evidence,
    access_project,
    access_report,
    action_plan_list,
    project_detail,
    project_list,
    report_list,
    visible_agency_ids,
)
from .rollups import ProjectLedger, period_projects, project_facts, rollup_breakdown, rollup_for

__all__ = [
    "ProjectLedger", "access_evidence", "access_project", "access_report", "action_plan_list", "period_projects",
    "project_detail", "project_facts", "project_list", "report_list", "rollup_breakdown", "rollup_for",
    "visible_agency_ids",
]
