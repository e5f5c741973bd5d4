from django.urls import path

from .views import registry, results, surveys, usage

app_name = "eservices"

urlpatterns = [
    path("", registry.ServiceListView.as_view(), name="service-list"),
    path("services/new/", registry.ServiceCreateView.as_view(), name="service-create"),
    path("services/<int:pk>/", registry.ServiceDetailView.as_view(), name="service-detail"),
    path("services/<int:pk>/edit/", registry.ServiceUpdateView.as_view(), name="service-update"),
    path("channels/", registry.ChannelListView.as_view(), name="channel-list"),
    path("channels/new/", registry.ChannelCreateView.as_view(), name="channel-create"),
    path("channels/<int:pk>/edit/", registry.ChannelUpdateView.as_view(), name="channel-update"),
    path("usage/", usage.UsageListView.as_view(), name="usage"),
    path("usage/record/", usage.UsageRecordView.as_view(), name="usage-record"),
    path("usage/import/", usage.UsageImportView.as_view(), name="usage-import"),
    path("usage/template.xlsx", usage.UsageTemplateView.as_view(), name="usage-template"),
    path("surveys/", surveys.SurveyListView.as_view(), name="survey-list"),
    path("surveys/new/", surveys.SurveyCreateView.as_view(), name="survey-create"),
    path("surveys/<int:pk>/", surveys.SurveyDetailView.as_view(), name="survey-detail"),
    path("surveys/<int:pk>/edit/", surveys.SurveyUpdateView.as_view(), name="survey-update"),
    path("surveys/<int:pk>/questions/new/", surveys.QuestionCreateView.as_view(), name="question-create"),
    path("questions/<int:pk>/edit/", surveys.QuestionUpdateView.as_view(), name="question-update"),
    path("surveys/<int:pk>/results/", results.SurveyResultsView.as_view(), name="survey-results"),
    path("surveys/<int:pk>/poster.pdf", surveys.SurveyPosterView.as_view(), name="survey-poster"),
    path("satisfaction/", results.SatisfactionOverviewView.as_view(), name="satisfaction"),
    path("coverage/", results.CoverageView.as_view(), name="coverage"),
]
