"""Public (anonymous) pages. Mounted at the site root: ``path("", include("smartprovince.eservices.public_urls"))``."""

from django.urls import path

from .views import public

app_name = "eservices_public"

urlpatterns = [
    path("services/", public.DirectoryView.as_view(), name="directory"),
    path("services/<int:pk>/", public.ServicePublicView.as_view(), name="service"),
    path("survey/<int:pk>/", public.SurveyFormView.as_view(), name="survey"),
    path("survey/<int:pk>/thanks/", public.SurveyThanksView.as_view(), name="survey-thanks"),
]
