"""The base of every response model."""

from __future__ import annotations

from typing import Any, Callable, Dict

import pydantic
from pydantic import Field, ValidationError, WrapValidator

__all__ = ["BaseModel", "Field", "OpenEnum", "OpenIntEnum"]


class BaseModel(pydantic.BaseModel):
    """A response object. Fields the spec does not know are kept (see `model_extra`)."""

    model_config = pydantic.ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=()
    )

    def to_dict(self) -> Dict[str, Any]:
        """The object as JSON-compatible data, with the API's own field names."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, exclude_unset=True, indent=indent)


def _keep_unknown(kind: type) -> WrapValidator:
    # An API may add enum values at any time: an unknown value of the enum's own type is kept
    # rather than failing the whole response; a value of another type is still an error.
    def validate(value: Any, handler: Callable[[Any], Any]) -> Any:
        try:
            return handler(value)
        except ValidationError:
            if isinstance(value, kind) and not isinstance(value, bool):
                return value
            raise

    return WrapValidator(validate)


OpenEnum = _keep_unknown(str)
OpenIntEnum = _keep_unknown(int)
