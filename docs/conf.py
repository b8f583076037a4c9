"""Sphinx configuration for the newsdoc documentation.

Build with ``python -m sphinx -W -b html docs docs/_build/html``; run the examples with ``-b doctest``.
newsdoc itself is imported from the installed package (``pip install -e .``), not from ``../src``.
"""

from __future__ import annotations

import doctest
import os
import sys

import newsdoc

DOCS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOCS)
sys.path.insert(0, os.path.join(DOCS, "_ext"))  # the two local directives: rules table and CLI reference

project = "newsdoc"
author = "the newsdoc developers"
copyright = "2024, the newsdoc developers"
release = newsdoc.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "newsdoc_rules",
    "newsdoc_cli",
]

exclude_patterns = ["_build", "guide/examples"]
templates_path: list[str] = []
language = "en"
today_fmt = "%Y-%m-%d"

# Every cross-reference must resolve: a renamed class or a removed function breaks the build (with -W).
nitpicky = True
# intersphinx is off (builds must not need the network), so the standard library's classes cannot be linked.
nitpick_ignore_regex = [
    ("py:class", r"(datetime|re|os|typing|types|collections\.abc|argparse)\..*"),
    ("py:class", r"(str|int|float|bool|bytes|object|tuple|frozenset|dict|list|None|Any|Literal|Mapping)"),
    ("py:exc", r"(ValueError|TypeError|OSError)"),
    ("py:func", r"attrs\..*"),
]

# -- autodoc ------------------------------------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# The document classes are built by newsdoc, not by callers: attrs' generated __init__ would only repeat the fields.
autodoc_class_signature = "separated"
autodoc_default_options = {"members": True, "exclude-members": "__init__, __new__"}
add_module_names = False
python_use_unqualified_type_names = True

# -- doctest ------------------------------------------------------------------------------------------------------
# Examples name the bundled files by paths relative to the repository root, exactly as a reader would type them.
doctest_global_setup = f"""
import os
os.chdir({ROOT!r})
import newsdoc
"""
# Exception details are compared too (Sphinx's default ignores them): the error messages are part of the API.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

# -- HTML ---------------------------------------------------------------------------------------------------------
html_theme = "alabaster"
html_title = f"newsdoc {release}"
html_static_path: list[str] = []
html_theme_options = {
    "description": "Scraped Chinese news files in, clean typed documents out.",
    "fixed_sidebar": True,
    "show_relbars": True,
}
html_sidebars = {"**": ["about.html", "navigation.html", "relations.html", "searchbox.html"]}
