"""Multi-step writes of the press office, one module per record family."""

from .accreditation import (
    accreditation_decide,
    accreditation_due_at,
    accreditation_submit,
    check_decision,
)
from .requests import (
    check_request_change,
    request_change,
    request_register,
    request_save,
    requests_visible_to,
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
    "check_request_change",
    "request_change",
    "request_register",
    "request_save",
    "requests_visible_to",
    "subscriber_confirm",
    "subscriber_subscribe",
    "subscriber_unsubscribe",
    "subscriber_update",
]
