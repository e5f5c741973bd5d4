from django.urls import path

from .plans import PlanDetailApi, PlanListApi

urlpatterns = [
    path("plans/", PlanListApi.as_view(), name="api-plan-list"),
    path("plans/<str:code>/", PlanDetailApi.as_view(), name="api-plan-detail"),
]
