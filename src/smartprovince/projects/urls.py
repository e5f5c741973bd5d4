from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    path("new/", views.ProjectCreateView.as_view(), name="create"),
    path("import/", views.ImportView.as_view(), name="import"),
    path("import/template.xlsx", views.ImportTemplateView.as_view(), name="import-template"),
    path("summary/", views.SummaryView.as_view(), name="summary"),
    path("compliance/", views.ComplianceView.as_view(), name="compliance"),
    path("action-plans/", views.ActionPlanListView.as_view(), name="action-plans"),
    path("action-plans/<int:agency_id>/<int:fy>/", views.ActionPlanDetailView.as_view(), name="action-plan"),
    path("reports/", views.ReportQueueView.as_view(), name="report-queue"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/edit/", views.ReportEditView.as_view(), name="report-edit"),
    path("reports/<int:pk>/submit/", views.ReportSubmitView.as_view(), name="report-submit"),
    path("reports/<int:pk>/review/", views.ReportReviewView.as_view(), name="report-review"),
    path("reports/<int:pk>/evidence/", views.EvidenceUploadView.as_view(), name="evidence-upload"),
    path("evidence/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence-download"),
    path("evidence/<int:pk>/delete/", views.EvidenceDeleteView.as_view(), name="evidence-delete"),
    path("<int:pk>/", views.ProjectDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ProjectUpdateView.as_view(), name="update"),
    path("<int:pk>/status/", views.ProjectStatusView.as_view(), name="status"),
    path("<int:pk>/budget/", views.BudgetLineSaveView.as_view(), name="budget-add"),
    path("<int:pk>/budget/<int:line_id>/", views.BudgetLineSaveView.as_view(), name="budget-edit"),
    path("<int:pk>/budget/<int:line_id>/delete/", views.BudgetLineDeleteView.as_view(), name="budget-delete"),
    path("<int:pk>/milestones/", views.MilestoneSaveView.as_view(), name="milestone-add"),
    path("<int:pk>/milestones/<int:milestone_id>/", views.MilestoneSaveView.as_view(), name="milestone-edit"),
    path("<int:pk>/milestones/<int:milestone_id>/delete/", views.MilestoneDeleteView.as_view(), name="milestone-delete"),
    path("<int:pk>/indicators/", views.IndicatorSaveView.as_view(), name="indicator-add"),
    path("<int:pk>/indicators/<int:indicator_id>/delete/", views.IndicatorDeleteView.as_view(), name="indicator-delete"),
    path("<int:pk>/reports/new/", views.ReportCreateView.as_view(), name="report-create"),
]
