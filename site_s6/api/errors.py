"""Problem-details errors (RFC 9457) for the typed endpoints.

Every error of the API answers ``application/problem+json`` with ``type``, ``title``,
``status``, ``detail`` and, for bad parameters, ``errors`` naming each one. Wagtail's v3
already answers that shape; this module adds the errors of our own endpoints (unknown
site or locale) and gives validation errors a detail that names the bad parameters.
"""

from http import HTTPStatus
from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import ProblemDetail, problem_response

__all__ = ["ApiProblem", "PROBLEM_RESPONSES", "ProblemDetail", "register_problem_handlers"]

# The error answers every typed endpoint documents in the OpenAPI document.
PROBLEM_RESPONSES = {400: ProblemDetail, 404: ProblemDetail, 422: ProblemDetail}


class ApiProblem(Exception):
    """An error the client can fix, answered as problem details."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        title: str | None = None,
    ):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.title = title or HTTPStatus(status).phrase


def _describe(error: dict[str, Any]) -> str:
    # ("query", "limit") -> "limit"; a body or path location keeps its last part.
    loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
    name = ".".join(loc) or "request"
    return f"{name}: {error.get('msg', 'invalid value')}"


def register_problem_handlers(api: NinjaAPI) -> None:
    """Answer :class:`ApiProblem` and parameter validation errors as problem details."""

    @api.exception_handler(ApiProblem)
    def api_problem_handler(request: HttpRequest, exc: ApiProblem):
        return problem_response(
            status=exc.status, title=exc.title, detail=exc.detail, errors=exc.errors
        )

    @api.exception_handler(NinjaValidationError)
    def validation_error_handler(request: HttpRequest, exc: NinjaValidationError):
        # Same status and shape as Wagtail's handler, with a detail a person can act on.
        errors = [
            {key: value for key, value in error.items() if key not in ("input", "ctx", "url")}
            for error in exc.errors
        ]
        detail = "Invalid parameters: " + "; ".join(_describe(error) for error in errors)
        return problem_response(status=422, detail=detail, errors=errors)
