"""Bench-only URLs: the two baselines, then every URL of the project unchanged.

Used only by ``site_s6.settings.bench`` (``ROOT_URLCONF``); production never routes here.
The project's patterns are appended rather than ``include()``-d because Django allows
``i18n_patterns`` only in the root URL configuration.
"""

from django.urls import path

from site_s6.urls import urlpatterns as project_urlpatterns

from . import views

urlpatterns = [
    path("bench/hello/", views.hello, name="bench_hello"),
    path("bench/query/", views.single_query, name="bench_query"),
    path("bench/payload/", views.payload, name="bench_payload"),
    *project_urlpatterns,
]
