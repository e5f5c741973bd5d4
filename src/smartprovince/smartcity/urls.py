from django.urls import path

from . import views

app_name = "smartcity"

urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    path("new/", views.InitiativeCreateView.as_view(), name="create"),
    path("<int:pk>/", views.InitiativeDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.InitiativeUpdateView.as_view(), name="update"),
]
