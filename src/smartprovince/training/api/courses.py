"""``/api/v1/courses/`` and ``/api/v1/sessions/``: public catalogue (no personal data)."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from ..models import Course, Session, SkillArea
from ..selectors import course_list, session_list


class SkillAreaSerializer(serializers.ModelSerializer[SkillArea]):
    framework = serializers.SerializerMethodField()

    class Meta:
        model = SkillArea
        fields = ["code", "name_th", "name_en", "kind", "framework"]

    def get_framework(self, obj: SkillArea) -> str:
        return f"{obj.framework.code}-{obj.framework.version}"


class CourseSerializer(serializers.ModelSerializer[Course]):
    agency_code = serializers.CharField(source="agency.code", read_only=True)
    areas = SkillAreaSerializer(many=True, read_only=True)

    class Meta:
        model = Course
        fields = ["id", "code", "title_th", "description_th", "hours", "provider_th", "mode", "qualifies_for_literacy",
                  "is_active", "agency_code", "areas"]


class SessionSerializer(serializers.ModelSerializer[Session]):
    course_id = serializers.IntegerField(read_only=True)
    course_title = serializers.CharField(source="course.title_th", read_only=True)
    agency_code = serializers.CharField(source="agency.code", read_only=True)
    district_code = serializers.CharField(source="district_id", allow_null=True, read_only=True)
    enrolled = serializers.IntegerField(source="n_enrolled", read_only=True)
    completed = serializers.IntegerField(source="n_completed", read_only=True)

    class Meta:
        model = Session
        fields = ["id", "course_id", "course_title", "name_th", "starts_on", "ends_on", "is_online", "place_th",
                  "district_code", "agency_code", "capacity", "enrolled", "completed", "is_cancelled"]


class CourseListApi(generics.ListAPIView[Course]):
    """Digital-skill courses. Filter: ``q``."""

    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = CourseSerializer
    data_apps = ("training",)

    def get_queryset(self) -> QuerySet[Course]:
        return course_list(search=self.request.query_params.get("q", ""))


class CourseDetailApi(generics.RetrieveAPIView[Course]):
    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = CourseSerializer

    def get_queryset(self) -> QuerySet[Course]:
        return course_list()


class SessionListApi(generics.ListAPIView[Session]):
    """Sessions with enrolment counts (no names). Filters: ``course`` (id), ``year`` (fiscal year BE)."""

    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = SessionSerializer
    data_apps = ("training",)

    def get_queryset(self) -> QuerySet[Session]:
        params = self.request.query_params
        qs = session_list(year_be=int(params["year"]) if params.get("year", "").isdigit() else None)
        if params.get("course", "").isdigit():
            qs = qs.filter(course_id=int(params["course"]))
        return qs


class SessionDetailApi(generics.RetrieveAPIView[Session]):
    public = True
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    serializer_class = SessionSerializer

    def get_queryset(self) -> QuerySet[Session]:
        return session_list()
