from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "smartprovince.plans"
    label = "plans"
    verbose_name = "แผน"
