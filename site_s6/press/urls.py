"""The subscriber's and the invitee's own addresses, outside the page tree (included under
i18n_patterns)."""

from django.urls import path

from .views import opt_out, rsvp, subscriptions

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
    path("press-rsvp/<str:token>/", rsvp.rsvp, name="press_rsvp"),
    path("press-opt-out/<str:token>/", opt_out.opt_out, name="press_distribution_opt_out"),
]
