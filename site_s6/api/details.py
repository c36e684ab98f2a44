"""Typed details read as one row: the page's columns, its tags, translations and child
rows, and the few fields of what it links to, in one compiled query.

A detail used to be a model instance with its relations prefetched: the ORM built and
compiled three queries per request (the page with its joins and subqueries, then its
gallery and its attachments), then a page instance through multi-table inheritance;
together they cost several times what the database took. The page is now read like a
list's rows (``site_s6.api.listing``), as a :class:`~site_s6.api.items.PageRow` carrying
what the detail builders read from an instance (``page.body``, ``page.gallery_images``,
``page.contact_person``...): one query, its SQL compiled once per process for every page
of the type on a site (the id is the compiled read's open value, ``site_s6.api.compiled``),
then the images and documents its children name, when it has some.

The builders stay the same for a live page and for a preview's draft (an instance).
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Model, Q
from wagtail.documents import get_document_model
from wagtail.models import Page

from .compiled import SLOT, values_rows
from .filters import ApiScope
from .items import PageRow, images_by_id
from .sql import child_rows_column, split, tag_names_column, translation_pairs, translations_column


@dataclass(frozen=True)
class Children:
    """Child rows of a page (an orderable inline: a gallery, attachments), each read as
    its ``fields`` in the inline's order; an ``image_id`` or ``document_id`` among them
    brings the image (with its renditions) or document as ``image`` or ``document``."""

    model: type[Model]
    fields: tuple[str, ...]
    parent: str = "page"


@dataclass(frozen=True)
class Linked:
    """What a page's foreign key ``name`` points to, read as ``fields`` of its row (joined),
    as ``model`` (a page's type, for its label)."""

    model: type[Model]
    fields: tuple[str, ...]


class ChildRows(list):
    """A page's child rows, answering ``all()`` as the related manager of an instance."""

    def all(self):
        return self


def read_detail(
    scope: ApiScope,
    model: type[Page],
    pages: Q,
    pk: int,
    columns: tuple[str, ...],
    *,
    children: dict[str, Children] | None = None,
    linked: dict[str, Linked] | None = None,
) -> PageRow | None:
    """The page ``pk`` of ``model`` among ``pages`` as a row of the shared and the type's
    ``columns``, with its tag names, its visible translations, its ``children`` (by
    related name) and its ``linked`` objects (by field name, None when unset); None when
    no such page is visible there.

    ``pages``, a condition on the model's queryset, must follow from the requested site
    and the index of sites alone: the compiled query is kept under those (and the
    type and the fields read), for every ``pk``."""
    children, linked = children or {}, linked or {}
    key = (
        "detail",
        model._meta.label,
        scope.site.pk,
        scope.index.generation,
        columns,
        tuple(children.items()),
        tuple(linked.items()),
    )

    def build():
        kept = {
            f"children_{name}": child_rows_column(
                child.model, child.parent, ("id", "sort_order", *child.fields)
            )
            for name, child in children.items()
        }
        joined = [f"{name}__{field}" for name, link in linked.items() for field in link.fields]
        return (
            model.objects.filter(pages, pk=SLOT)
            .annotate(
                joined_tags=tag_names_column(model.tags.through),
                joined_translations=translations_column(scope.visible_q()),
                **kept,
            )
            .values(
                *PageRow.COLUMNS,
                *columns,
                *(f"{name}_id" for name in linked),
                *joined,
                "joined_tags",
                "joined_translations",
                *kept,
            )
        )

    rows = values_rows(key, build, slot=pk)
    if not rows:
        return None
    row = rows[0]
    tags, translations = row.pop("joined_tags"), row.pop("joined_translations")
    kept = {name: row.pop(f"children_{name}") or [] for name in children}
    objects = {name: _linked(row, name, link) for name, link in linked.items()}
    page = PageRow(
        label=model._meta.label,
        tag_names=sorted(split(tags)),
        translation_pairs=translation_pairs(translations),
        **row,
        **objects,
    )
    _attach_children(page, kept)
    return page


def _linked(row: dict, name: str, link: Linked) -> SimpleNamespace | None:
    fields = {field: row.pop(f"{name}__{field}") for field in link.fields}
    pk = row[f"{name}_id"]
    if pk is None:
        return None
    return SimpleNamespace(pk=pk, id=pk, specific_class=link.model, **fields)


def _attach_children(page: PageRow, children: dict[str, list[dict]]) -> None:
    """Set each child list on ``page`` in its order, with the images (and the page's own)
    and documents they name read in one query each."""
    rows = [row for kept in children.values() for row in kept]
    images = images_by_id([page.image_id, *(row.get("image_id") for row in rows)])
    document_ids = {row["document_id"] for row in rows if row.get("document_id")}
    documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
    page.image = images.get(page.image_id)
    for name, kept in children.items():
        # The inline's order (its sort order, unset last, as PostgreSQL sorts NULL).
        ordered = sorted(
            kept, key=lambda row: (row["sort_order"] is None, row["sort_order"] or 0, row["id"])
        )
        items = ChildRows()
        for row in ordered:
            item = SimpleNamespace(**row)
            if "image_id" in row:
                item.image = images.get(row["image_id"])
            if "document_id" in row:
                item.document = documents.get(row["document_id"])
            items.append(item)
        setattr(page, name, items)
