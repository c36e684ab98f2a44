"""Reading the admin's answers as allow or deny, and posting the news page editor."""

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

ALLOW, DENY = "allow", "deny"

# Where Wagtail sends someone it refuses: the admin home (with a permission message) or
# the login page.
DENIAL_REDIRECTS = ("wagtailadmin_home", "wagtailadmin_login")


def outcome(response) -> str:
    """``allow`` for a 2xx or a redirect onwards; ``deny`` for 403, 404 or a refusal redirect.

    Anything else (a 500, a 405) is a broken case, not an answer, and fails loudly.
    """
    status = response.status_code
    if status in (403, 404):
        return DENY
    if status in (301, 302):
        location = response["Location"].split("?")[0]
        refusals = {reverse(name) for name in DENIAL_REDIRECTS}
        return DENY if location in refusals else ALLOW
    if 200 <= status < 300:
        return ALLOW
    raise AssertionError(f"unexpected answer {status} from the admin")


def news_form_data(page, **overrides) -> dict:
    """The news page editor's form, filled in from ``page`` as an editor would submit it."""
    publication_date = timezone.localtime(page.publication_date).strftime("%Y-%m-%d %H:%M")
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "kind": page.kind,
        "publication_date": publication_date,
        "lead": page.lead,
        "body": streamfield([]),
        "tags": "",
        "comments": inline_formset([]),
        "gallery_images": inline_formset([]),
        "attachments": inline_formset([]),
    }
    # An unticked checkbox is absent from a real form submission.
    if page.syndicate_to_main_site:
        data["syndicate_to_main_site"] = "on"
    data.update(overrides)
    return nested_form_data(data)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
