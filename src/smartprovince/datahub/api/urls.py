from django.urls import path

from .areas import AreaProfileApi

urlpatterns = [
    path("datahub/areas/<str:code>/", AreaProfileApi.as_view(), name="datahub-area-profile"),
]
