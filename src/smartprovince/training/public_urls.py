"""Public pages of the training app; the lead mounts this at ``/digital-skills/``."""

from django.urls import path

from . import views

app_name = "training_public"

urlpatterns = [
    path("verify/<str:token>/", views.CertificateVerifyView.as_view(), name="verify"),
    path("activities/", views.PublicActivityListView.as_view(), name="activities"),
    path("activities/<int:pk>/", views.PublicActivityDetailView.as_view(), name="activity"),
]
