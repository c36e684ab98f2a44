"""The OpenAPI document of ``/api/v3/``: Wagtail's, made valid and complete for generators.

Wagtail 8.0's v3 document (django-ninja's) has three defects that this module corrects
on the document it serves (``/api/v3/openapi.json``), without touching Wagtail's API
object (docs/api.md, "Notes on Wagtail's document"):

- ``AllowAnonymous`` is declared as a security scheme ``{"type": "http"}`` without the
  ``scheme`` that OpenAPI requires, so the document fails validation. Anonymous access
  is what OpenAPI writes as an empty security requirement (``{}``): the scheme is removed
  and each operation's ``{"AllowAnonymous": []}`` becomes ``{}``.
- Snippet operations that no served snippet type supports (revisions, publishing) take a
  ``type`` that must equal ``""``: no request can be made to them and no data generated.
  They are left out.
- An optional request body with a default (``pages/{id}/actions/unpublish``, ``copy``,
  ``create_alias``) is written as ``allOf`` of the schema plus an object ``default``, which
  client generators refuse ("ModelProperty cannot have a default value"). The body is
  optional and its schema already gives each field's default: the body names the schema.
"""

from django.http import HttpRequest, JsonResponse
from wagtail.api.v3.api import api

ANONYMOUS_SCHEME = "AllowAnonymous"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def openapi_document(*, path_prefix: str | None = None, path_params: dict | None = None) -> dict:
    """The API's OpenAPI document (see the module's docstring for what is corrected)."""
    document = api.get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
    document = _as_dict(document)
    _anonymous_as_empty_requirement(document)
    _without_unusable_operations(document)
    _bodies_without_object_defaults(document)
    return document


def openapi_json(request: HttpRequest, **kwargs) -> JsonResponse:
    """``/api/v3/openapi.json``: :func:`openapi_document` as JSON."""
    return JsonResponse(openapi_document(path_params=kwargs), json_dumps_params={"indent": None})


def _as_dict(document) -> dict:
    # ninja's OpenAPISchema is a dict subclass; a plain copy keeps the original intact.
    return dict(document)


def _operations(document: dict):
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _anonymous_as_empty_requirement(document: dict) -> None:
    schemes = document.get("components", {}).get("securitySchemes", {})
    schemes.pop(ANONYMOUS_SCHEME, None)
    for _path, _method, operation in _operations(document):
        if "security" in operation:
            operation["security"] = [
                {} if ANONYMOUS_SCHEME in requirement else requirement
                for requirement in operation["security"]
            ]


def _accepts_no_value(parameter: dict) -> bool:
    schema = parameter.get("schema", {})
    return schema.get("const") == "" or schema.get("enum") in ([], [""])


def _without_unusable_operations(document: dict) -> None:
    """Leave out operations with a path parameter no value satisfies."""
    paths = document.get("paths", {})
    for path, method, operation in list(_operations(document)):
        parameters = [*paths[path].get("parameters", []), *operation.get("parameters", [])]
        if any(p.get("in") == "path" and _accepts_no_value(p) for p in parameters):
            del paths[path][method]
    for path in [path for path, item in paths.items() if not set(item) & set(METHODS)]:
        del paths[path]


def _bodies_without_object_defaults(document: dict) -> None:
    for _path, _method, operation in _operations(document):
        for media in operation.get("requestBody", {}).get("content", {}).values():
            schema = media.get("schema", {})
            refs = schema.get("allOf", [])
            if "default" in schema and len(refs) == 1 and set(refs[0]) == {"$ref"}:
                media["schema"] = {"$ref": refs[0]["$ref"]}
