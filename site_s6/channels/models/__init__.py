"""The channels app's records: requests from departments, the Facebook Page connection
and posts, and the group kit's marks. All internal: none is a page, none reaches the API."""

from .facebook import FacebookConnection, FacebookPost
from .kit import GroupKitMark
from .requests import CommunicationRequest, RequestAttachment

__all__ = [
    "CommunicationRequest",
    "FacebookConnection",
    "FacebookPost",
    "GroupKitMark",
    "RequestAttachment",
]
