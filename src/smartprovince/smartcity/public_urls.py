"""Public smart-city showcase; the lead mounts this at ``/smart-city/``."""

from django.urls import path

from . import views

app_name = "smartcity_public"

urlpatterns = [
    path("", views.ShowcaseView.as_view(), name="showcase"),
    path("<int:pk>/", views.ShowcaseDetailView.as_view(), name="detail"),
]
