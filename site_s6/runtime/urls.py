from django.urls import path

from . import views

# Included at /healthz, outside the language prefixes and before Wagtail's pages.
urlpatterns = [path("", views.healthz, name="healthz")]
