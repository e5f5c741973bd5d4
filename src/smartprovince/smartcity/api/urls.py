from django.urls import path

from .initiatives import InitiativeDetailApi, InitiativeListApi

urlpatterns = [
    path("initiatives/", InitiativeListApi.as_view(), name="api-initiative-list"),
    path("initiatives/<int:pk>/", InitiativeDetailApi.as_view(), name="api-initiative-detail"),
]
