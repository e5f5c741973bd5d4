"""Satisfaction results read from the database: answer counts per score, grouped, summarised
by the pure ``stats`` module. Every grouping is one ``GROUP BY`` query, whatever the volume."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from smartprovince.core import thai_calendar as tc

from .choices import SECTION_ORDER, ChannelType, Section
from .models import SurveyAnswer, SurveyQuestion, SurveyResponse
from .stats import Summary, merge, summarize


def _bounds(start: dt.date | None, end: dt.date | None) -> Q:
    q = Q()
    tz = timezone.get_current_timezone()
    if start:
        q &= Q(response__submitted_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz))
    if end:
        q &= Q(response__submitted_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    return q


def answers(*, survey_ids: list[int] | None = None, start: dt.date | None = None, end: dt.date | None = None) -> QuerySet[SurveyAnswer]:
    qs = SurveyAnswer.objects.filter(_bounds(start, end))
    if survey_ids is not None:
        qs = qs.filter(response__survey_id__in=survey_ids)
    return qs


def grouped(qs: QuerySet[SurveyAnswer], *keys: str) -> dict[tuple[Any, ...], dict[int, int]]:
    """``{(key values…): {score: count}}`` in one query."""
    result: dict[tuple[Any, ...], dict[int, int]] = defaultdict(dict)
    for row in qs.values(*keys, "score").annotate(n=Count("id")).order_by():
        result[tuple(row[k] for k in keys)][row["score"]] = row["n"]
    return dict(result)


@dataclass
class SurveyResults:
    n_responses: int
    overall: Summary
    sections: list[tuple[str, str, Summary]]  # (code, label, summary)
    questions: list[tuple[SurveyQuestion, Summary]]
    months: list[tuple[dt.date, str, Summary]]
    channels: list[tuple[str, int]]
    comments: list[SurveyResponse]


def survey_results(survey_id: int, *, start: dt.date | None = None, end: dt.date | None = None) -> SurveyResults:
    qs = answers(survey_ids=[survey_id], start=start, end=end)
    by_question = grouped(qs, "question_id")
    questions = list(SurveyQuestion.objects.filter(survey_id=survey_id).order_by("order", "pk"))
    questions.sort(key=lambda q: (SECTION_ORDER.get(q.section, 99), q.order, q.pk))
    section_freqs: dict[str, list[dict[int, int]]] = defaultdict(list)
    question_rows = []
    for q in questions:
        freq = by_question.get((q.pk,), {})
        if not q.is_active and not freq:
            continue
        section_freqs[q.section].append(freq)
        question_rows.append((q, summarize(freq)))
    sections = [
        (code, str(label), summarize(merge(section_freqs[code]))) for code, label in Section.choices if code in section_freqs
    ]
    month_rows = []
    for (month,), freq in sorted(grouped(qs.annotate(m=TruncMonth("response__submitted_at")), "m").items()):
        day = month.date() if isinstance(month, dt.datetime) else month
        month_rows.append((day, tc.month_label(day), summarize(freq)))
    responses = SurveyResponse.objects.filter(survey_id=survey_id)
    tz = timezone.get_current_timezone()
    if start:
        responses = responses.filter(submitted_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz))
    if end:
        responses = responses.filter(submitted_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    labels = {value: str(label) for value, label in ChannelType.choices}
    channels = [
        (labels.get(row["channel_type"], "ไม่ระบุ") if row["channel_type"] else "ไม่ระบุ", row["n"])
        for row in responses.values("channel_type").annotate(n=Count("id")).order_by("-n")
    ]
    return SurveyResults(
        n_responses=responses.count(),
        overall=summarize(merge(f for _, f in by_question.items())),
        sections=sections,
        questions=question_rows,
        months=month_rows,
        channels=channels,
        comments=list(responses.exclude(comment="").select_related("district").order_by("-submitted_at")[:50]),
    )


def satisfaction_by_agency(*, start: dt.date | None, end: dt.date | None, agency_ids: set[int] | None = None) -> list[dict[str, Any]]:
    """Per agency (and per service) pooled summaries for the period, for the metric and the overview."""
    qs = answers(start=start, end=end)
    if agency_ids is not None:
        qs = qs.filter(response__survey__agency_id__in=agency_ids)
    freqs = grouped(qs, "response__survey__agency_id", "response__survey__agency__name_th")
    responses = SurveyResponse.objects.filter(
        pk__in=qs.values("response_id")
    ).values("survey__agency_id").annotate(n=Count("id", distinct=True)).order_by()
    n_by_agency = {r["survey__agency_id"]: r["n"] for r in responses}
    rows = []
    for (agency_id, name), freq in freqs.items():
        summary = summarize(freq)
        rows.append({"agency_id": agency_id, "agency": name, "responses": n_by_agency.get(agency_id, 0), "summary": summary})
    rows.sort(key=lambda r: r["agency"])
    return rows


def satisfaction_by_service(*, start: dt.date | None, end: dt.date | None, agency_ids: set[int] | None = None) -> list[dict[str, Any]]:
    qs = answers(start=start, end=end)
    if agency_ids is not None:
        qs = qs.filter(response__survey__agency_id__in=agency_ids)
    freqs = grouped(qs, "response__survey__service_id", "response__survey__service__name_th", "response__survey__agency__name_th")
    rows = [
        {"service_id": sid, "service": sname or "ภาพรวมหน่วยงาน", "agency": aname, "summary": summarize(freq)}
        for (sid, sname, aname), freq in freqs.items()
    ]
    rows.sort(key=lambda r: (r["agency"], r["service"]))
    return rows
