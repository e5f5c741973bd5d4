"""Every write of the projects app (permission, validation, one audit event, one transaction)."""

from .imports import ImportResult, projects_import
from .plans import action_plan_approve, action_plan_return, action_plan_submit, plan_projects
from .projects import (
    budget_line_delete,
    budget_line_save,
    indicator_delete,
    indicator_save,
    milestone_delete,
    milestone_save,
    next_project_code,
    project_create,
    project_set_status,
    project_update,
)
from .reports import (
    check_report_rules,
    evidence_add,
    evidence_remove,
    report_accept,
    report_return,
    report_save,
    report_submit,
)

__all__ = [
    "ImportResult", "action_plan_approve", "action_plan_return", "action_plan_submit", "budget_line_delete",
    "budget_line_save", "check_report_rules", "evidence_add", "evidence_remove", "indicator_delete",
    "indicator_save", "milestone_delete", "milestone_save", "next_project_code", "plan_projects", "project_create",
    "project_set_status", "project_update", "projects_import", "report_accept", "report_return", "report_save",
    "report_submit",
]
