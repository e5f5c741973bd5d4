from django.urls import path

from .projects import ProjectDetailApi, ProjectListApi
from .reports import ReportDetailApi, ReportListApi, ReportSubmitApi

urlpatterns = [
    path("projects/", ProjectListApi.as_view(), name="api-projects"),
    path("projects/<int:pk>/", ProjectDetailApi.as_view(), name="api-project"),
    path("projects/<int:pk>/reports/", ReportListApi.as_view(), name="api-project-reports"),
    path("projects/<int:pk>/reports/<int:report_id>/", ReportDetailApi.as_view(), name="api-project-report"),
    path("projects/<int:pk>/reports/<int:report_id>/submit/", ReportSubmitApi.as_view(), name="api-project-report-submit"),
]
