"""``GET /packs``, ``/packs/{id}/conditions`` and ``/packs/{id}/findings?q=`` (autocomplete)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from symptomatic.api.context import AppContext, ServedPack, get_context
from symptomatic.api.diagnosis import PROBLEMS
from symptomatic.api.schemas import Choice, ConditionInfo, FindingInfo, PackOut

router = APIRouter(tags=["packs"], responses={k: v for k, v in PROBLEMS.items() if k in (404, 422)})


def _pack_out(served: ServedPack) -> PackOut:
    return PackOut(
        id=served.id,
        name=served.info.name,
        version=served.info.version,
        review_status=served.info.review_status,
        includes=served.kb.pack_versions,
        conditions=len(served.kb.conditions),
        findings=len(served.kb.findings),
    )


@router.get("/packs", response_model=list[PackOut], summary="Packs served")
def list_packs(ctx: AppContext = Depends(get_context)) -> list[PackOut]:
    """The knowledge packs this server serves (the first is the default)."""
    return [_pack_out(p) for p in ctx.packs.values()]


@router.get("/packs/{pack_id}/conditions", response_model=list[ConditionInfo])
def list_conditions(pack_id: str, ctx: AppContext = Depends(get_context)) -> list[ConditionInfo]:
    """Every condition the pack (with its dependencies) can suggest."""
    served = ctx.pack(pack_id)
    kb = served.kb
    return [
        ConditionInfo(
            id=c.id,
            name=c.name,
            common_name=c.common_name,
            icd10=list(c.icd10),
            severity=c.severity.value,
            care_level=c.care_level.value,
            article=c.article,
            pack=kb.origin.get(f"condition:{c.id}", served.id),
        )
        for c in kb.conditions.values()
    ]


@router.get("/packs/{pack_id}/findings", response_model=list[FindingInfo])
def search_findings(
    pack_id: str,
    q: str = Query(default="", max_length=100, description="Words to match (name, synonyms)."),
    limit: int = Query(default=20, ge=1, le=200),
    ctx: AppContext = Depends(get_context),
) -> list[FindingInfo]:
    """Findings whose name, question or synonyms contain ``q`` (all when empty), best first."""
    served = ctx.pack(pack_id)
    needle = q.strip().casefold()
    scored: list[tuple[int, str, FindingInfo]] = []
    for f in served.kb.findings.values():
        if not f.askable and not f.synonyms:
            continue
        name = f.name.casefold()
        if needle:
            if name.startswith(needle):
                score = 0
            elif needle in name:
                score = 1
            elif any(needle in s.casefold() for s in f.synonyms):
                score = 2
            elif needle in f.question.casefold():
                score = 3
            else:
                continue
        else:
            score = 0
        choices = [Choice(id=o.id, label=o.label) for o in f.options] or [
            Choice(id="present", label="Yes"),
            Choice(id="absent", label="No"),
        ]
        info = FindingInfo(
            id=f.id,
            name=f.name,
            question=f.question,
            type=f.type.value,
            group=f.group.value,
            choices=choices,
        )
        scored.append((score, f.name, info))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [info for _, _, info in scored[:limit]]
