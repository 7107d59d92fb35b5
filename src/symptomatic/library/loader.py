"""Read articles (Markdown + YAML front matter) and topics shipped in the package.

Articles live in ``symptomatic/library/articles/*.md``, topics in
``symptomatic/library/articles/topics.yaml``; both are read through
:mod:`importlib.resources`, so they work from a wheel or a zip. Every problem is reported
with the file and the field, e.g. ``sciatica.md: title: title must be a question``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from symptomatic.errors import SymptomaticError
from symptomatic.library.frontmatter import ArticleMeta, Slug, cited_ids

ARTICLES_PACKAGE = "symptomatic.library.articles"


class ArticleError(SymptomaticError):
    """An article or the topic list could not be loaded or is invalid.

    ``problems`` lists one line per problem, each naming the file and the field.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = list(problems or [])
        super().__init__(message + "".join(f"\n  - {p}" for p in self.problems))


class Topic(BaseModel):
    """A library topic (a group of articles shown on its own page)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    name: str = Field(min_length=2)
    description: str = Field(min_length=10)


@dataclass(frozen=True)
class Article:
    """One validated article: front matter, raw Markdown body and its file name."""

    meta: ArticleMeta
    body: str
    filename: str

    @property
    def slug(self) -> str:
        """Returns the article's slug (its URL name)."""
        return self.meta.slug


@dataclass(frozen=True)
class Library:
    """All articles and topics, in a stable order (topics as listed, articles by title)."""

    articles: tuple[Article, ...]
    topics: tuple[Topic, ...]
    _by_slug: dict[str, Article] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_slug.update({a.slug: a for a in self.articles})

    def get(self, slug: str) -> Article | None:
        """Returns the article with that slug, or None."""
        return self._by_slug.get(slug)

    def topic(self, topic_id: str) -> Topic | None:
        """Returns the topic with that id, or None."""
        return next((t for t in self.topics if t.id == topic_id), None)

    def in_topic(self, topic_id: str) -> list[Article]:
        """Returns the articles listed under a topic, by title."""
        return [a for a in self.articles if topic_id in a.meta.topics]

    def for_conditions(self, condition_ids: Iterable[str]) -> list[Article]:
        """Returns the articles related to any of these pack condition ids, in the order of
        the ids (for linking check results to reading)."""
        out: list[Article] = []
        for cid in condition_ids:
            for art in self.articles:
                if cid in art.meta.conditions and art not in out:
                    out.append(art)
        return out

    def common_questions(self) -> list[Article]:
        """Returns the articles flagged as common questions for the library home page."""
        return [a for a in self.articles if a.meta.common_question]


def _format_loc(loc: Iterable[int | str]) -> str:
    return ".".join(str(p) for p in loc) or "(front matter)"


def split_front_matter(text: str, filename: str) -> tuple[dict[str, Any], str]:
    """Returns (front matter mapping, Markdown body) of an article's text.

    Raises :class:`ArticleError` when the ``---`` fences or the YAML are broken.
    """
    text = text.lstrip("\ufeff")
    if not text.startswith("---\n"):
        raise ArticleError("article has no front matter", [f"{filename}: must start with '---'"])
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ArticleError("article front matter is not closed", [f"{filename}: no closing '---'"])
    try:
        data = yaml.safe_load(text[4:end])
    except yaml.YAMLError as exc:
        raise ArticleError("article front matter is not YAML", [f"{filename}: {exc}"]) from exc
    if not isinstance(data, dict):
        raise ArticleError("article front matter", [f"{filename}: must be a mapping"])
    return data, text[end + 5 :]


def parse_article(text: str, filename: str) -> Article:
    """Returns the validated :class:`Article` parsed from one file's text.

    Raises :class:`ArticleError` naming the file and each bad field.
    """
    data, body = split_front_matter(text, filename)
    try:
        meta = ArticleMeta.model_validate(data)
    except ValidationError as exc:
        problems = [f"{filename}: {_format_loc(e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise ArticleError(f"invalid front matter in {filename}", problems) from exc
    problems = []
    if Path(filename).stem != meta.slug:
        problems.append(f"{filename}: slug: {meta.slug!r} must match the file name")
    known = {r.id for r in meta.references}
    for ref in cited_ids(body):
        if ref not in known:
            problems.append(f"{filename}: body: cites [ref:{ref}], not in references")
    if not body.strip():
        problems.append(f"{filename}: body: empty")
    if problems:
        raise ArticleError(f"invalid article {filename}", problems)
    return Article(meta=meta, body=body, filename=filename)


def _read_topics(folder: Traversable | Path) -> list[Topic]:
    node = folder / "topics.yaml"
    try:
        raw = yaml.safe_load(node.read_text(encoding="utf-8")) or {}
        return [Topic.model_validate(t) for t in raw.get("topics", [])]
    except (OSError, yaml.YAMLError, ValidationError, AttributeError) as exc:
        raise ArticleError("topics.yaml could not be read", [f"topics.yaml: {exc}"]) from exc


def load_library(folder: str | Path | None = None) -> Library:
    """Returns the :class:`Library` of every ``*.md`` article in ``folder`` (default: the
    articles shipped in the package), validated against each other and the topic list.

    Raises :class:`ArticleError` listing every problem found across all files.
    """
    root: Traversable | Path = resources.files(ARTICLES_PACKAGE) if folder is None else Path(folder)
    topics = _read_topics(root)
    topic_ids = {t.id for t in topics}
    articles: list[Article] = []
    problems: list[str] = []
    for node in sorted(root.iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".md"):
            continue
        try:
            articles.append(parse_article(node.read_text(encoding="utf-8"), node.name))
        except ArticleError as exc:
            problems.extend(exc.problems)
    for art in articles:
        for topic in art.meta.topics:
            if topic not in topic_ids:
                problems.append(f"{art.filename}: topics: unknown topic {topic!r}")
    slugs = [a.slug for a in articles]
    for slug in {s for s in slugs if slugs.count(s) > 1}:
        problems.append(f"{slug}: slug used by more than one article")
    if problems:
        raise ArticleError("the article library is invalid", problems)
    articles.sort(key=lambda a: a.meta.title.lower())
    return Library(articles=tuple(articles), topics=tuple(topics))


def pack_id_problems(
    library: Library,
    condition_ids: set[str],
    finding_ids: set[str],
    pack_ids: set[str] | None = None,
) -> list[str]:
    """Returns one line per article reference to a condition or finding id the packs do not
    define (related ids and the symptom-check entry), naming the file and field; with
    ``pack_ids`` (the packs loaded), also each symptom-check entry naming another pack."""
    problems: list[str] = []
    for art in library.articles:
        meta, name = art.meta, art.filename
        if pack_ids is not None and meta.symptom_check.pack not in pack_ids:
            problems.append(f"{name}: symptom_check.pack: {meta.symptom_check.pack}")
        problems += [f"{name}: conditions: {c}" for c in meta.conditions if c not in condition_ids]
        problems += [f"{name}: findings: {f}" for f in meta.findings if f not in finding_ids]
        entry = meta.symptom_check
        if entry.focus is not None and entry.focus not in condition_ids:
            problems.append(f"{name}: symptom_check.focus: {entry.focus}")
        if entry.complaint is not None and entry.complaint not in finding_ids:
            problems.append(f"{name}: symptom_check.complaint: {entry.complaint}")
    return problems
