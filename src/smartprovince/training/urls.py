from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.TrainingHomeView.as_view(), name="home"),
    path("staff/", views.StaffListView.as_view(), name="staff-list"),
    path("staff/import-template.xlsx", views.StaffImportTemplateView.as_view(), name="staff-import-template"),
    path("staff/<str:code>/new/", views.PersonCreateView.as_view(), name="person-create"),
    path("staff/<str:code>/import/", views.StaffImportView.as_view(), name="staff-import"),
    path("staff/<str:code>/headcount/", views.HeadcountView.as_view(), name="headcount"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person-update"),
    path("people/<int:pk>/leave/", views.PersonLeaveView.as_view(), name="person-leave"),
    path("people/<int:pk>/assess/", views.AssessmentCreateView.as_view(), name="assessment-create"),
    path("courses/", views.CourseListView.as_view(), name="course-list"),
    path("courses/new/", views.CourseCreateView.as_view(), name="course-create"),
    path("courses/<int:pk>/", views.CourseDetailView.as_view(), name="course-detail"),
    path("courses/<int:pk>/edit/", views.CourseUpdateView.as_view(), name="course-update"),
    path("courses/<int:pk>/sessions/new/", views.SessionCreateView.as_view(), name="session-create"),
    path("sessions/<int:pk>/", views.SessionDetailView.as_view(), name="session-detail"),
    path("sessions/<int:pk>/edit/", views.SessionUpdateView.as_view(), name="session-update"),
    path("sessions/<int:pk>/enrol/", views.SessionEnrolView.as_view(), name="session-enrol"),
    path("sessions/<int:pk>/attendance/", views.SessionAttendanceView.as_view(), name="session-attendance"),
    path("enrolments/<int:pk>/certificate/", views.CertificateIssueView.as_view(), name="certificate-issue"),
    path("enrolments/<int:pk>/certificate.pdf", views.CertificatePdfView.as_view(), name="certificate-pdf"),
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("activities/<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity-update"),
    path("frameworks/", views.FrameworkListView.as_view(), name="frameworks"),
    path("frameworks/policy/", views.PolicyUpdateView.as_view(), name="policy"),
    path("frameworks/<int:pk>/", views.FrameworkDetailView.as_view(), name="framework-detail"),
    path("frameworks/<int:pk>/areas/new/", views.FrameworkAreaView.as_view(), name="area-create"),
    path("frameworks/<int:pk>/areas/<int:area_id>/", views.FrameworkAreaView.as_view(), name="area-update"),
]
