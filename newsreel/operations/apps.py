from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "newsreel.operations"
    label = "operations"
    verbose_name = "Running Newsreel on machines"
