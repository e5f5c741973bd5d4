from django.urls import path

from .channels import ChannelListApi
from .eservices import EServiceDetailApi, EServiceListApi
from .surveys import SurveyDetailApi, SurveyResponseCreateApi, SurveyResultsApi

urlpatterns = [
    path("eservices/", EServiceListApi.as_view(), name="api-eservice-list"),
    path("eservices/<int:pk>/", EServiceDetailApi.as_view(), name="api-eservice-detail"),
    path("channels/", ChannelListApi.as_view(), name="api-channel-list"),
    path("surveys/<int:pk>/", SurveyDetailApi.as_view(), name="api-survey-detail"),
    path("surveys/<int:pk>/responses/", SurveyResponseCreateApi.as_view(), name="api-survey-responses"),
    path("surveys/<int:pk>/results/", SurveyResultsApi.as_view(), name="api-survey-results"),
]
