"""Smoke test: Prism serves documented examples and rejects invalid requests."""

from __future__ import annotations

from pathlib import Path

import httpx
from prism import require_prism, run_prism

SPEC = """\
openapi: 3.0.3
info:
  title: prism smoke
  version: "1.0"
components:
  securitySchemes:
    bearerAuth:
      type: http
      scheme: bearer
paths:
  /things/{id}:
    get:
      operationId: getThing
      security:
        - bearerAuth: []
      parameters:
        - name: id
          in: path
          required: true
          schema: {type: integer}
        - name: limit
          in: query
          required: true
          schema: {type: integer}
      responses:
        "200":
          description: The thing.
          content:
            application/json:
              schema:
                type: object
                required: [id, name]
                properties:
                  id: {type: integer}
                  name: {type: string}
              example: {id: 7, name: widget}
"""

AUTH = {"Authorization": "Bearer test-token"}


def test_prism_validates_requests_and_serves_examples(tmp_path: Path) -> None:
    require_prism()

    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with run_prism(spec) as base_url, httpx.Client(base_url=base_url, timeout=10) as client:
        ok = client.get("/things/7", params={"limit": 3}, headers=AUTH)
        assert ok.status_code == 200, ok.text
        assert ok.json() == {"id": 7, "name": "widget"}

        no_auth = client.get("/things/7", params={"limit": 3})
        assert no_auth.status_code == 401, no_auth.text

        bad_limit = client.get("/things/7", params={"limit": "abc"}, headers=AUTH)
        assert 400 <= bad_limit.status_code < 500, bad_limit.text

        no_limit = client.get("/things/7", headers=AUTH)
        assert 400 <= no_limit.status_code < 500, no_limit.text
