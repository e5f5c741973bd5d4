from django.urls import path

from . import views

app_name = "agencies"

urlpatterns = [
    path("", views.AgencyListView.as_view(), name="list"),
    path("new/", views.AgencyCreateView.as_view(), name="create"),
    path("users/", views.UserListView.as_view(), name="user-list"),
    path("users/new/", views.UserCreateView.as_view(), name="user-create"),
    path("users/<int:pk>/", views.UserDetailView.as_view(), name="user-detail"),
    path("memberships/<int:pk>/revoke/", views.MembershipRevokeView.as_view(), name="membership-revoke"),
    path("<str:code>/", views.AgencyDetailView.as_view(), name="detail"),
    path("<str:code>/edit/", views.AgencyUpdateView.as_view(), name="update"),
]
