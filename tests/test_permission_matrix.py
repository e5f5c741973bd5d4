"""The permission matrix: every route of the URL conf × every kind of user, with the exact status.

This file is the specification of who may open what (DESIGN.md §2):

* anonymous users are sent to the login page by HTML back-office routes (302) and refused by
  the API (401); public routes answer 200;
* province admin, executive and inspector read everything in the back office; only the admin
  and the agency's own editors write; the inspector records findings and corrective actions;
* an agency viewer reads its own agency's non-public data and writes nothing;
* another agency's private object is 404, never 403;
* staff names and records (``training.Person``) are personal data: only the agency's own
  editors and the province admin see them.

The routes come from the URL conf, so a new route without a row in ``ROWS`` fails
``test_every_route_has_a_row``. Each row builds the concrete URL of an object owned by
SKN-AGRI (the "own" agency of the editor and the viewer; the "other" editor is SKN-TOUR's) and
names the expected status per actor with one of the profiles below. Routes that only accept
POST are also POSTed with an empty body by every actor who must be refused: the status is
checked and the database must not change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import resolve

from smartprovince.core.checks import iter_view_classes

# ------------------------------------------------------------------ actors

ANON, ADMIN, EXEC, INSP, OWN, OTHER, VIEWER = (
    "anonymous", "province_admin", "executive", "inspector", "own_editor", "other_editor", "own_viewer",
)
ACTORS = (ANON, ADMIN, EXEC, INSP, OWN, OTHER, VIEWER)
# actor -> (role, agency code) of its one membership
MEMBERSHIPS = {
    ADMIN: ("province_admin", "SKN-PO"),
    EXEC: ("executive", "SKN-PO"),
    INSP: ("inspector", "SKN-PO"),
    OWN: ("agency_editor", "SKN-AGRI"),
    OTHER: ("agency_editor", "SKN-TOUR"),
    VIEWER: ("agency_viewer", "SKN-AGRI"),
}

Profile = dict[str, int | None]  # None: not exercised (a POST that would really change data)


def profile(anon: int | None, admin: int | None, executive: int | None, inspector: int | None,
            own_editor: int | None, other_editor: int | None, own_viewer: int | None) -> Profile:
    return dict(zip(ACTORS, (anon, admin, executive, inspector, own_editor, other_editor, own_viewer), strict=True))


def override(base: Profile, **changes: int | None) -> Profile:
    unknown = set(changes) - set(ACTORS)
    assert not unknown, unknown
    return {**base, **changes}


# ------------------------------------------------------------------ GET profiles

# Anyone, logged in or not.
PUBLIC = profile(200, 200, 200, 200, 200, 200, 200)
# Back-office pages every role may open (lists are filtered to what the user may read).
STAFF_READ = profile(302, 200, 200, 200, 200, 200, 200)
# Province-wide readers only (executive dashboards, report archive).
PROVINCE_READ = profile(302, 200, 200, 200, 403, 403, 403)
# Province admin only (users, agencies, targets, frameworks, domains).
ADMIN_ONLY = profile(302, 200, 403, 403, 403, 403, 403)
# An SKN-AGRI object that is not public: province readers and SKN-AGRI members; SKN-TOUR gets 404.
AGENCY_PRIVATE_READ = profile(302, 200, 200, 200, 200, 404, 200)
# A form to create something for one's own agency: admin and editors.
EDITOR_FORM = profile(302, 200, 403, 403, 200, 200, 403)
# A form that edits an SKN-AGRI object: admin and SKN-AGRI editors; SKN-TOUR's editor gets 404.
AGENCY_WRITE = profile(302, 200, 403, 403, 200, 404, 403)
# Personal staff data of SKN-AGRI: admin and SKN-AGRI editors only.
PERSONAL = profile(302, 200, 403, 403, 200, 404, 403)
# Inspection (findings, corrective actions): admin and inspector write.
INSPECTOR_FORM = profile(302, 200, 403, 200, 403, 403, 403)

# Refused with 404 by the object check (the object is personal or a draft), allowed as PERSONAL.
PERSONAL_OBJECT = override(PERSONAL, executive=404, inspector=404, own_viewer=404)
# A value reported by SKN-AGRI and not yet submitted: its editors and the approver (admin) only.
DRAFT_VALUE = profile(302, 200, 404, 404, 200, 404, 404)
# Editing a *public* SKN-AGRI object of the data hub: SKN-TOUR may see it, so the refusal is 403.
AGENCY_WRITE_VISIBLE = override(AGENCY_WRITE, other_editor=403)

# API flavours: anonymous is 401 (token authentication comes first).
API_STAFF_READ = override(STAFF_READ, anonymous=401)
API_PROVINCE_READ = override(PROVINCE_READ, anonymous=401)
API_AGENCY_PRIVATE_READ = override(AGENCY_PRIVATE_READ, anonymous=401)
API_PERSONAL = override(PERSONAL, anonymous=401)

# GET on a route that only accepts POST: whoever passes the read check gets 405.
POST_ONLY_GET_STAFF = profile(302, 405, 405, 405, 405, 405, 405)
POST_ONLY_GET_EDITORS = profile(302, 405, 403, 403, 405, 405, 403)
POST_ONLY_GET_ADMIN = profile(302, 405, 403, 403, 403, 403, 403)
# An anonymous-write API endpoint that has no GET: the permission class refuses before the 405.
API_GET_REFUSED = profile(401, 403, 403, 403, 403, 403, 403)

# ------------------------------------------------------------------ POST profiles (empty body)
# Only the refusals are exercised (None = allowed, not sent: it would change data).
REFUSE_WRITE_AGENCY = profile(302, None, 403, 403, None, 404, 403)
REFUSE_WRITE_ADMIN = profile(302, None, 403, 403, 403, 403, 403)
REFUSE_WRITE_INSPECTOR = profile(302, None, 403, None, 403, 403, 403)
REFUSE_WRITE_EDITORS = profile(302, None, 403, 403, None, None, 403)
REFUSE_WRITE_VISIBLE = override(REFUSE_WRITE_AGENCY, other_editor=403)


@dataclass(frozen=True)
class Row:
    sample: Callable[[SimpleNamespace], str]
    expect: Profile
    post: Profile | None = None
    # more (sample, profile) pairs for the same route, e.g. a private object on a public route
    variants: tuple[tuple[Callable[[SimpleNamespace], str], Profile], ...] = field(default=())


def u(template: str) -> Callable[[SimpleNamespace], str]:
    """``u("/app/projects/{o.project.pk}/")``: the URL of a sample object, formatted lazily."""
    return lambda o: template.format(o=o)


ROWS: dict[str, Row] = {
    # ---- portal (public)
    "": Row(u("/"), PUBLIC),
    "plan/": Row(u("/plan/"), PUBLIC),
    "plan/strategies/<int:number>/": Row(u("/plan/strategies/{o.strategy_number}/"), PUBLIC),
    "plan/alignment/": Row(u("/plan/alignment/"), PUBLIC),
    "plans/<str:code>/": Row(u("/plans/{o.plan.code}/"), PUBLIC),
    "plans/<str:code>/strategies/<int:number>/": Row(u("/plans/{o.plan.code}/strategies/{o.strategy_number}/"), PUBLIC),
    "plans/<str:code>/alignment/": Row(u("/plans/{o.plan.code}/alignment/"), PUBLIC),
    "agencies/": Row(u("/agencies/"), PUBLIC),
    "agencies/<str:code>/": Row(u("/agencies/{o.agri.code}/"), PUBLIC),
    # ---- e-services (public)
    "services/": Row(u("/services/"), PUBLIC),
    # the agency picker's suggestions: public; with perm= only the user's own agencies (still 200)
    "lookup/agencies/": Row(u("/lookup/agencies/?q=SKN"), PUBLIC,
                            variants=((u("/lookup/agencies/?q=SKN&perm=training.staff:read_personal"), PUBLIC),)),
    "services/<int:pk>/": Row(u("/services/{o.service.pk}/"), PUBLIC),
    "survey/<int:pk>/": Row(u("/survey/{o.survey.pk}/"), PUBLIC),
    "survey/<int:pk>/thanks/": Row(u("/survey/{o.survey.pk}/thanks/"), PUBLIC),
    # ---- data hub (public; a private dataset is 404 outside its agency and the province readers)
    "api/3": Row(u("/api/3"), PUBLIC),
    "api/3/": Row(u("/api/3/"), PUBLIC),
    "api/3/action/": Row(u("/api/3/action/"), PUBLIC),
    "api/3/action/<str:name>": Row(u("/api/3/action/package_show?id={o.dataset.name}"), PUBLIC,
                                   variants=((u("/api/3/action/package_show?id={o.private_dataset.name}"), override(AGENCY_PRIVATE_READ, anonymous=404)),)),
    "api/action/<str:name>": Row(u("/api/action/package_show?id={o.dataset.name}"), PUBLIC,
                                 variants=((u("/api/action/package_show?id={o.private_dataset.name}"), override(AGENCY_PRIVATE_READ, anonymous=404)),)),
    r"^catalog\.(?P<fmt>jsonld|ttl)$": Row(u("/catalog.jsonld"), PUBLIC),
    r"^dataset/(?P<name>[a-z0-9_\-]{2,70})\.(?P<fmt>jsonld|ttl)$": Row(
        u("/dataset/{o.dataset.name}.ttl"), PUBLIC,
        variants=((u("/dataset/{o.private_dataset.name}.jsonld"), override(AGENCY_PRIVATE_READ, anonymous=404)),)),
    "data/": Row(u("/data/"), PUBLIC),
    "data/join/": Row(u("/data/join/"), PUBLIC),
    "data/dataset/<slug:name>/": Row(u("/data/dataset/{o.dataset.name}/"), PUBLIC,
                                     variants=((u("/data/dataset/{o.private_dataset.name}/"), override(AGENCY_PRIVATE_READ, anonymous=404)),)),
    "data/dataset/<slug:name>/resource/<uuid:resource_id>/": Row(
        u("/data/dataset/{o.dataset.name}/resource/{o.resource.pk}/"), PUBLIC,
        variants=((u("/data/dataset/{o.private_dataset.name}/resource/{o.private_resource.pk}/"), override(AGENCY_PRIVATE_READ, anonymous=404)),)),
    r"^data/resource/(?P<resource_id>[0-9a-f\-]{36})/download\.(?P<fmt>csv|json|xlsx)$": Row(
        u("/data/resource/{o.resource.pk}/download.csv"), PUBLIC),
    "data/resource/<uuid:resource_id>/file/<str:filename>": Row(
        u("/data/resource/{o.resource.pk}/file/data.csv"), PUBLIC,
        variants=((u("/data/resource/{o.private_resource.pk}/file/private.csv"), override(AGENCY_PRIVATE_READ, anonymous=404)),)),
    "areas/": Row(u("/areas/"), PUBLIC),
    "areas/<str:code>/": Row(u("/areas/{o.district.code}/"), PUBLIC),
    # ---- accounts
    # a signed-in user is sent on from the login page
    "accounts/login/": Row(u("/accounts/login/"), profile(200, 302, 302, 302, 302, 302, 302)),
    "accounts/logout/": Row(u("/accounts/logout/"), profile(405, 405, 405, 405, 405, 405, 405)),
    "i18n/setlang/": Row(u("/i18n/setlang/"), profile(302, 302, 302, 302, 302, 302, 302)),
    "jsi18n/": Row(u("/jsi18n/"), PUBLIC),
    # ---- core
    "app/workspace/": Row(u("/app/workspace/"), STAFF_READ),
    "app/history/<str:model>/<str:pk>/": Row(
        u("/app/history/projects.project/{o.project.pk}/"), AGENCY_PRIVATE_READ,
        variants=((u("/app/history/training.person/{o.person.pk}/"), PERSONAL_OBJECT),
                  (u("/app/history/training.enrolment/{o.staff_enrolment.pk}/"), PERSONAL_OBJECT),
                  (u("/app/history/projects.progressreport/{o.report.pk}/"), AGENCY_PRIVATE_READ))),
    "app/jobs/<int:pk>/": Row(u("/app/jobs/{o.job.pk}/"), profile(302, 200, 404, 404, 200, 404, 404)),
    "app/jobs/<int:pk>/download/": Row(u("/app/jobs/{o.job.pk}/download/"), profile(302, 200, 404, 404, 200, 404, 404)),
    # ---- agencies
    "app/agencies/": Row(u("/app/agencies/"), STAFF_READ),
    "app/agencies/new/": Row(u("/app/agencies/new/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/agencies/users/": Row(u("/app/agencies/users/"), ADMIN_ONLY),
    "app/agencies/users/new/": Row(u("/app/agencies/users/new/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/agencies/users/<int:pk>/": Row(u("/app/agencies/users/{o.own_user.pk}/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/agencies/memberships/<int:pk>/revoke/": Row(
        u("/app/agencies/memberships/{o.own_membership.pk}/revoke/"), POST_ONLY_GET_ADMIN, post=REFUSE_WRITE_ADMIN),
    "app/agencies/<str:code>/": Row(u("/app/agencies/{o.agri.code}/"), STAFF_READ),
    "app/agencies/<str:code>/edit/": Row(u("/app/agencies/{o.agri.code}/edit/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    # ---- projects
    "app/projects/": Row(u("/app/projects/"), STAFF_READ),
    "app/projects/new/": Row(u("/app/projects/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/projects/import/": Row(u("/app/projects/import/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/projects/import/template.xlsx": Row(u("/app/projects/import/template.xlsx"), EDITOR_FORM),
    "app/projects/summary/": Row(u("/app/projects/summary/"), STAFF_READ),
    "app/projects/compliance/": Row(u("/app/projects/compliance/"), STAFF_READ),
    "app/projects/action-plans/": Row(u("/app/projects/action-plans/"), STAFF_READ),
    "app/projects/action-plans/<int:agency_id>/<int:fy>/": Row(
        u("/app/projects/action-plans/{o.agri.pk}/2565/"), AGENCY_PRIVATE_READ,
        # an empty POST names no action (submit/approve/return): 404 for everyone
        post=profile(302, None, 404, 404, None, 404, 404)),
    "app/projects/reports/": Row(u("/app/projects/reports/"), STAFF_READ),
    "app/projects/reports/<int:pk>/": Row(u("/app/projects/reports/{o.report.pk}/"), AGENCY_PRIVATE_READ),
    "app/projects/reports/<int:pk>/edit/": Row(u("/app/projects/reports/{o.report.pk}/edit/"), AGENCY_WRITE,
                                               post=REFUSE_WRITE_AGENCY),
    "app/projects/reports/<int:pk>/submit/": Row(
        u("/app/projects/reports/{o.report.pk}/submit/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/reports/<int:pk>/review/": Row(
        u("/app/projects/reports/{o.report.pk}/review/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_ADMIN),
    "app/projects/reports/<int:pk>/evidence/": Row(
        u("/app/projects/reports/{o.report.pk}/evidence/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/evidence/<int:pk>/": Row(u("/app/projects/evidence/{o.evidence.pk}/"), AGENCY_PRIVATE_READ),
    "app/projects/evidence/<int:pk>/delete/": Row(
        u("/app/projects/evidence/{o.evidence.pk}/delete/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/": Row(u("/app/projects/{o.project.pk}/"), AGENCY_PRIVATE_READ),
    "app/projects/<int:pk>/edit/": Row(u("/app/projects/{o.project.pk}/edit/"), AGENCY_WRITE, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/status/": Row(
        u("/app/projects/{o.project.pk}/status/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/budget/": Row(
        u("/app/projects/{o.project.pk}/budget/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/budget/<int:line_id>/": Row(
        u("/app/projects/{o.project.pk}/budget/{o.budget_line.pk}/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/budget/<int:line_id>/delete/": Row(
        u("/app/projects/{o.project.pk}/budget/{o.budget_line.pk}/delete/"), POST_ONLY_GET_STAFF,
        post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/milestones/": Row(
        u("/app/projects/{o.project.pk}/milestones/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/milestones/<int:milestone_id>/": Row(
        u("/app/projects/{o.project.pk}/milestones/{o.milestone.pk}/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/milestones/<int:milestone_id>/delete/": Row(
        u("/app/projects/{o.project.pk}/milestones/{o.milestone.pk}/delete/"), POST_ONLY_GET_STAFF,
        post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/indicators/": Row(
        u("/app/projects/{o.project.pk}/indicators/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/indicators/<int:indicator_id>/delete/": Row(
        u("/app/projects/{o.project.pk}/indicators/{o.project_indicator.pk}/delete/"), POST_ONLY_GET_STAFF,
        post=REFUSE_WRITE_AGENCY),
    "app/projects/<int:pk>/reports/new/": Row(u("/app/projects/{o.project.pk}/reports/new/"), AGENCY_WRITE,
                                              post=REFUSE_WRITE_AGENCY),
    # ---- monitoring
    "app/monitoring/": Row(u("/app/monitoring/"), PROVINCE_READ),
    "app/monitoring/drill/projects/": Row(u("/app/monitoring/drill/projects/"), PROVINCE_READ),
    "app/monitoring/indicators/": Row(u("/app/monitoring/indicators/"), STAFF_READ),
    "app/monitoring/indicators/<int:pk>/": Row(u("/app/monitoring/indicators/{o.indicator.pk}/"), STAFF_READ),
    "app/monitoring/indicators/<int:pk>/targets/": Row(
        u("/app/monitoring/indicators/{o.indicator.pk}/targets/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/monitoring/indicators/<int:pk>/report/": Row(u("/app/monitoring/indicators/{o.indicator.pk}/report/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/monitoring/measurements/<int:pk>/": Row(
        u("/app/monitoring/measurements/{o.measurement.pk}/"), DRAFT_VALUE,
        variants=((u("/app/monitoring/measurements/{o.approved_measurement.pk}/"), STAFF_READ),)),
    "app/monitoring/measurements/<int:pk>/evidence/": Row(
        u("/app/monitoring/measurements/{o.measurement.pk}/evidence/"), DRAFT_VALUE),
    "app/monitoring/measurements/<int:pk>/<str:action>/": Row(
        u("/app/monitoring/measurements/{o.measurement.pk}/submit/"), POST_ONLY_GET_STAFF, post=REFUSE_WRITE_AGENCY),
    "app/monitoring/reported/": Row(u("/app/monitoring/reported/"), EDITOR_FORM),
    "app/monitoring/thresholds/": Row(u("/app/monitoring/thresholds/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/monitoring/measure/": Row(u("/app/monitoring/measure/"), override(ADMIN_ONLY, province_admin=302), post=REFUSE_WRITE_ADMIN),
    "app/monitoring/pdca/": Row(u("/app/monitoring/pdca/"), PROVINCE_READ),
    "app/monitoring/actions/": Row(u("/app/monitoring/actions/"), STAFF_READ),
    "app/monitoring/actions/new/": Row(u("/app/monitoring/actions/new/"), INSPECTOR_FORM, post=REFUSE_WRITE_INSPECTOR),
    "app/monitoring/actions/<int:pk>/": Row(u("/app/monitoring/actions/{o.action.pk}/"), AGENCY_PRIVATE_READ),
    # inspectors edit every field, the owner agency's editors report progress
    "app/monitoring/actions/<int:pk>/edit/": Row(u("/app/monitoring/actions/{o.action.pk}/edit/"),
                                                 override(AGENCY_WRITE, inspector=200),
                                                 post=override(REFUSE_WRITE_AGENCY, inspector=None)),
    "app/monitoring/findings/": Row(u("/app/monitoring/findings/"), STAFF_READ),
    "app/monitoring/findings/new/": Row(u("/app/monitoring/findings/new/"), INSPECTOR_FORM, post=REFUSE_WRITE_INSPECTOR),
    "app/monitoring/findings/<int:pk>/": Row(u("/app/monitoring/findings/{o.finding.pk}/"), AGENCY_PRIVATE_READ),
    "app/monitoring/findings/<int:pk>/edit/": Row(u("/app/monitoring/findings/{o.finding.pk}/edit/"), INSPECTOR_FORM,
                                                  post=REFUSE_WRITE_INSPECTOR),
    "app/monitoring/reports/": Row(u("/app/monitoring/reports/"), PROVINCE_READ),
    "app/monitoring/reports/<int:pk>/": Row(u("/app/monitoring/reports/{o.archive.pk}/"), PROVINCE_READ),
    "app/monitoring/reports/<int:pk>/download/": Row(u("/app/monitoring/reports/{o.archive.pk}/download/"), PROVINCE_READ),
    # ---- data hub (back office)
    "app/datahub/": Row(u("/app/datahub/"), STAFF_READ),
    "app/datahub/datasets/new/": Row(u("/app/datahub/datasets/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/datahub/datasets/<slug:name>/edit/": Row(u("/app/datahub/datasets/{o.dataset.name}/edit/"), AGENCY_WRITE_VISIBLE, post=REFUSE_WRITE_VISIBLE,
        variants=((u("/app/datahub/datasets/{o.private_dataset.name}/edit/"), AGENCY_WRITE),)),
    "app/datahub/datasets/<slug:name>/delete/": Row(
        u("/app/datahub/datasets/{o.dataset.name}/delete/"), POST_ONLY_GET_EDITORS, post=REFUSE_WRITE_VISIBLE),
    "app/datahub/datasets/<slug:name>/resources/new/": Row(
        u("/app/datahub/datasets/{o.dataset.name}/resources/new/"), AGENCY_WRITE_VISIBLE, post=REFUSE_WRITE_VISIBLE,
        variants=((u("/app/datahub/datasets/{o.private_dataset.name}/resources/new/"), AGENCY_WRITE),)),
    "app/datahub/resources/<uuid:resource_id>/": Row(
        u("/app/datahub/resources/{o.resource.pk}/"), AGENCY_WRITE_VISIBLE, post=REFUSE_WRITE_VISIBLE,
        variants=((u("/app/datahub/resources/{o.private_resource.pk}/"), AGENCY_WRITE),)),
    "app/datahub/import/": Row(u("/app/datahub/import/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/datahub/domains/": Row(u("/app/datahub/domains/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/datahub/domains/<int:pk>/": Row(u("/app/datahub/domains/{o.domain.pk}/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/datahub/systems/": Row(u("/app/datahub/systems/"), STAFF_READ),
    "app/datahub/systems/new/": Row(u("/app/datahub/systems/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/datahub/systems/<int:pk>/": Row(u("/app/datahub/systems/{o.system.pk}/"), AGENCY_WRITE, post=REFUSE_WRITE_AGENCY),
    "app/datahub/links/new/": Row(u("/app/datahub/links/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    # ---- e-services (back office)
    "app/eservices/": Row(u("/app/eservices/"), STAFF_READ),
    "app/eservices/services/new/": Row(u("/app/eservices/services/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/eservices/services/<int:pk>/": Row(u("/app/eservices/services/{o.service.pk}/"), AGENCY_PRIVATE_READ),
    "app/eservices/services/<int:pk>/edit/": Row(u("/app/eservices/services/{o.service.pk}/edit/"), AGENCY_WRITE,
                                                 post=REFUSE_WRITE_AGENCY),
    "app/eservices/channels/": Row(u("/app/eservices/channels/"), STAFF_READ),
    "app/eservices/channels/new/": Row(u("/app/eservices/channels/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/eservices/channels/<int:pk>/edit/": Row(u("/app/eservices/channels/{o.channel.pk}/edit/"), AGENCY_WRITE,
                                                 post=REFUSE_WRITE_AGENCY),
    "app/eservices/usage/": Row(u("/app/eservices/usage/"), STAFF_READ),
    # GET shows the usage list (the form only to writers)
    "app/eservices/usage/record/": Row(u("/app/eservices/usage/record/"), STAFF_READ, post=REFUSE_WRITE_EDITORS),
    "app/eservices/usage/import/": Row(u("/app/eservices/usage/import/"), STAFF_READ, post=REFUSE_WRITE_EDITORS),
    "app/eservices/usage/template.xlsx": Row(u("/app/eservices/usage/template.xlsx"), EDITOR_FORM),
    "app/eservices/surveys/": Row(u("/app/eservices/surveys/"), STAFF_READ),
    "app/eservices/surveys/new/": Row(u("/app/eservices/surveys/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/eservices/surveys/<int:pk>/": Row(u("/app/eservices/surveys/{o.survey.pk}/"), AGENCY_PRIVATE_READ),
    "app/eservices/surveys/<int:pk>/edit/": Row(u("/app/eservices/surveys/{o.survey.pk}/edit/"), AGENCY_WRITE,
                                                post=REFUSE_WRITE_AGENCY),
    "app/eservices/surveys/<int:pk>/questions/new/": Row(
        u("/app/eservices/surveys/{o.survey.pk}/questions/new/"), POST_ONLY_GET_EDITORS, post=REFUSE_WRITE_AGENCY),
    "app/eservices/questions/<int:pk>/edit/": Row(u("/app/eservices/questions/{o.question.pk}/edit/"), AGENCY_WRITE,
                                                  post=REFUSE_WRITE_AGENCY),
    "app/eservices/surveys/<int:pk>/results/": Row(u("/app/eservices/surveys/{o.survey.pk}/results/"), AGENCY_PRIVATE_READ),
    "app/eservices/surveys/<int:pk>/poster.pdf": Row(u("/app/eservices/surveys/{o.survey.pk}/poster.pdf"), AGENCY_PRIVATE_READ),
    "app/eservices/satisfaction/": Row(u("/app/eservices/satisfaction/"), STAFF_READ),
    "app/eservices/coverage/": Row(u("/app/eservices/coverage/"), STAFF_READ),
    # ---- training
    "app/training/": Row(u("/app/training/"), STAFF_READ),
    "app/training/staff/": Row(u("/app/training/staff/"), profile(302, 200, 403, 403, 200, 200, 403),
                               variants=((u("/app/training/staff/?agency={o.agri.code}"), PERSONAL),)),
    "app/training/staff/import-template.xlsx": Row(u("/app/training/staff/import-template.xlsx"), EDITOR_FORM),
    "app/training/staff/<str:code>/new/": Row(u("/app/training/staff/{o.agri.code}/new/"), PERSONAL, post=REFUSE_WRITE_AGENCY),
    "app/training/staff/<str:code>/import/": Row(u("/app/training/staff/{o.agri.code}/import/"), PERSONAL,
                                                 post=REFUSE_WRITE_AGENCY),
    "app/training/staff/<str:code>/headcount/": Row(u("/app/training/staff/{o.agri.code}/headcount/"), PERSONAL,
                                                    post=REFUSE_WRITE_AGENCY),
    "app/training/people/<int:pk>/": Row(u("/app/training/people/{o.person.pk}/"), PERSONAL),
    "app/training/people/<int:pk>/edit/": Row(u("/app/training/people/{o.person.pk}/edit/"), PERSONAL,
                                              post=REFUSE_WRITE_AGENCY),
    "app/training/people/<int:pk>/leave/": Row(
        u("/app/training/people/{o.person.pk}/leave/"), POST_ONLY_GET_EDITORS, post=REFUSE_WRITE_AGENCY),
    "app/training/people/<int:pk>/assess/": Row(u("/app/training/people/{o.person.pk}/assess/"), PERSONAL,
                                                post=REFUSE_WRITE_AGENCY),
    "app/training/courses/": Row(u("/app/training/courses/"), STAFF_READ),
    "app/training/courses/new/": Row(u("/app/training/courses/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/training/courses/<int:pk>/": Row(u("/app/training/courses/{o.course.pk}/"), STAFF_READ),
    "app/training/courses/<int:pk>/edit/": Row(u("/app/training/courses/{o.course.pk}/edit/"), AGENCY_WRITE,
                                               post=REFUSE_WRITE_AGENCY),
    "app/training/courses/<int:pk>/sessions/new/": Row(u("/app/training/courses/{o.course.pk}/sessions/new/"), EDITOR_FORM),
    "app/training/sessions/<int:pk>/": Row(u("/app/training/sessions/{o.session.pk}/"), STAFF_READ),
    "app/training/sessions/<int:pk>/edit/": Row(u("/app/training/sessions/{o.session.pk}/edit/"), AGENCY_WRITE,
                                                post=REFUSE_WRITE_AGENCY),
    "app/training/sessions/<int:pk>/enrol/": Row(
        u("/app/training/sessions/{o.session.pk}/enrol/"), POST_ONLY_GET_EDITORS,
        # any editor may enrol their own staff in another agency's session: nothing chosen, nothing done
        post=override(REFUSE_WRITE_AGENCY, other_editor=302)),
    "app/training/sessions/<int:pk>/attendance/": Row(
        u("/app/training/sessions/{o.session.pk}/attendance/"), POST_ONLY_GET_EDITORS, post=REFUSE_WRITE_AGENCY),
    "app/training/enrolments/<int:pk>/certificate/": Row(
        u("/app/training/enrolments/{o.enrolment.pk}/certificate/"), POST_ONLY_GET_EDITORS, post=REFUSE_WRITE_AGENCY),
    "app/training/enrolments/<int:pk>/certificate.pdf": Row(
        u("/app/training/enrolments/{o.certificate.enrolment_id}/certificate.pdf"), PERSONAL_OBJECT),
    "app/training/activities/": Row(u("/app/training/activities/"), STAFF_READ),
    "app/training/activities/new/": Row(u("/app/training/activities/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/training/activities/<int:pk>/": Row(
        u("/app/training/activities/{o.activity.pk}/"), STAFF_READ, post=REFUSE_WRITE_AGENCY,
        variants=((u("/app/training/activities/{o.hidden_activity.pk}/"), AGENCY_PRIVATE_READ),)),
    "app/training/activities/<int:pk>/edit/": Row(u("/app/training/activities/{o.activity.pk}/edit/"), AGENCY_WRITE,
                                                  post=REFUSE_WRITE_AGENCY),
    "app/training/frameworks/": Row(u("/app/training/frameworks/"), STAFF_READ),
    "app/training/frameworks/policy/": Row(u("/app/training/frameworks/policy/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    "app/training/frameworks/<int:pk>/": Row(u("/app/training/frameworks/{o.framework.pk}/"), STAFF_READ,
                                             post=REFUSE_WRITE_ADMIN),
    "app/training/frameworks/<int:pk>/areas/new/": Row(u("/app/training/frameworks/{o.framework.pk}/areas/new/"), ADMIN_ONLY,
                                                       post=REFUSE_WRITE_ADMIN),
    "app/training/frameworks/<int:pk>/areas/<int:area_id>/": Row(
        u("/app/training/frameworks/{o.framework.pk}/areas/{o.skill_area.pk}/"), ADMIN_ONLY, post=REFUSE_WRITE_ADMIN),
    # ---- smart city
    "app/smartcity/": Row(u("/app/smartcity/"), STAFF_READ),
    "app/smartcity/new/": Row(u("/app/smartcity/new/"), EDITOR_FORM, post=REFUSE_WRITE_EDITORS),
    "app/smartcity/<int:pk>/": Row(u("/app/smartcity/{o.initiative.pk}/"), STAFF_READ, post=REFUSE_WRITE_AGENCY,
                                   variants=((u("/app/smartcity/{o.hidden_initiative.pk}/"), AGENCY_PRIVATE_READ),)),
    "app/smartcity/<int:pk>/edit/": Row(u("/app/smartcity/{o.initiative.pk}/edit/"), AGENCY_WRITE, post=REFUSE_WRITE_AGENCY),
    # ---- public pages of training and smart city
    "digital-skills/verify/<str:token>/": Row(u("/digital-skills/verify/{o.certificate.token}/"), PUBLIC),
    "digital-skills/activities/": Row(u("/digital-skills/activities/"), PUBLIC),
    "digital-skills/activities/<int:pk>/": Row(
        u("/digital-skills/activities/{o.activity.pk}/"), PUBLIC,
        variants=((u("/digital-skills/activities/{o.hidden_activity.pk}/"), profile(404, 404, 404, 404, 404, 404, 404)),)),
    "smart-city/": Row(u("/smart-city/"), PUBLIC),
    "smart-city/<int:pk>/": Row(
        u("/smart-city/{o.initiative.pk}/"), PUBLIC,
        variants=((u("/smart-city/{o.hidden_initiative.pk}/"), profile(404, 404, 404, 404, 404, 404, 404)),)),
    # ---- API v1
    "api/v1/areas/": Row(u("/api/v1/areas/"), PUBLIC),
    "api/v1/areas/<str:code>/": Row(u("/api/v1/areas/{o.district.code}/"), PUBLIC),
    "api/v1/agencies/": Row(u("/api/v1/agencies/"), PUBLIC),
    "api/v1/agencies/<str:code>/": Row(u("/api/v1/agencies/{o.agri.code}/"), PUBLIC),
    "api/v1/plans/": Row(u("/api/v1/plans/"), PUBLIC),
    "api/v1/plans/<str:code>/": Row(u("/api/v1/plans/{o.plan.code}/"), PUBLIC),
    "api/v1/projects/": Row(u("/api/v1/projects/"), API_STAFF_READ),
    "api/v1/projects/<int:pk>/": Row(u("/api/v1/projects/{o.project.pk}/"), API_AGENCY_PRIVATE_READ),
    "api/v1/projects/<int:pk>/reports/": Row(u("/api/v1/projects/{o.project.pk}/reports/"), API_AGENCY_PRIVATE_READ),
    "api/v1/projects/<int:pk>/reports/<int:report_id>/": Row(
        u("/api/v1/projects/{o.project.pk}/reports/{o.report.pk}/"), API_AGENCY_PRIVATE_READ),
    "api/v1/projects/<int:pk>/reports/<int:report_id>/submit/": Row(
        u("/api/v1/projects/{o.project.pk}/reports/{o.report.pk}/submit/"), profile(401, 405, 405, 405, 405, 405, 405),
        post=profile(401, None, 403, 403, None, 404, 403)),
    "api/v1/indicators/": Row(u("/api/v1/indicators/"), API_STAFF_READ),
    "api/v1/indicators/<int:pk>/measurements/": Row(u("/api/v1/indicators/{o.indicator.pk}/measurements/"), API_STAFF_READ),
    "api/v1/measurements/<int:pk>/rows/": Row(u("/api/v1/measurements/{o.approved_measurement.pk}/rows/"), API_PROVINCE_READ),
    "api/v1/corrective-actions/": Row(u("/api/v1/corrective-actions/"), API_STAFF_READ),
    "api/v1/reports/": Row(u("/api/v1/reports/"), API_PROVINCE_READ),
    "api/v1/reports/<int:pk>/download/": Row(u("/api/v1/reports/{o.archive.pk}/download/"), API_PROVINCE_READ),
    "api/v1/datahub/areas/<str:code>/": Row(u("/api/v1/datahub/areas/{o.district.code}/"), PUBLIC),
    "api/v1/eservices/": Row(u("/api/v1/eservices/"), PUBLIC),
    "api/v1/eservices/<int:pk>/": Row(u("/api/v1/eservices/{o.service.pk}/"), PUBLIC),
    "api/v1/channels/": Row(u("/api/v1/channels/"), PUBLIC),
    "api/v1/surveys/<int:pk>/": Row(u("/api/v1/surveys/{o.survey.pk}/"), PUBLIC),
    "api/v1/surveys/<int:pk>/responses/": Row(u("/api/v1/surveys/{o.survey.pk}/responses/"), API_GET_REFUSED,
                                              post=profile(400, 400, 400, 400, 400, 400, 400)),
    "api/v1/surveys/<int:pk>/results/": Row(u("/api/v1/surveys/{o.survey.pk}/results/"), API_AGENCY_PRIVATE_READ),
    "api/v1/staff/": Row(u("/api/v1/staff/"), override(API_PERSONAL, other_editor=200)),
    "api/v1/staff/<int:pk>/": Row(u("/api/v1/staff/{o.person.pk}/"), API_PERSONAL),
    "api/v1/courses/": Row(u("/api/v1/courses/"), PUBLIC),
    "api/v1/courses/<int:pk>/": Row(u("/api/v1/courses/{o.course.pk}/"), PUBLIC),
    "api/v1/sessions/": Row(u("/api/v1/sessions/"), PUBLIC),
    "api/v1/sessions/<int:pk>/": Row(u("/api/v1/sessions/{o.session.pk}/"), PUBLIC),
    "api/v1/activities/": Row(u("/api/v1/activities/"), PUBLIC),
    "api/v1/activities/<int:pk>/": Row(
        u("/api/v1/activities/{o.activity.pk}/"), PUBLIC,
        variants=((u("/api/v1/activities/{o.hidden_activity.pk}/"), profile(404, 404, 404, 404, 404, 404, 404)),)),
    "api/v1/initiatives/": Row(u("/api/v1/initiatives/"), PUBLIC),
    "api/v1/initiatives/<int:pk>/": Row(
        u("/api/v1/initiatives/{o.initiative.pk}/"), PUBLIC,
        variants=((u("/api/v1/initiatives/{o.hidden_initiative.pk}/"), profile(404, 404, 404, 404, 404, 404, 404)),)),
    "api/schema/": Row(u("/api/schema/"), PUBLIC),
    "api/docs/": Row(u("/api/docs/"), PUBLIC),
}

SKIPPED_PREFIXES = ("django-admin/", "static/", "media/", "^static/", "^media/")


def routes() -> list[tuple[str, Any]]:
    return [(r, cls) for r, cls in iter_view_classes() if not r.startswith(SKIPPED_PREFIXES)]


# ------------------------------------------------------------------ data


@dataclass
class World:
    objects: SimpleNamespace
    users: dict[str, Any]


def _build_objects() -> SimpleNamespace:
    from smartprovince.agencies.models import Agency, Membership
    from smartprovince.core.models import Area, Job
    from smartprovince.datahub.models import DataDomain, Dataset, ITSystem, Resource
    from smartprovince.eservices.models import Channel, EService, Survey, SurveyQuestion
    from smartprovince.monitoring.models import CorrectiveAction, InspectionFinding, Measurement, ReportArchive
    from smartprovince.plans.models import Plan
    from smartprovince.projects.models import EvidenceFile, ProgressReport, Project
    from smartprovince.smartcity.models import Initiative
    from smartprovince.training.models import (
        Certificate,
        Course,
        Enrolment,
        Person,
        PublicActivity,
        Session,
        SkillFramework,
    )

    agri = Agency.objects.get(code="SKN-AGRI")
    own_editor = Membership.objects.get(agency=agri, role="agency_editor", user__username="m_own_editor")
    o = SimpleNamespace(agri=agri, own_membership=own_editor, own_user=own_editor.user)
    o.plan = Plan.objects.order_by("pk").first()
    o.strategy_number = o.plan.strategies.order_by("number").first().number
    o.district = Area.objects.filter(code__regex=r"^\d{4}$").order_by("code").first()

    o.project = Project.objects.filter(agency=agri).order_by("pk").first()
    o.report = ProgressReport.objects.filter(project=o.project).order_by("pk").first()
    o.report.status = ProgressReport.Status.DRAFT  # editable
    o.report.save()
    o.evidence = EvidenceFile.objects.create(
        report=o.report, file=ContentFile(b"%PDF-1.4 matrix", name="matrix.pdf"), original_name="matrix.pdf",
        content_type="application/pdf", size=15, uploaded_by=o.own_user,
    )
    o.budget_line = o.project.budget_lines.order_by("pk").first()
    o.milestone = o.project.milestones.order_by("pk").first()
    o.project_indicator = o.project.indicators.order_by("pk").first()

    # A draft value reported by SKN-AGRI (the demo's reported values belong to other agencies).
    o.measurement = Measurement.objects.filter(source="reported").order_by("pk").first()
    assert o.measurement is not None
    o.indicator = o.measurement.indicator
    o.approved_measurement = Measurement.objects.filter(status="approved").exclude(pk=o.measurement.pk).order_by("pk").first()
    o.measurement.agency = agri
    o.measurement.status = "draft"
    o.measurement.created_by = o.own_user
    o.measurement.evidence = ContentFile(b"%PDF-1.4 evidence", name="evidence.pdf")
    o.measurement.evidence_name = "evidence.pdf"
    o.measurement.save()
    o.action = CorrectiveAction.objects.create(
        project=o.project, fiscal_year_be=2565, problem_th="ล่าช้า", action_th="เร่งรัด", owner_agency=agri,
        due_date=dt.date(2022, 9, 30),
    )
    o.finding = InspectionFinding.objects.filter(agency=agri).order_by("pk").first()
    o.archive = ReportArchive.objects.create(
        kind="annual", format="xlsx", period_key="2565", fiscal_year_be=2565, title="รายงานประจำปี",
        file=ContentFile(b"PK matrix", name="annual.xlsx"), filename="annual.xlsx", size=9,
    )
    o.job = Job.objects.create(
        kind="matrix.test", title="งานทดสอบ", status="succeeded", actor=o.own_user, agency_id=agri.pk,
        result_file=ContentFile(b"a,b\n", name="result.csv"), result={"filename": "result.csv"},
    )

    o.dataset = Dataset.objects.filter(agency=agri, is_private=False, is_deleted=False).order_by("pk").first()
    o.resource = Resource.objects.filter(dataset=o.dataset, is_deleted=False).order_by("position").first()
    o.private_dataset = Dataset.objects.get(pk=o.dataset.pk)
    o.private_dataset.pk = None
    o.private_dataset.name = "matrix-private"
    o.private_dataset.is_private = True
    o.private_dataset.save()
    o.private_resource = Resource.objects.create(
        dataset=o.private_dataset, name="ไฟล์ภายใน", format="CSV",
        file=ContentFile(b"a,b\n1,2\n", name="private.csv"), size=8,
    )
    o.domain = DataDomain.objects.order_by("pk").first()
    o.system = ITSystem.objects.filter(agency=agri).order_by("pk").first()

    o.service = EService.objects.filter(agency=agri).order_by("pk").first()
    o.channel = Channel.objects.filter(agency=agri).order_by("pk").first()
    o.survey = Survey.objects.filter(agency=agri, is_open=True).order_by("pk").first()
    o.question = SurveyQuestion.objects.filter(survey=o.survey).order_by("pk").first()

    o.person = Person.objects.filter(agency=agri).order_by("pk").first()
    o.session = Session.objects.filter(agency=agri).order_by("pk").first()
    # the demo's courses belong to other agencies: a copy owned by SKN-AGRI
    o.course = Course.objects.get(pk=o.session.course_id)
    o.course.pk = None
    o.course.agency = agri
    o.course.save()
    o.enrolment = Enrolment.objects.filter(session=o.session).order_by("pk").first()
    o.staff_enrolment = Enrolment.objects.filter(person__agency=agri).order_by("pk").first()
    o.certificate = Certificate.objects.filter(enrolment__session__agency=agri).order_by("pk").first()
    o.activity = PublicActivity.objects.filter(agency=agri, is_published=True).order_by("pk").first()
    o.hidden_activity = PublicActivity.objects.filter(agency=agri).exclude(pk=o.activity.pk).order_by("pk").first()
    o.hidden_activity.is_published = False
    o.hidden_activity.save()
    o.framework = SkillFramework.objects.order_by("pk").first()
    o.skill_area = o.framework.areas.order_by("pk").first()

    o.initiative = Initiative.objects.filter(agency=agri, is_published=True).order_by("pk").first()
    o.hidden_initiative = Initiative.objects.filter(agency=agri).exclude(pk=o.initiative.pk).order_by("pk").first()
    o.hidden_initiative.is_published = False
    o.hidden_initiative.save()
    return o


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The demo data plus a few SKN-AGRI objects, loaded once for the module and rolled back."""
    from smartprovince.agencies.models import Agency, Membership
    from smartprovince.core.demo import load_demo

    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            users = {}
            for actor, (role, code) in MEMBERSHIPS.items():
                user = get_user_model().objects.create_user(username=f"m_{actor}", password="matrix-pass-2565")
                Membership.objects.create(user=user, agency=Agency.objects.get(code=code), role=role)
                users[actor] = user
            load_demo()
            yield World(objects=_build_objects(), users=users)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def client_for(world: World, actor: str) -> Client:
    client = Client()
    if actor != ANON:
        client.force_login(world.users[actor])
    return client


def table_counts(models: list[Any]) -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in models}


def watched_models() -> list[Any]:
    """Every table a refused write could touch: all domain models, their history and the audit log."""
    return [m for m in apps.get_models() if m.__module__.startswith("smartprovince.")]


# ------------------------------------------------------------------ tests


def test_every_route_has_a_row() -> None:
    present = {r for r, _ in routes()}
    assert sorted(present - set(ROWS)) == [], "routes without a row in the permission matrix"
    assert sorted(set(ROWS) - present) == [], "rows for routes that no longer exist"


def test_post_only_routes_have_a_post_profile() -> None:
    missing = []
    for route, cls in routes():
        if cls is None or route not in ROWS:
            continue
        accepts_get = hasattr(cls, "get")
        if not accepts_get and ROWS[route].post is None:
            missing.append(route)
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_get_matrix(actor: str, world: World) -> None:
    client = client_for(world, actor)
    mismatches = []
    for route, row in ROWS.items():
        for sample, expect in ((row.sample, row.expect), *row.variants):
            target = sample(world.objects)
            resolved = resolve(urlsplit(target).path).route
            if resolved != route:
                mismatches.append(f"{target} is listed under {route!r} but resolves to {resolved!r}")
            expected = expect[actor]
            if expected is None:
                continue
            status = client.get(target).status_code
            if status != expected:
                mismatches.append(f"GET {target} ({route}): {status}, expected {expected}")
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_refused_posts_change_nothing(actor: str, world: World) -> None:
    client = client_for(world, actor)
    models = watched_models()
    mismatches = []
    for route, row in ROWS.items():
        if row.post is None or row.post[actor] is None:
            continue
        target = row.sample(world.objects)
        before = table_counts(models)
        status = client.post(target, {}).status_code
        if status != row.post[actor]:
            mismatches.append(f"POST {target} ({route}): {status}, expected {row.post[actor]}")
        after = table_counts(models)
        changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        if changed:
            mismatches.append(f"POST {target} ({route}) by {actor} changed {changed}")
    assert not mismatches, "\n".join(mismatches)
