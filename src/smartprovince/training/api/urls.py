from django.urls import path

from .activities import ActivityDetailApi, ActivityListApi
from .courses import CourseDetailApi, CourseListApi, SessionDetailApi, SessionListApi
from .staff import StaffDetailApi, StaffListApi

urlpatterns = [
    path("staff/", StaffListApi.as_view(), name="api-staff-list"),
    path("staff/<int:pk>/", StaffDetailApi.as_view(), name="api-staff-detail"),
    path("courses/", CourseListApi.as_view(), name="api-course-list"),
    path("courses/<int:pk>/", CourseDetailApi.as_view(), name="api-course-detail"),
    path("sessions/", SessionListApi.as_view(), name="api-session-list"),
    path("sessions/<int:pk>/", SessionDetailApi.as_view(), name="api-session-detail"),
    path("activities/", ActivityListApi.as_view(), name="api-activity-list"),
    path("activities/<int:pk>/", ActivityDetailApi.as_view(), name="api-activity-detail"),
]
