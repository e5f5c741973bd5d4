from django.urls import path

from . import api_views

urlpatterns = [
    path("areas/", api_views.AreaListApi.as_view(), name="api-area-list"),
    path("areas/<str:code>/", api_views.AreaDetailApi.as_view(), name="api-area-detail"),
]
