from .imports import ImportTemplateView, ImportView
from .plans import ActionPlanDetailView, ActionPlanListView
from .projects import (
    BudgetLineDeleteView,
    BudgetLineSaveView,
    IndicatorDeleteView,
    IndicatorSaveView,
    MilestoneDeleteView,
    MilestoneSaveView,
    ProjectCreateView,
    ProjectDetailView,
    ProjectListView,
    ProjectStatusView,
    ProjectUpdateView,
)
from .reports import (
    EvidenceDeleteView,
    EvidenceDownloadView,
    EvidenceUploadView,
    ReportCreateView,
    ReportDetailView,
    ReportEditView,
    ReportQueueView,
    ReportReviewView,
    ReportSubmitView,
)
from .summary import ComplianceView, SummaryView

__all__ = [
    "ActionPlanDetailView", "ActionPlanListView", "BudgetLineDeleteView", "BudgetLineSaveView", "ComplianceView",
    "EvidenceDeleteView", "EvidenceDownloadView", "EvidenceUploadView", "ImportTemplateView", "ImportView",
    "IndicatorDeleteView", "IndicatorSaveView", "MilestoneDeleteView", "MilestoneSaveView", "ProjectCreateView",
    "ProjectDetailView", "ProjectListView", "ProjectStatusView", "ProjectUpdateView", "ReportCreateView",
    "ReportDetailView", "ReportEditView", "ReportQueueView", "ReportReviewView", "ReportSubmitView", "SummaryView",
]
