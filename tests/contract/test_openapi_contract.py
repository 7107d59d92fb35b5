"""Schemathesis over the OpenAPI document: no generated input produces a 5xx, responses match
their schemas, and every error is a problem document.

Schemathesis' pytest plugin does not run on this pytest, so each operation's Hypothesis
strategy is driven directly (same generation, same checks).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode, checks
from tests.conftest import TINY_PACK

from symptomatic.app import create_app
from symptomatic.settings import Settings

OPERATIONS = [
    ("POST", "/api/v1/diagnosis"),
    ("POST", "/api/v1/triage"),
    ("POST", "/api/v1/explain"),
    ("POST", "/api/v1/parse"),
    ("GET", "/api/v1/packs"),
    ("GET", "/api/v1/packs/{pack_id}/conditions"),
    ("GET", "/api/v1/packs/{pack_id}/findings"),
    ("GET", "/api/v1/articles"),
    ("GET", "/api/v1/articles/{slug}"),
    ("GET", "/api/v1/fhir/Questionnaire/{pack_id}"),
    ("GET", "/api/v1/fhir/CodeSystem/{cs_id}"),
]

NOTHING_TO_BREAK = {
    "/api/v1/packs",
    "/api/v1/packs/{pack_id}/conditions",
    "/api/v1/articles/{slug}",
    "/api/v1/fhir/Questionnaire/{pack_id}",
    "/api/v1/fhir/CodeSystem/{cs_id}",
}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    db: Path = tmp_path_factory.mktemp("contract") / "db.sqlite3"
    # The rate limit is off: this measures the API's answers, not the limiter's.
    app = create_app(Settings(database_url=f"sqlite:///{db}", packs=[TINY_PACK], api_rate_limit=0))
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    app.state.context.db.dispose()


def test_every_operation_is_covered(api_schema: Any) -> None:
    found = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_input_gives_a_server_error(
    api_schema: Any, method: str, path: str, mode: GenerationMode
) -> None:
    if mode is GenerationMode.NEGATIVE and path in NOTHING_TO_BREAK:
        pytest.skip("only a free string path parameter: nothing to make invalid")
    operation = api_schema[path][method]
    seen: dict[int, int] = {}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=80,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        response = case.call()
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        assert response.status_code < 500, f"{method} {path}: {response.text[:500]}"
        if response.status_code >= 400:
            assert response.headers["content-type"][0].startswith("application/problem+json")
        # positive_data_acceptance is left out on purpose: a schema-valid body may still name
        # a finding or condition the pack does not define, which is a (documented) 422.
        case.validate_response(response, excluded_checks=[checks.positive_data_acceptance])

    run()
    assert sum(seen.values()) > 0
