"""``/api/v1/projects/``: list (filters), create, read, update — through the same selectors and services as the pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from smartprovince.agencies.models import Agency
from smartprovince.core.models import Area
from smartprovince.core.permissions import has_perm
from smartprovince.plans.models import ReferenceItem, Strategy

from .. import selectors, services
from ..models import BudgetLine, Project


class BudgetLineSerializer(serializers.ModelSerializer[BudgetLine]):
    class Meta:
        model = BudgetLine
        fields = ["id", "fiscal_year_be", "source", "planned", "allocated", "note_th"]


class ProjectOutSerializer(serializers.ModelSerializer[Project]):
    agency: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)
    strategy = serializers.IntegerField(source="strategy.number", read_only=True)
    allocated_total = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True, required=False)
    latest_progress = serializers.DecimalField(max_digits=5, decimal_places=2, read_only=True, required=False, allow_null=True)

    class Meta:
        model = Project
        fields = [
            "id", "code", "agency", "strategy", "name_th", "status", "fiscal_year_be", "fiscal_year_end_be",
            "start_date", "end_date", "officer_name", "officer_position", "allocated_total", "latest_progress",
        ]


class ProjectDetailSerializer(ProjectOutSerializer):
    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    alignments: Any = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    districts: Any = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    subdistricts: Any = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta(ProjectOutSerializer.Meta):
        fields = [*ProjectOutSerializer.Meta.fields, "rationale_th", "objectives_th", "target_group_th",
                  "officer_phone", "officer_email", "alignments", "districts", "subdistricts", "budget_lines"]


class ProjectInSerializer(serializers.Serializer[Any]):
    agency: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", queryset=Agency.objects.filter(is_active=True), required=False)
    strategy = serializers.SlugRelatedField(slug_field="number", queryset=Strategy.objects.filter(plan__is_current=True))
    name_th = serializers.CharField(max_length=500)
    rationale_th = serializers.CharField(required=False, allow_blank=True)
    objectives_th = serializers.CharField(required=False, allow_blank=True)
    target_group_th = serializers.CharField(required=False, allow_blank=True)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    officer_name = serializers.CharField(max_length=200)
    officer_position = serializers.CharField(max_length=200, required=False, allow_blank=True)
    officer_phone = serializers.CharField(max_length=64, required=False, allow_blank=True)
    officer_email = serializers.EmailField(required=False, allow_blank=True)
    alignments: Any = serializers.SlugRelatedField(slug_field="code", many=True, queryset=ReferenceItem.objects.all(), required=False)
    districts: Any = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Area.objects.filter(level="district"), required=False)
    subdistricts: Any = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Area.objects.filter(level="subdistrict"), required=False)
    status = serializers.ChoiceField(choices=Project.Status.choices, required=False)


def _int(value: Any) -> int | None:
    return int(value) if str(value or "").isdigit() else None


class ProjectListApi(generics.ListAPIView[Project]):
    """Projects the caller may read. Filters: ``fy``, ``agency`` (code), ``strategy`` (number), ``status``, ``district`` (code), ``q`` (Thai text)."""

    queryset = Project.objects.none()  # schema generation; rows come from get_queryset

    permission = "projects.project:read"
    write_permission = "projects.project:write"
    serializer_class = ProjectOutSerializer
    data_apps = ("projects",)

    def search_rows(self) -> Any:
        """During a search, the list without it: the page's rows are read by id from here."""
        params = self.request.query_params
        if not params.get("q", "").strip():
            return None
        return selectors.project_list(actor=self.request.user, fiscal_year_be=_int(params.get("fy")))

    def get_queryset(self) -> Any:
        params = self.request.query_params
        agency = Agency.objects.filter(code=params.get("agency", "")).values_list("pk", flat=True).first()
        strategy = Strategy.objects.filter(plan__is_current=True, number=_int(params.get("strategy")) or 0).values_list("pk", flat=True).first()
        if (params.get("agency") and agency is None) or (params.get("strategy") and strategy is None):
            return Project.objects.none()
        return selectors.project_list(
            actor=self.request.user, fiscal_year_be=_int(params.get("fy")), agency_id=agency, strategy_id=strategy,
            status=params.get("status", ""), district=params.get("district", ""), q=params.get("q", ""),
        )

    @extend_schema(request=ProjectInSerializer, responses={201: ProjectDetailSerializer})
    def post(self, request: Request) -> Response:
        data = ProjectInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values.pop("status", None)
        agency = values.pop("agency", None)
        if agency is None:
            from smartprovince.agencies.selectors import editor_agencies

            mine = list(editor_agencies(user=request.user, permission="projects.project:write")[:2])
            if len(mine) != 1:
                raise serializers.ValidationError({"agency": [gettext("กรุณาระบุรหัสหน่วยงาน")]})
            agency = mine[0]
        if not has_perm(request.user, "projects.project:write", agency.pk):
            raise serializers.ValidationError({"agency": [gettext("ท่านไม่มีสิทธิ์เพิ่มโครงการของหน่วยงานนี้")]})
        project = services.project_create(actor=request.user, agency=agency, **values)
        return Response(ProjectDetailSerializer(selectors.project_detail(actor=request.user, id=project.pk)).data,
                        status=status.HTTP_201_CREATED)


class ProjectDetailApi(generics.GenericAPIView[Project]):
    """One project (404 for another agency's project). PATCH updates details and/or ``status``."""

    permission = "projects.project:read"
    write_permission = "projects.project:write"
    serializer_class = ProjectDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        return Response(ProjectDetailSerializer(selectors.project_detail(actor=request.user, id=pk)).data)

    @extend_schema(request=ProjectInSerializer, responses={200: ProjectDetailSerializer})
    def patch(self, request: Request, pk: int) -> Response:
        project = selectors.access_project(actor=request.user, id=pk)
        if not has_perm(request.user, "projects.project:write", project.agency_id):
            raise Http404
        data = ProjectInSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values.pop("agency", None)
        new_status = values.pop("status", None)
        if values:
            services.project_update(actor=request.user, project=project, **values)
        if new_status:
            services.project_set_status(actor=request.user, project=project, status=new_status)
        return Response(ProjectDetailSerializer(selectors.project_detail(actor=request.user, id=pk)).data)

    put = patch
