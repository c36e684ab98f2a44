"""SQL the ORM lacks for reading a list or a detail in one query: a group in a column.

A list item shows its page's tag names and the ids and languages of its translations; a
detail adds its child rows (gallery, attachments). Read as correlated subqueries of the
query itself (:func:`tag_names_column`, :func:`translations_column`,
:func:`child_rows_column`), they cost no round trip of their own: one query brings the
pages, their tags, translations and children.
"""

from django.db.models import (
    Aggregate,
    CharField,
    F,
    JSONField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Concat, JSONObject
from wagtail.models import Page

#: Joins the texts of a group (the unit separator, which no tag or language code holds).
SEPARATOR = "\x1f"


class JoinedTexts(Aggregate):
    """The texts of a group joined by :data:`SEPARATOR`, in no particular order:
    PostgreSQL's ``STRING_AGG``, SQLite's ``GROUP_CONCAT``."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, CHR(31))"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="GROUP_CONCAT",
            template="%(function)s(%(expressions)s, CHAR(31))",
            **extra_context,
        )


class JSONRows(Aggregate):
    """The JSON objects of a group as one JSON array: PostgreSQL's ``JSONB_AGG``, SQLite's
    ``JSON_GROUP_ARRAY``; read back as a list of dictionaries."""

    function = "JSONB_AGG"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def split(joined: str | None) -> list[str]:
    """The texts a :class:`JoinedTexts` column joined (none for NULL)."""
    return joined.split(SEPARATOR) if joined else []


def tag_names_column(through) -> Subquery:
    """The tag names of the outer page, through the tag model ``through``, joined."""
    names = (
        through.objects.filter(content_object_id=OuterRef("pk"))
        .order_by()
        .values("content_object_id")
        .annotate(names=JoinedTexts("tag__name"))
        .values("names")
    )
    return Subquery(names, output_field=TextField())


def child_rows_column(model, parent: str, fields: tuple[str, ...]) -> Subquery:
    """The rows of ``model`` whose ``parent`` key is the outer page, each as a JSON object
    of ``fields``, as a JSON list (NULL when there are none)."""
    rows = (
        model.objects.filter(**{parent: OuterRef("pk")})
        .order_by()
        .values(parent)
        .annotate(rows=JSONRows(JSONObject(**{field: F(field) for field in fields})))
        .values("rows")
    )
    return Subquery(rows, output_field=JSONField())


def translations_column(visible: Q) -> Subquery:
    """``id:language`` of each page that translates the outer page and satisfies
    ``visible`` (the outer page included), joined."""
    translations = (
        Page.objects.filter(visible, translation_key=OuterRef("translation_key"))
        .order_by()  # Page's default order (path) would join the grouping
        .values("translation_key")
        .annotate(
            pairs=JoinedTexts(
                Concat(
                    Cast("pk", CharField()),
                    Value(":"),
                    F("locale__language_code"),
                    output_field=TextField(),
                )
            )
        )
        .values("pairs")
    )
    return Subquery(translations, output_field=TextField())


def translation_pairs(joined: str | None) -> list[tuple[int, str]]:
    """``[(id, language code)]`` from a :func:`translations_column`, by language."""
    pairs = []
    for text in split(joined):
        pk, _, code = text.partition(":")
        pairs.append((int(pk), code))
    if len(pairs) > 1:
        pairs.sort(key=_language)
    return pairs


def _language(pair: tuple[int, str]) -> str:
    return pair[1]


__all__ = [
    "JSONRows",
    "JoinedTexts",
    "child_rows_column",
    "split",
    "tag_names_column",
    "translation_pairs",
    "translations_column",
]
