from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("plan/", views.PlanView.as_view(), name="plan"),
    path("plan/strategies/<int:number>/", views.StrategyView.as_view(), name="strategy"),
    path("plan/alignment/", views.AlignmentView.as_view(), name="alignment"),
    path("plans/<str:code>/", views.PlanView.as_view(), name="plan-by-code"),
    path("plans/<str:code>/strategies/<int:number>/", views.StrategyView.as_view(), name="strategy-by-code"),
    path("plans/<str:code>/alignment/", views.AlignmentView.as_view(), name="alignment-by-code"),
    path("agencies/", views.AgencyDirectoryView.as_view(), name="agencies"),
    path("agencies/<str:code>/", views.AgencyPublicView.as_view(), name="agency"),
]
