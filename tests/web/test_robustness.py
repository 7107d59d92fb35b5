"""No form input makes a page answer with a server error."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from symptomatic.storage import save_step

text = st.text(max_size=50)
form = st.dictionaries(
    st.sampled_from(
        [
            "age",
            "sex",
            "text",
            "focus",
            "pack",
            "complaint",
            "f_fever",
            "f_onset",
            "f_nope",
            "finding",
            "answer",
        ]
    ),
    text,
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=form, where=st.sampled_from(["/check", "/check/confirm"]))
def test_start_forms_never_fail(client: TestClient, data: dict[str, Any], where: str) -> None:
    r = client.post(where, data=data, follow_redirects=False)
    assert r.status_code < 500, r.text[:500]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=form)
def test_answer_form_never_fails(client: TestClient, data: dict[str, Any]) -> None:
    path = client.post(
        "/check", data={"age": "40", "sex": "female"}, follow_redirects=False
    ).headers["location"]
    r = client.post(path, data=data, follow_redirects=False)
    assert r.status_code < 500, r.text[:500]


def test_stale_or_corrupt_steps_are_a_404(client: TestClient) -> None:
    sessions = client.app.state.context.sessions  # type: ignore[attr-defined]
    bad = [
        '{"version":1,"sex":"female","age":40,"focus":null,"answers":[["gone","present","q"]]}',
        '{"version":1,"sex":"female","age":40,"focus":"gone","answers":[]}',
        '{"version":99}',
        "not json",
    ]
    for state_json in bad:
        token = save_step(sessions, pack="tiny", state_json=state_json)
        for suffix in ("", "/result", "/print", "/result.json", "/fhir.json"):
            assert client.get(f"/check/s/{token}{suffix}").status_code == 404
    token = save_step(sessions, pack="no-longer-served", state_json=bad[1])
    assert client.get(f"/check/s/{token}").status_code == 404
