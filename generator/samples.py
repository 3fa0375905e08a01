"""Example values: the spec's own examples first, else a value built from the schema."""

from __future__ import annotations

from typing import Any

from generator.load import Pointer
from generator.refs import Resolver

MISSING = object()
_FORMAT_SAMPLES = {
    "uuid": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "127.0.0.1",
}
MAX_DEPTH = 8


def declared_example(node: dict[str, Any]) -> Any:
    """The `example`, or the first of `examples`, declared on a parameter or media type."""
    if "example" in node:
        return node["example"]
    examples = node.get("examples")
    if isinstance(examples, dict):
        for value in examples.values():
            if isinstance(value, dict) and "value" in value:
                return value["value"]
    if isinstance(examples, list) and examples:
        # JSON Schema's own keyword (OpenAPI 3.1 schemas): a list of plain values.
        return examples[0]
    return MISSING


def has_value(value: Any) -> bool:
    return value is not MISSING


class Sampler:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def sample(self, schema: Any, pointer: Pointer, depth: int = 0) -> Any:
        schema, pointer = self.resolver.resolve(schema, pointer)
        if not isinstance(schema, dict) or depth > MAX_DEPTH:
            return None
        nullable = schema.get("nullable") is True or "null" in (schema.get("type") or ())
        for key in ("example", "default", "const"):
            # A null example of a non-nullable schema says nothing: build one instead.
            if key in schema and (schema[key] is not None or nullable):
                return schema[key]
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            return schema["examples"][0]
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            return next((v for v in enum if v is not None), None)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return self.sample(schema[key][0], (*pointer, key, "0"), depth + 1)
        if isinstance(schema.get("allOf"), list):
            merged: dict[str, Any] = {}
            for i, part in enumerate(schema["allOf"]):
                value = self.sample(part, (*pointer, "allOf", str(i)), depth + 1)
                if isinstance(value, dict):
                    merged.update(value)
            return merged
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object" or "properties" in schema:
            return {
                key: self.sample(prop, (*pointer, "properties", key), depth + 1)
                for key, prop in (schema.get("properties") or {}).items()
                if isinstance(prop, dict) and not prop.get("writeOnly")
            }
        if kind == "array":
            return [self.sample(schema.get("items", {}), (*pointer, "items"), depth + 1)]
        if kind == "string":
            text = _FORMAT_SAMPLES.get(str(schema.get("format")), "string")
            max_len = schema.get("maxLength")
            return text[:max_len] if isinstance(max_len, int) and max_len < len(text) else text
        if kind == "integer":
            return _bounded(schema, 0)
        if kind == "number":
            return float(_bounded(schema, 0))
        if kind == "boolean":
            return True
        return None


def _bounded(schema: dict[str, Any], value: int) -> int:
    low = schema.get("minimum")
    high = schema.get("maximum")
    if isinstance(low, (int, float)) and value < low:
        value = int(low) + (1 if schema.get("exclusiveMinimum") is True else 0)
    if isinstance(high, (int, float)) and value > high:
        value = int(high)
    return value
