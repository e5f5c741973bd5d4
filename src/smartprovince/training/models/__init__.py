"""Models of the training app: staff, skill frameworks, courses, sessions, attendance,
certificates, assessments and public digital-literacy activities."""

from .activities import ActivityPhoto, PublicActivity
from .assessments import Assessment, AssessmentScore, LiteracyPolicy
from .courses import Certificate, Course, Enrolment, Session
from .frameworks import SkillArea, SkillFramework
from .staff import HeadcountSnapshot, Person

__all__ = [
    "ActivityPhoto", "Assessment", "AssessmentScore", "Certificate", "Course", "Enrolment",
    "HeadcountSnapshot", "LiteracyPolicy", "Person", "PublicActivity", "Session", "SkillArea",
    "SkillFramework",
]
