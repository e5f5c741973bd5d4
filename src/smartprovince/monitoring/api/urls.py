from django.urls import path

from .corrective_actions import CorrectiveActionListApi
from .indicators import IndicatorListApi, MeasurementListApi, MeasurementRowsApi
from .reports import ReportDownloadApi, ReportListApi

urlpatterns = [
    path("indicators/", IndicatorListApi.as_view(), name="api-indicator-list"),
    path("indicators/<int:pk>/measurements/", MeasurementListApi.as_view(), name="api-indicator-measurements"),
    path("measurements/<int:pk>/rows/", MeasurementRowsApi.as_view(), name="api-measurement-rows"),
    path("corrective-actions/", CorrectiveActionListApi.as_view(), name="api-corrective-action-list"),
    path("reports/", ReportListApi.as_view(), name="api-report-list"),
    path("reports/<int:pk>/download/", ReportDownloadApi.as_view(), name="api-report-download"),
]
