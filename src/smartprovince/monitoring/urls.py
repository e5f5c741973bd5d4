from django.urls import path

from .views import dashboard, indicators, pdca, reports

app_name = "monitoring"

urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("drill/projects/", dashboard.ProjectDrillView.as_view(), name="drill-projects"),
    path("indicators/", indicators.IndicatorListView.as_view(), name="indicator-list"),
    path("indicators/<int:pk>/", indicators.IndicatorDetailView.as_view(), name="indicator-detail"),
    path("indicators/<int:pk>/targets/", indicators.TargetsView.as_view(), name="targets"),
    path("indicators/<int:pk>/report/", indicators.ReportedValueView.as_view(), name="report-value"),
    path("measurements/<int:pk>/", indicators.MeasurementDetailView.as_view(), name="measurement-detail"),
    path("measurements/<int:pk>/evidence/", pdca.EvidenceDownloadView.as_view(), name="measurement-evidence"),
    path("measurements/<int:pk>/<str:action>/", indicators.MeasurementActionView.as_view(), name="measurement-action"),
    path("reported/", indicators.ReportedListView.as_view(), name="reported-list"),
    path("thresholds/", indicators.ThresholdsView.as_view(), name="thresholds"),
    path("measure/", indicators.MeasureView.as_view(), name="measure"),
    path("pdca/", pdca.PdcaBoardView.as_view(), name="pdca"),
    path("actions/", pdca.ActionListView.as_view(), name="action-list"),
    path("actions/new/", pdca.ActionCreateView.as_view(), name="action-create"),
    path("actions/<int:pk>/", pdca.ActionDetailView.as_view(), name="action-detail"),
    path("actions/<int:pk>/edit/", pdca.ActionEditView.as_view(), name="action-edit"),
    path("findings/", pdca.FindingListView.as_view(), name="finding-list"),
    path("findings/new/", pdca.FindingCreateView.as_view(), name="finding-create"),
    path("findings/<int:pk>/", pdca.FindingDetailView.as_view(), name="finding-detail"),
    path("findings/<int:pk>/edit/", pdca.FindingEditView.as_view(), name="finding-edit"),
    path("reports/", reports.ReportListView.as_view(), name="report-list"),
    path("reports/<int:pk>/", reports.ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/download/", reports.ReportDownloadView.as_view(), name="report-download"),
]
