"""The typed endpoints' JSON, written straight from the items the routers build.

django-ninja validates whatever a view returns against the operation's response schema
before rendering it: every item of a list wrapped and read field by field, which cost
more than the database took to answer the list. The routers build their items to the
schemas already (``site_s6.api.items`` and each router's builders), so they answer
through :func:`typed_json`, which writes the JSON django-ninja would have written (dates
and times as Django's encoder writes them) with orjson. The schemas stay the contract:
the OpenAPI document is generated from them, and ``tests/api/test_rendering.py`` checks
the answers of every typed endpoint against them, field by field.
"""

from datetime import datetime
from typing import Any

import orjson
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

_DJANGO = DjangoJSONEncoder()


def _as_django_writes(value: Any) -> Any:
    # Dates and times (passed through by orjson), lazy translations, decimals: Django's
    # forms, as the API wrote them before (e.g. times to the millisecond, UTC as Z).
    if type(value) is datetime:
        # DjangoJSONEncoder's form, written here for the many times of every list.
        text = value.isoformat()
        if value.microsecond:
            text = text[:23] + text[26:]
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    return _DJANGO.default(value)


def typed_json(data: Any) -> HttpResponse:
    """``data`` as a JSON response, exactly as django-ninja would have rendered it."""
    body = orjson.dumps(data, default=_as_django_writes, option=orjson.OPT_PASSTHROUGH_DATETIME)
    return HttpResponse(body, content_type="application/json; charset=utf-8")
