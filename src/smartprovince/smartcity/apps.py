from django.apps import AppConfig


class SmartcityConfig(AppConfig):
    name = "smartprovince.smartcity"
    label = "smartcity"
    verbose_name = "เมืองอัจฉริยะ"
