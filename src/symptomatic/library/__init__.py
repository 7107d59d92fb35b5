"""The medical-information library: articles as Markdown with YAML front matter.

>>> lib = load_library()            # doctest: +SKIP
>>> render_body(lib.get("sciatica"))  # doctest: +SKIP
"""

from __future__ import annotations

from symptomatic.library.frontmatter import NOT_REVIEWED, ArticleMeta
from symptomatic.library.loader import Article, ArticleError, Library, Topic, load_library
from symptomatic.library.render import json_ld, plain_text, render_body, sanitise

__all__ = [
    "NOT_REVIEWED",
    "Article",
    "ArticleError",
    "ArticleMeta",
    "Library",
    "Topic",
    "json_ld",
    "load_library",
    "plain_text",
    "render_body",
    "sanitise",
]
