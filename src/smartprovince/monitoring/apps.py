from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "smartprovince.monitoring"
    label = "monitoring"
    verbose_name = "การติดตามและประเมินผล"
