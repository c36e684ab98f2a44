"""The subscriber's own addresses, outside the page tree (included under i18n_patterns)."""

from django.urls import path

from .views import subscriptions

urlpatterns = [
    path(
        "press-alerts/confirm/<str:token>/",
        subscriptions.confirm,
        name="press_subscription_confirm",
    ),
    path(
        "press-alerts/<str:token>/",
        subscriptions.preferences,
        name="press_subscription_preferences",
    ),
    path(
        "press-alerts/<str:token>/unsubscribe/",
        subscriptions.unsubscribe,
        name="press_unsubscribe",
    ),
]
