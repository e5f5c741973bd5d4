from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("workspace/", views.WorkspaceView.as_view(), name="workspace"),
    path("history/<str:model>/<str:pk>/", views.ObjectHistoryView.as_view(), name="history"),
    path("jobs/<int:pk>/", views.JobStatusView.as_view(), name="job-status"),
    path("jobs/<int:pk>/download/", views.JobDownloadView.as_view(), name="job-download"),
]
