"""REST API v1: each app contributes its routes in ``<app>/api/urls.py``."""

from django.urls import include, path

urlpatterns = [
    path("", include("smartprovince.core.api_urls")),
    path("", include("smartprovince.agencies.api.urls")),
    path("", include("smartprovince.plans.api.urls")),
    path("", include("smartprovince.projects.api.urls")),
    path("", include("smartprovince.monitoring.api.urls")),
    path("", include("smartprovince.datahub.api.urls")),
    path("", include("smartprovince.eservices.api.urls")),
    path("", include("smartprovince.training.api.urls")),
    path("", include("smartprovince.smartcity.api.urls")),
]
