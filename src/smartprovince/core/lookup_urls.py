"""Look-ups for form widgets. Mounted at ``lookup/``; public (each look-up decides what it shows)."""

from django.urls import path

from .views.lookup import AgencyPickView

app_name = "core_lookup"

urlpatterns = [
    path("agencies/", AgencyPickView.as_view(), name="agency-pick"),
]
