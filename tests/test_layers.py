"""The direction of the layers (docs/architecture.md), read from the source.

``site_s6.core`` depends on nothing of the project: not on the content apps, the search,
the API, ``subsites`` or the demo, whether by an import (at the top of a module or inside
a function), a dotted path handed to ``import_string``/``import_module``, or an app label
handed to ``apps.get_model``. And a content app's models do not import its ``listings``
module, which builds on them.
"""

import ast
import importlib.util
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import pytest

CORE = "site_s6.core"
# What sits above core, as module prefixes and as the app labels apps.get_model() takes.
ABOVE_CORE = {
    "site_s6.api": "api",
    "subsites": "subsites",
    "site_s6.news": "news",
    "site_s6.events": "events",
    "site_s6.campaigns": "campaigns",
    "site_s6.protocol": "protocol",
    "site_s6.home": "home",
    "site_s6.search": "search",
    "site_s6.demo": "demo",
}
CONTENT_APPS = [
    "site_s6.news",
    "site_s6.events",
    "site_s6.campaigns",
    "site_s6.protocol",
    "site_s6.home",
]
# Calls that import the module named by their first argument.
IMPORTING_CALLS = {"import_string", "import_module", "__import__"}


@dataclass(frozen=True)
class Reference:
    """``module`` refers to ``target`` (a module, or an app label) at ``line``."""

    module: str
    line: int
    target: str
    how: str

    def __str__(self):
        return f"{self.module}:{self.line} {self.how} {self.target}"


def modules_of(package: str) -> list[tuple[str, Path]]:
    """``package`` and every module under it, with their source files."""
    spec = importlib.util.find_spec(package)
    found = [(package, Path(spec.origin))]
    if spec.submodule_search_locations is None:  # a module, not a package
        return found
    for info in pkgutil.walk_packages(spec.submodule_search_locations, prefix=f"{package}."):
        origin = importlib.util.find_spec(info.name).origin
        if origin and origin.endswith(".py"):
            found.append((info.name, Path(origin)))
    return found


def called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def first_string(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant):
        return call.args[0].value if isinstance(call.args[0].value, str) else None
    return None


def is_dotted_path(value) -> bool:
    """A string such as "site_s6.news.listings.news_listing" (not "news.NewsPage", a model)."""
    if not isinstance(value, str) or "." not in value:
        return False
    parts = value.split(".")
    return all(part.isidentifier() for part in parts) and all(part.islower() for part in parts[:2])


def references(module: str, source: str, *, is_package: bool = False) -> list[Reference]:
    """Every module ``source`` imports (relative imports resolved), every dotted path it
    imports by name, every app label it looks models up in, and its dotted strings."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Reference(module, node.lineno, alias.name, "imports") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            found.append(Reference(module, node.lineno, base, "imports"))
            # "from site_s6 import news" imports the module site_s6.news.
            found += [
                Reference(module, node.lineno, f"{base}.{alias.name}", "imports")
                for alias in node.names
            ]
        elif isinstance(node, ast.Call) and (argument := first_string(node)) is not None:
            name = called_name(node)
            if name in IMPORTING_CALLS:
                found.append(Reference(module, node.lineno, argument, f"{name}()"))
            elif name == "get_model":
                label = argument.partition(".")[0]
                found.append(Reference(module, node.lineno, label, "apps.get_model() of app"))
        elif isinstance(node, ast.Constant) and is_dotted_path(node.value):
            found.append(Reference(module, node.lineno, node.value, "names the dotted path"))
    return found


def within(target: str, module: str) -> bool:
    return target == module or target.startswith(f"{module}.")


def is_above_core(reference: Reference) -> bool:
    if reference.how.startswith("apps.get_model()"):
        return reference.target in ABOVE_CORE.values()
    return any(within(reference.target, module) for module in ABOVE_CORE)


def source_references(module: str, path: Path) -> list[Reference]:
    return references(module, path.read_text(), is_package=path.name == "__init__.py")


def model_modules(app: str) -> list[tuple[str, Path]]:
    """The app's ``models`` module, or every module of its ``models`` package."""
    if importlib.util.find_spec(f"{app}.models") is None:
        return []
    return modules_of(f"{app}.models")


CORE_MODULES = modules_of(CORE)
MODEL_MODULES = [found for app in CONTENT_APPS for found in model_modules(app)]


def test_the_scanner_finds_every_kind_of_reference():
    # The checks below pass only if this one finds what they look for.
    source = """
from django.apps import apps
from wagtail.models import Page
from .text import slugify
from .. import news

def later():
    from site_s6.api.preview import serve_headless_preview
    import subsites.sites
    from ..events.listings import event_listing
    return apps.get_model("subsites", "Institution"), apps.get_model("news.NewsPage")

LISTING = import_string("site_s6.campaigns.listings.campaign_listing")
PATH = "site_s6.protocol.listings.visits"
MODEL = "subsites.Institution"
GREETING = "Hello. World"
"""
    found = references("site_s6.core.example", source)
    offending = [
        (reference.line, reference.how, reference.target)
        for reference in sorted(found, key=lambda r: (r.line, r.how, r.target))
        if is_above_core(reference)
    ]

    assert offending == [
        (5, "imports", "site_s6.news"),
        (8, "imports", "site_s6.api.preview"),
        (8, "imports", "site_s6.api.preview.serve_headless_preview"),
        (9, "imports", "subsites.sites"),
        (10, "imports", "site_s6.events.listings"),
        (10, "imports", "site_s6.events.listings.event_listing"),
        (11, "apps.get_model() of app", "news"),
        (11, "apps.get_model() of app", "subsites"),
        (13, "import_string()", "site_s6.campaigns.listings.campaign_listing"),
        (13, "names the dotted path", "site_s6.campaigns.listings.campaign_listing"),
        (14, "names the dotted path", "site_s6.protocol.listings.visits"),
    ]
    assert {"django.apps", "wagtail.models", "site_s6.core.text"} <= {r.target for r in found}


def test_core_and_the_content_models_are_all_scanned():
    core = {module for module, _path in CORE_MODULES}
    assert {"site_s6.core.models", "site_s6.core.wagtail_hooks"} <= core
    assert "site_s6.core.templatetags" in core
    models = {module for module, _path in MODEL_MODULES}
    assert {f"{app}.models" for app in CONTENT_APPS} <= models


@pytest.mark.parametrize(
    ("module", "path"), CORE_MODULES, ids=[module for module, _path in CORE_MODULES]
)
def test_core_depends_on_nothing_above_it(module, path):
    offending = [str(ref) for ref in source_references(module, path) if is_above_core(ref)]

    assert not offending, (
        f"{module} refers to apps that sit above core (docs/architecture.md); move the "
        "code up, or let those apps plug in through a hook:\n  " + "\n  ".join(offending)
    )


@pytest.mark.parametrize(
    ("module", "path"), MODEL_MODULES, ids=[module for module, _path in MODEL_MODULES]
)
def test_models_do_not_import_their_listings(module, path):
    app = next(app for app in CONTENT_APPS if within(module, app))
    offending = [
        str(ref) for ref in source_references(module, path) if within(ref.target, f"{app}.listings")
    ]

    assert not offending, (
        f"{module} refers to {app}.listings, which builds on the models; let the page "
        "provide its listing through a method instead:\n  " + "\n  ".join(offending)
    )
