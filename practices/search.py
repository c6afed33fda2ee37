"""Full-text search over every field of a published fiche.

Each published fiche has one PracticeSearchEntry: its text, and on PostgreSQL a weighted
text-search vector (title first, then intro and terms, then the rest). Dutch glues
words together ("onthaalgesprek"), so each word the reader types also matches as the start
of a word and, on its own, inside the text.
"""

import re
from functools import reduce
from operator import add, and_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from portal.cache import invalidate_portal_pages
from practices.models import (
    Category,
    PolicyDomain,
    PracticePage,
    PracticeSearchEntry,
    TargetGroup,
)

# Without stemming: Dutch stems cut words short ("onthaal" -> "onthal"), so the prefix of a
# compound ("onthaal:*" for "onthaalgesprek") would no longer match.
CONFIG = "simple"
WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


def weighted_texts(page):
    """(weight, text) of everything a reader may search for on the published fiche."""
    terms = [
        *(str(page.category) if page.category_id else "",),
        *(domain.name for domain in page.policy_domains.all()),
        *(group.name for group in page.target_groups.all()),
    ]
    places = [
        " ".join([entry.municipality_name, entry.get_province_display(), entry.description,
                  entry.partners])
        for entry in page.applied_in.all()
    ]
    return [
        ("A", page.title),
        ("B", " ".join([page.intro, *terms])),
        ("C", " ".join([page.goals, page.description, page.success_factors, page.challenges,
                        page.results])),
        ("D", " ".join(places)),
    ]


def index_practice(page):
    texts = weighted_texts(page)
    PracticeSearchEntry.objects.update_or_create(
        page_id=page.pk, defaults={"document": "\n".join(text for _weight, text in texts)}
    )
    if connection.vendor == "postgresql":
        vector = reduce(add, (SearchVector(Value(text), weight=weight, config=CONFIG)
                              for weight, text in texts))
        PracticeSearchEntry.objects.filter(page_id=page.pk).update(vector=vector)


def words(query):
    return WORD.findall(query or "")[:MAX_WORDS]


def matching(queryset, query):
    """The fiches that contain every word of the query, with a `rank` (higher is better)."""
    terms = words(query)
    if not terms:
        return queryset.annotate(rank=Value(0.0))
    contains = [Q(search_entry__document__icontains=term) for term in terms]
    if connection.vendor != "postgresql":
        return queryset.filter(reduce(and_, contains)).annotate(rank=Value(0.0))
    prefixes = [SearchQuery(f"{term}:*", search_type="raw", config=CONFIG) for term in terms]
    condition = reduce(and_, (Q(search_entry__vector=prefix) | inside
                              for prefix, inside in zip(prefixes, contains, strict=True)))
    ranked_query = reduce(lambda a, b: a | b, prefixes)
    return queryset.filter(condition).annotate(
        rank=SearchRank(F("search_entry__vector"), ranked_query)
    )


@receiver(page_published, sender=PracticePage)
def index_published(sender, instance, **kwargs):
    index_practice(instance)


@receiver(page_unpublished, sender=PracticePage)
def forget_unpublished(sender, instance, **kwargs):
    PracticeSearchEntry.objects.filter(page_id=instance.pk).delete()


@receiver(post_save, sender=Category)
@receiver(post_save, sender=PolicyDomain)
@receiver(post_save, sender=TargetGroup)
def reindex_term(sender, instance, created, **kwargs):
    # A renamed term must be found under its new name, and cached listings show it.
    invalidate_portal_pages()
    if created:
        return
    for page in instance.practices.live().specific():
        index_practice(page)


@receiver(post_delete, sender=Category)
@receiver(post_delete, sender=PolicyDomain)
@receiver(post_delete, sender=TargetGroup)
def forget_term(sender, instance, **kwargs):
    invalidate_portal_pages()
