"""Every kind of statement validates against Ralph's pydantic models of xAPI 1.0.3
(`BaseXapiStatement`, stricter than what its server accepts), run in the Ralph venv."""

from __future__ import annotations

import json
import subprocess

import pytest

from facilitator.review.xapi._records import session_facts
from facilitator.review.xapi.statements import (
    KINDS,
    Options,
    session_statements,
    voiding_statement,
)
from tests.xapi.conftest import ralph_python
from tests.xapi.test_statements import pseudonym, session

pytestmark = pytest.mark.slow  # Ralph's own models, in its own virtual environment


CHECK = """
import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
errors = []
for i, s in enumerate(json.load(sys.stdin)):
    try:
        BaseXapiStatement.model_validate(s)
    except Exception as exc:
        errors.append([i, str(exc)[:500]])
print(json.dumps(errors))
"""


def invalid(statements: list[dict]) -> list:
    res = subprocess.run([str(ralph_python()), "-c", CHECK], input=json.dumps(statements),
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(res.stdout)


def every_kind() -> list[dict]:
    opts = Options(individual=True, feedback_words=True, pseudonym=pseudonym)
    made = []
    for log in (session(), session(ending=False), session(end="interrupted")):
        made += session_statements(session_facts(log.records), opts)
    kinds = {m.kind for m in made}
    assert kinds == set(KINDS) - {"voided"}
    out = [m.statement for m in made]
    out.append(voiding_statement(out[0]["id"], "2025-01-14T10:00:00.000Z", opts))
    return out


def test_every_kind_validates_against_ralphs_models():
    assert invalid(every_kind()) == []


def test_the_check_does_refuse_a_broken_statement():
    broken = every_kind()[:2]
    broken[0]["verb"]["id"] = "not an iri"
    broken[1]["result"] = {"score": {"raw": 11, "min": 0, "max": 10}}
    assert [i for i, _ in invalid(broken)] == [0, 1]
