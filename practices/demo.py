"""Demo content of the practice database: terms, published fiches with drawn illustrations,
and work waiting for the demo moderator. Running it again adds nothing.

The texts are in practices/demo_content/fiches.py. Every address is a functional one on an
example domain; no mail is sent while the demo loads.
"""

import random
import re
import uuid
from datetime import timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.demo import DEMO_PASSWORD
from practices.demo_content import fiches as content
from practices.models import (
    AppliedIn,
    Category,
    PolicyDomain,
    PracticeIndexPage,
    PracticePage,
    Submission,
    TargetGroup,
)

COLLECTION_NAME = "Praktijkendatabank"
IMAGE_SIZE = (1200, 675)
NO_MAIL = "django.core.mail.backends.dummy.EmailBackend"


def load():
    index_page = PracticeIndexPage.objects.get()
    terms = ensure_terms()
    add_fiches(index_page, terms)
    add_new_submission(index_page, terms)
    add_proposals()
    waiting = Submission.objects.filter(status=Submission.Status.IN_REVIEW)
    return [
        "",
        f"Practice database: {PracticePage.objects.live().count()} fiches at "
        "http://127.0.0.1:8000/nl/praktijken/ (on every host)",
        f"  Moderation: log in as moderator ({DEMO_PASSWORD}) at http://127.0.0.1:8000/admin/",
        f"  {waiting.filter(kind=Submission.Kind.NEW_PRACTICE).count()} new fiche(s) in the "
        f"workflow, {waiting.exclude(kind=Submission.Kind.NEW_PRACTICE).count()} proposal(s) "
        "under Praktijkendatabank > Voorstellen",
    ]


def text(value):
    """Join the wrapped lines of each paragraph; paragraphs stay apart by an empty line."""
    paragraphs = re.split(r"\n\s*\n", value.strip())
    return "\n\n".join(
        " ".join(line.strip() for line in paragraph.splitlines()) for paragraph in paragraphs
    )


def ensure_terms():
    """The taxonomies, by slug. A term a moderator renamed keeps its new name."""
    terms = {}
    for model, rows in [
        (Category, content.CATEGORIES),
        (PolicyDomain, [(slug, name, "") for slug, name in content.POLICY_DOMAINS]),
        (TargetGroup, [(slug, name, "") for slug, name in content.TARGET_GROUPS]),
    ]:
        terms[model] = {}
        for slug, name, description in rows:
            terms[model][slug], _created = model.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description}
            )
    return terms


def add_fiches(index_page, terms):
    existing = set(PracticePage.objects.child_of(index_page).values_list("slug", flat=True))
    new = [data for data in content.FICHES if data["slug"] not in existing]
    if not new:
        return
    collection = image_collection()
    pages = {}
    for data in new:
        image = illustration(data, collection) if data["image"] else None
        pages[data["slug"]] = add_page(index_page, data, terms, image=image)
    by_slug = {
        page.slug: page
        for page in PracticePage.objects.child_of(index_page).filter(
            slug__in=[slug for data in content.FICHES for slug in data["related"]]
        )
    }
    now = timezone.now()
    for data in new:
        page = pages[data["slug"]]
        page.related_practices = [by_slug[slug] for slug in data["related"] if slug in by_slug]
        page.save_revision().publish()
        # Spread over four years, so "newest" and "updated" sort differently.
        first = now - timedelta(days=data["published_days_ago"])
        last = now - timedelta(days=data["updated_days_ago"])
        PracticePage.objects.filter(pk=page.pk).update(
            first_published_at=first, last_published_at=last, latest_revision_created_at=last
        )


def add_page(index_page, data, terms, *, image=None):
    """A fiche as a draft under the index page; publishing is up to the caller."""
    days = data.get("reviewed_days_ago")
    page = PracticePage(
        title=data["title"],
        slug=data["slug"],
        locale_id=index_page.locale_id,
        live=False,
        intro=text(data["intro"]),
        image=image,
        category=terms[Category][data["category"]],
        goals=text(data["goals"]),
        description=text(data["description"]),
        success_factors=text(data["success_factors"]),
        challenges=text(data["challenges"]),
        results=text(data["results"]),
        start_year=data["start_year"],
        last_reviewed=None if days is None else timezone.localdate() - timedelta(days=days),
    )
    page.policy_domains = [terms[PolicyDomain][slug] for slug in data["domains"]]
    page.target_groups = [terms[TargetGroup][slug] for slug in data["groups"]]
    page.applied_in = [
        applied_in(data["slug"], position, *entry)
        for position, entry in enumerate(data["applied_in"])
    ]
    index_page.add_child(instance=page)
    return page


def applied_in(fiche_slug, position, municipality, province, mailbox, description, partners):
    place = slugify(municipality)
    return AppliedIn(
        sort_order=position,
        municipality_name=municipality,
        province=province,
        description=description,
        partners=partners,
        website=f"https://www.example.org/{place}/{fiche_slug}" if mailbox else "",
        contact_email=f"{mailbox}@{place}.example" if mailbox else "",
    )


def add_new_submission(index_page, terms):
    """A fiche sent by the public: a draft page waiting in the moderation workflow."""
    data = content.NEW_SUBMISSION
    key = uuid.UUID(data["submission_key"])
    if Submission.objects.filter(submission_key=key).exists():
        return
    fiche = data["fiche"]
    page = PracticePage.objects.child_of(index_page).filter(slug=fiche["slug"]).first()
    if page is None:
        page = add_page(index_page, fiche, terms)
        page.save_revision()
    Submission.objects.create(
        kind=Submission.Kind.NEW_PRACTICE,
        page=page,
        submission_key=key,
        created_at=timezone.now() - timedelta(days=data["days_ago"]),
        **sender(data),
    )
    workflow = page.get_workflow()
    if workflow is not None and not page.workflow_in_progress:
        # Wagtail mails the moderators when a task starts; the demo sends nothing.
        with override_settings(EMAIL_BACKEND=NO_MAIL):
            workflow.start(page, user=None)


def add_proposals():
    """"We do this too" and a suggested change on published fiches, waiting for a decision."""
    for data in content.PROPOSALS:
        key = uuid.UUID(data["submission_key"])
        page = PracticePage.objects.live().filter(slug=data["fiche"]).first()
        if page is None or Submission.objects.filter(submission_key=key).exists():
            continue
        Submission.objects.create(
            kind=data["kind"],
            page=page,
            submission_key=key,
            created_at=timezone.now() - timedelta(days=data["days_ago"]),
            description=data.get("description", ""),
            partners=data.get("partners", ""),
            website=data.get("website", ""),
            contact_email=data.get("contact_email", ""),
            section=data.get("section", ""),
            message=text(data.get("message", "")),
            **sender(data),
        )


def sender(data):
    return {
        "status": Submission.Status.IN_REVIEW,
        "sender_name": data["sender_name"],
        "municipality_name": data["municipality_name"],
        "province": data["province"],
        "email": data["email"],
        "language": "nl",
    }


def image_collection():
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return collection


PALETTES = [
    ("#f4efe6", ["#1f6f78", "#f2a65a", "#e4572e", "#76b041", "#2e4057"]),
    ("#eef3f8", ["#3d5a80", "#98c1d9", "#ee6c4d", "#293241", "#f6bd60"]),
    ("#f7f1e8", ["#6a994e", "#a7c957", "#bc4749", "#386641", "#f2e8cf"]),
    ("#f2eef7", ["#5e548e", "#9f86c0", "#e0b1cb", "#231942", "#f4a261"]),
]


def illustration(data, collection):
    """An abstract drawing of coloured shapes for a fiche, made once and then reused."""
    title = f"Praktijkfiche: {data['title']}"
    Image = get_image_model()
    image = Image.objects.filter(collection=collection, title=title).first()
    if image is not None:
        return image
    image = Image(title=title, collection=collection)
    image.file = ImageFile(drawing(data["slug"]), name=f"praktijk-{data['slug']}.jpg")
    image.save()
    return image


def drawing(seed):
    from PIL import Image as PillowImage
    from PIL import ImageColor, ImageDraw

    # The same fiche always gets the same drawing; this is no secret.
    rng = random.Random(seed)  # noqa: S311  # nosec B311
    background, colours = rng.choice(PALETTES)
    width, height = IMAGE_SIZE
    picture = PillowImage.new("RGB", IMAGE_SIZE, background)
    # An RGBA pen on an RGB picture: the shapes shine through each other.
    draw = ImageDraw.Draw(picture, "RGBA")
    for _shape in range(rng.randint(6, 9)):
        fill = (*ImageColor.getrgb(rng.choice(colours)), rng.randint(170, 235))
        size = rng.randint(140, 460)
        x, y = rng.randint(-120, width - 80), rng.randint(-120, height - 80)
        kind = rng.choice(["circle", "block", "band"])
        if kind == "circle":
            draw.ellipse((x, y, x + size, y + size), fill=fill)
        elif kind == "block":
            draw.rounded_rectangle((x, y, x + size * 1.5, y + size * 0.8), radius=48, fill=fill)
        else:
            draw.polygon([(x, height), (x + size, y), (x + size * 2, height)], fill=fill)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer
