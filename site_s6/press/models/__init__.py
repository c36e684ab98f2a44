"""The press office's records, one module per family.

``room``: the public press room page and the spokesperson's settings; ``accreditation``:
journalists' accreditation requests (Law 544/2001 art. 18); ``subscriptions``: e-mail
alert subscribers and the one delivery row per page and subscriber; ``requests``: the
register of journalists' requests for information (art. 7 and 15); ``contacts``: the
register of outlets, journalists and distribution lists.
"""

from .accreditation import AccreditationRequest, private_storage
from .contacts import (
    Beat,
    DistributionList,
    DistributionListBeat,
    Journalist,
    JournalistBeat,
    Outlet,
)
from .requests import InformationRequest
from .room import PressRoomPage, PressSettings
from .subscriptions import AlertDelivery, Subscriber

__all__ = [
    "AccreditationRequest",
    "AlertDelivery",
    "Beat",
    "DistributionList",
    "DistributionListBeat",
    "InformationRequest",
    "Journalist",
    "JournalistBeat",
    "Outlet",
    "PressRoomPage",
    "PressSettings",
    "Subscriber",
    "private_storage",
]
