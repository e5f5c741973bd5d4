from .activities import ActivityCreateView, ActivityDetailView, ActivityListView, ActivityUpdateView
from .courses import (
    CertificateIssueView,
    CertificatePdfView,
    CourseCreateView,
    CourseDetailView,
    CourseListView,
    CourseUpdateView,
    SessionAttendanceView,
    SessionCreateView,
    SessionDetailView,
    SessionEnrolView,
    SessionUpdateView,
)
from .frameworks import FrameworkAreaView, FrameworkDetailView, FrameworkListView, PolicyUpdateView
from .home import TrainingHomeView
from .public import CertificateVerifyView, PublicActivityDetailView, PublicActivityListView
from .staff import (
    AssessmentCreateView,
    HeadcountView,
    PersonCreateView,
    PersonDetailView,
    PersonLeaveView,
    PersonUpdateView,
    StaffImportTemplateView,
    StaffImportView,
    StaffListView,
)

__all__ = [
    "ActivityCreateView", "ActivityDetailView", "ActivityListView", "ActivityUpdateView", "AssessmentCreateView",
    "CertificateIssueView", "CertificatePdfView", "CertificateVerifyView", "CourseCreateView", "CourseDetailView",
    "CourseListView", "CourseUpdateView", "FrameworkAreaView", "FrameworkDetailView", "FrameworkListView",
    "HeadcountView", "PersonCreateView", "PersonDetailView", "PersonLeaveView", "PersonUpdateView",
    "PolicyUpdateView", "PublicActivityDetailView", "PublicActivityListView", "SessionAttendanceView",
    "SessionCreateView", "SessionDetailView", "SessionEnrolView", "SessionUpdateView", "StaffImportTemplateView",
    "StaffImportView", "StaffListView", "TrainingHomeView",
]
