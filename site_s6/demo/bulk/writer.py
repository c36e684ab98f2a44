"""Writes one batch of pages of one type in a single transaction, without ``Page.save()``.

Wagtail pages use multi-table inheritance (``wagtailcore_page`` plus one table per type),
which ``QuerySet.bulk_create`` refuses. A batch therefore takes five bulk statements:

1. the ``wagtailcore_page`` rows (``bulk_create``, which returns their ids);
2. the page type's own rows, through the same internal insert ``Model.save()`` uses;
3. the child rows held in memory (tags, speakers, delegation members...);
4. one ``wagtailcore.Revision`` per page, holding ``page.serializable_data()`` exactly as
   ``save_revision()`` would, then ``latest_revision`` / ``live_revision`` set on the pages
   by one ``UPDATE``;
5. the search index entries (:mod:`.search`: the backend's ``add_bulk``, or the same rows
   written faster on PostgreSQL).

The parents' ``numchild`` is raised in the same transaction, so the tree is valid after
every committed batch.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Revision

from .search import index_pages
from .tree import ChildSlots

BATCH_SIZE = 2000


def child_relation_names(model) -> list[str]:
    """The accessors of ``model``'s in-memory child relations (tags, inline panels...)."""
    return [relation.get_accessor_name() for relation in get_all_child_relations(model)]


def set_children(page: Page, children: dict[str, list]) -> None:
    """Hold every child relation of ``page`` in memory, empty unless given.

    Once the page has an id, an unset relation would be read from the database, one query
    per page and relation, when the revision is serialised.
    """
    for name in child_relation_names(type(page)):
        setattr(page, name, children.get(name, []))


class BatchWriter:
    """Inserts batches of ``model`` pages, their revisions and their index entries."""

    def __init__(self, model, *, search_backend=None, using: str = "default"):
        self.model = model
        self.using = using
        self.search_backend = search_backend
        self.content_type_id = ContentType.objects.get_for_model(model).pk
        self.page_content_type_id = ContentType.objects.get_for_model(Page).pk
        self.base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
        self.own_fields = model._meta.local_concrete_fields
        self.relations = get_all_child_relations(model)

    def write(self, pages: list[Page], slots: list[ChildSlots]) -> int:
        """Insert ``pages`` (placed by ``slots``) in one transaction; returns how many."""
        if not pages:
            return 0
        with transaction.atomic(using=self.using):
            self._insert_pages(pages)
            self._insert_children(pages)
            self._insert_revisions(pages)
            for slot in slots:
                slot.commit_numchild()
            if self.search_backend is not None:
                index_pages(self.search_backend, self.model, pages, using=self.using)
        return len(pages)

    def _insert_pages(self, pages: list[Page]) -> None:
        rows = [
            Page(**{field.attname: getattr(page, field.attname) for field in self.base_fields})
            for page in pages
        ]
        Page.objects.using(self.using).bulk_create(rows, batch_size=BATCH_SIZE)
        for page, row in zip(pages, rows, strict=True):
            page.id = page.pk = row.pk
            page._state.adding = False
            page._state.db = self.using

        # The page type's own table; chunked like bulk_create, to the backend's limit of
        # parameters per statement (SQLite's is lower than PostgreSQL's).
        connection = connections[self.using]
        size = min(connection.ops.bulk_batch_size(self.own_fields, pages) or BATCH_SIZE, BATCH_SIZE)
        manager = self.model._base_manager.using(self.using)
        for start in range(0, len(pages), size):
            # Django's bulk_create refuses multi-table inheritance children; _insert writes
            # the child rows with the explicit pks of the Page rows above.
            manager._insert(pages[start : start + size], fields=self.own_fields, using=self.using)

    def _insert_children(self, pages: list[Page]) -> None:
        for relation in self.relations:
            accessor = relation.get_accessor_name()
            children = []
            for page in pages:
                for child in getattr(page, accessor).all():
                    setattr(child, relation.field.attname, page.pk)
                    children.append(child)
            if children:
                relation.related_model._default_manager.using(self.using).bulk_create(
                    children, batch_size=BATCH_SIZE
                )

    def _insert_revisions(self, pages: list[Page]) -> None:
        revisions = [
            Revision(
                content_type_id=self.content_type_id,
                base_content_type_id=self.page_content_type_id,
                object_id=str(page.pk),
                created_at=page.last_published_at,
                content=page.serializable_data(),
                object_str=page.title,
            )
            for page in pages
        ]
        Revision.objects.using(self.using).bulk_create(revisions, batch_size=BATCH_SIZE)
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
        # One UPDATE for the batch, each page finding its revision through the revisions'
        # (base_content_type, object_id) index: ``bulk_update`` would build and compile a
        # CASE of 2,000 branches per column, the slowest step of a batch.
        revision = Subquery(
            Revision.objects.filter(
                base_content_type_id=self.page_content_type_id,
                object_id=Cast(OuterRef("pk"), output_field=CharField()),
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.using(self.using).filter(pk__in=[page.pk for page in pages]).update(
            latest_revision=revision, live_revision=revision
        )
