"""The press office's records, one module per family.

``room``: the public press room page and the spokesperson's settings; ``accreditation``:
journalists' accreditation requests (Law 544/2001 art. 18); ``subscriptions``: e-mail
alert subscribers and the one delivery row per page and subscriber; ``requests``: the
register of journalists' requests for information (art. 7 and 15); ``contacts``: the
register of outlets, journalists and distribution lists; ``distribution``: press releases
sent to the press and one delivery per recipient; ``invitations``: journalists invited to
press conferences, interviews and briefings, and their answers.
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
from .distribution import Delivery, Distribution
from .invitations import Invitation
from .requests import InformationRequest
from .room import PressRoomPage, PressSettings
from .subscriptions import AlertDelivery, Subscriber

__all__ = [
    "AccreditationRequest",
    "AlertDelivery",
    "Beat",
    "Delivery",
    "Distribution",
    "DistributionList",
    "DistributionListBeat",
    "InformationRequest",
    "Invitation",
    "Journalist",
    "JournalistBeat",
    "Outlet",
    "PressRoomPage",
    "PressSettings",
    "Subscriber",
    "private_storage",
]
