"""Multi-step writes of the press office, one module per record family."""

from .accreditation import (
    accreditation_decide,
    accreditation_due_at,
    accreditation_submit,
    check_decision,
)
from .subscriptions import (
    subscriber_confirm,
    subscriber_subscribe,
    subscriber_unsubscribe,
    subscriber_update,
)

__all__ = [
    "accreditation_decide",
    "accreditation_due_at",
    "accreditation_submit",
    "check_decision",
    "subscriber_confirm",
    "subscriber_subscribe",
    "subscriber_unsubscribe",
    "subscriber_update",
]
