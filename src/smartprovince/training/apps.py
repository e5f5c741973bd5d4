from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "smartprovince.training"
    label = "training"
    verbose_name = "ทักษะดิจิทัล"
