"""``/api/v1/staff/``: restricted. Names only for the agency's own editors and the province admin."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import generics, serializers

from ..models import Person
from ..selectors import person_list


class PersonSerializer(serializers.ModelSerializer[Person]):
    agency_code = serializers.CharField(source="agency.code", read_only=True)

    class Meta:
        model = Person
        fields = ["id", "agency_code", "title_th", "first_name_th", "last_name_th", "position_th", "personnel_type",
                  "job_group", "role_level", "started_on", "left_on", "is_active"]


class StaffListApi(generics.ListAPIView[Person]):
    """Staff of the agencies where the caller may read personal data. Filter: ``agency`` (code),
    ``status`` (active | left | all)."""

    permission = "training.staff:read_personal"
    serializer_class = PersonSerializer
    # agencies: the ``agency`` filter matches the agency's code. The caller's agencies are ids in
    # the query's SQL, so each scope is counted (and cached) on its own.
    data_apps = ("training", "agencies")

    def get_queryset(self) -> QuerySet[Person]:
        qs = person_list(actor=self.request.user, status=self.request.query_params.get("status", "active"))
        code = self.request.query_params.get("agency")
        return qs.filter(agency__code=code) if code else qs


class StaffDetailApi(generics.RetrieveAPIView[Person]):
    permission = "training.staff:read_personal"
    serializer_class = PersonSerializer

    def get_queryset(self) -> QuerySet[Person]:
        return person_list(actor=self.request.user, status="all")
