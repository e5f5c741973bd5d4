from django.urls import path

from .agencies import AgencyDetailApi, AgencyListApi

urlpatterns = [
    path("agencies/", AgencyListApi.as_view(), name="api-agency-list"),
    path("agencies/<str:code>/", AgencyDetailApi.as_view(), name="api-agency-detail"),
]
