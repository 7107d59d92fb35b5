"""A small server-rendered SVG chart of helpfulness over time (no JavaScript, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from symptomatic.feedback.store import PeriodCount

WIDTH, HEIGHT, PAD = 360, 120, 24


def helpfulness_svg(periods: Sequence[PeriodCount], title: str = "Share helpful") -> str:
    """Returns an accessible inline ``<svg>``: one bar per period, its height the share of Yes
    answers, labelled with the period and ``yes/total``."""
    shown = list(periods)[-12:]
    n = max(1, len(shown))
    slot = (WIDTH - 2 * PAD) / n
    bar = max(4.0, slot * 0.6)
    plot_h = HEIGHT - 2 * PAD
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="feedback-chart" role="img" '
        f'width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        'stroke="currentColor" stroke-width="1"/>',
        f'<text x="2" y="{PAD + 4}" font-size="9">100%</text>',
        f'<text x="8" y="{HEIGHT - PAD}" font-size="9">0%</text>',
    ]
    for i, p in enumerate(shown):
        h = plot_h * p.share_helpful
        x = PAD + i * slot + (slot - bar) / 2
        y = HEIGHT - PAD - h
        label = f"{p.period}: {p.yes} of {p.total} helpful"
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="#2f6f4f"><title>{escape(label)}</title></rect>'
        )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - PAD + 11}" font-size="8" '
            f'text-anchor="middle">{escape(p.period[-3:])}</text>'
        )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{max(y - 2, 9):.1f}" font-size="8" '
            f'text-anchor="middle">{p.yes}/{p.total}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
