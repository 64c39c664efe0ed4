"""The import rules of docs/architecture.md, read from the code itself.

Every app's Python imports (module level and inside functions, `import x` and
`from x import y`, relative imports resolved) and every template's
`{% load ... %}` libraries (mapped to the module that provides them) are
arrows from one part of the project to another; an arrow the picture does not
allow fails the test with its file and line. A second test checks that no two
project modules import each other, even through others, at module level.
"""

import ast
import re
from pathlib import Path

import pytest

# No database is read; the suite's autouse fixtures clear the CMS menu cache at teardown.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "coop_site",
    "houses",
    "charter",
    "evaluation",
    "news",
    "galleries",
    "documents",
    "membership",
    "blocks",
    "easy_read",
    "radio",
    "journal",
    "people",
    "partners",
    "associations",
    "search",
    "content_checks",
]

# coop_site is two parts. The site layer assembles the site and may import any app;
# every other coop_site module is the toolkit, which imports no app.
SITE_LAYER = {
    "coop_site.urls",
    "coop_site.context_processors",
    "coop_site.sitemaps",
    "coop_site.cms_wizards",
    "coop_site.cms_config",
    "coop_site.management.commands.load_demo",
    "coop_site.search_index",
    "coop_site.backup",  # the evaluation's private files go into the archive
    "coop_site.management.commands.backup",
    "coop_site.management.commands.restore",
}

# Which part may import which (besides itself). "toolkit" is coop_site's toolkit.
ALLOWED = {
    "toolkit": set(),
    "search": {"toolkit"},
    "houses": {"toolkit", "search"},
    "charter": {"toolkit", "search", "houses"},
    "evaluation": {"toolkit", "search", "houses"},
    "documents": {"toolkit", "search", "houses"},
    "galleries": {"toolkit", "search", "houses"},
    "news": {"toolkit", "search", "houses", "galleries"},
    # Joining and fees: the houses' seasons and grids are houses' own (an activity's price).
    "membership": {"toolkit", "search", "houses"},
    "blocks": {"toolkit", "search", "houses", "evaluation", "documents"},
    # The easy-to-read versions of the house pages and of the CMS pages.
    "easy_read": {"toolkit", "search", "houses"},
    "radio": {"toolkit", "search", "houses"},
    "journal": {"toolkit", "search", "houses"},
    # The people of the houses: their page sections and the contact form's roles
    # go through houses' registries (houses.sections, houses.recipients).
    "people": {"toolkit", "search", "houses"},
    "partners": {"toolkit", "search", "houses"},
    "associations": {"toolkit", "search", "houses"},
    "site": {"toolkit", "search", "houses", "charter", "evaluation", "documents", "galleries",
             "news", "blocks", "easy_read", "radio", "journal", "people", "partners",
             "associations", "membership"},
    # The checks before publishing read the pages, news and documents they check; news
    # never imports them (its registry news.publishing).
    "content_checks": {"toolkit", "search", "houses", "documents", "galleries", "news"},
}  # fmt: skip

# Registries: an app plugs into another through these modules only (docs/architecture.md).
REGISTRIES = {
    "evaluation": {"documents.library"},  # its published reports join /documents/
    "journal": {"documents.library"},  # its published issues join /documents/
}

# Known arrows waiting for their fix, each with why it is still there.
EXCEPTIONS = {}

TEMPLATE_LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")


def part_of(module):
    """The part of the project a dotted module belongs to, or None outside the project."""
    app = module.split(".")[0]
    if app not in APPS:
        return None
    if app == "coop_site":
        return "site" if module in SITE_LAYER else "toolkit"
    return app


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def python_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imports(path, *, module_level_only=False):
    """(line, imported module) of every import of the file, relative ones resolved."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    nodes = tree.body if module_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            # `from coop_site import pdf` imports the module coop_site.pdf.
            submodules = [f"{target}.{alias.name}" for alias in node.names]
            found = [name for name in submodules if is_project_module(name)]
            yield from ((node.lineno, name) for name in (found or [target]))


def is_project_module(name):
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def template_libraries():
    """{library name: the module that provides it}, for the project's template tags."""
    return {
        path.stem: module_name(path)
        for app in APPS
        for path in (ROOT / app).glob("templatetags/*.py")
        if path.stem != "__init__"
    }


def template_files():
    for folder in [ROOT / "templates", *(ROOT / app / "templates" for app in APPS)]:
        yield from sorted(folder.rglob("*.html"))


def template_part(path):
    """Templates under <app>/templates/ belong to the app; templates/ to the site layer."""
    top = path.relative_to(ROOT).parts[0]
    if top == "templates":
        return "site"
    return "toolkit" if top == "coop_site" else top


def arrow_is_allowed(source, target_module):
    target = part_of(target_module)
    if target is None or target == source:
        return True
    if target in ALLOWED[source]:
        return True
    return any(
        target_module == registry or target_module.startswith(registry + ".")
        for registry in REGISTRIES.get(source, ())
    )


def forbidden_arrows():
    found = []
    for path in python_files():
        source = part_of(module_name(path))
        relative = path.relative_to(ROOT).as_posix()
        for line, target in imports(path):
            if (relative, target) in EXCEPTIONS or arrow_is_allowed(source, target):
                continue
            found.append(f"{relative}:{line}: {source} → {part_of(target)} (import {target})")
    libraries = template_libraries()
    for path in template_files():
        source = template_part(path)
        relative = path.relative_to(ROOT).as_posix()
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in TEMPLATE_LOAD.finditer(text):
                names = match.group(1).split()
                if "from" in names:  # {% load tag from library %}
                    names = names[names.index("from") + 1 :]
                for name in names:
                    target = libraries.get(name)
                    if target and not arrow_is_allowed(source, target):
                        found.append(
                            f"{relative}:{number}: {source} → {part_of(target)} "
                            f"({{% load {name} %}}, {target})"
                        )
    return found


def test_every_import_follows_the_architecture_picture():
    arrows = forbidden_arrows()
    assert not arrows, (
        "Flèches interdites par docs/architecture.md (fichier:ligne: de → vers) :\n"
        + "\n".join(arrows)
    )


def test_the_known_exceptions_still_exist():
    # A fixed exception leaves the list, so that the list never allows more than it says.
    present = {
        (path.relative_to(ROOT).as_posix(), target)
        for path in python_files()
        for _, target in imports(path)
    }
    assert set(EXCEPTIONS) <= present, set(EXCEPTIONS) - present


def test_no_import_cycle_between_modules_at_module_level():
    graph = {}
    for path in python_files():
        module = module_name(path)
        graph[module] = {
            target
            for _, target in imports(path, module_level_only=True)
            if part_of(target) and target != module and is_project_module(target)
        }
    cycles = [" → ".join([*cycle, cycle[0]]) for cycle in strongly_connected(graph)]
    assert not cycles, "Imports circulaires au niveau des modules :\n" + "\n".join(cycles)


def strongly_connected(graph):
    """Tarjan's algorithm: the groups of two or more modules that import each other."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups
