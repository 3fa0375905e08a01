"""The base of every response model."""

from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional

import pydantic
from pydantic import Field, GetCoreSchemaHandler, ValidationError, WrapValidator
from pydantic_core import PydanticCustomError, core_schema

__all__ = ["BaseModel", "Field", "OpenEnum", "OpenIntEnum", "TaggedUnion"]


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


class TaggedUnion:
    """`Annotated[Union[A, B], TaggedUnion("kind", {"a": A, "b": B})]`: the member is chosen
    by the value of one property (OpenAPI's `discriminator`).

    A known tag validates against its member only, even where another member would accept
    the data too, and that member's rejection is an error. A missing or unknown tag goes to
    pydantic's smart union over all members: an API that starts sending a new kind of object
    must not make whole responses unparseable. Model instances pass as they are, when their
    tag (if known) is their own class's.
    """

    __slots__ = ("prop", "members", "_attrs")

    def __init__(self, prop: str, members: Mapping[str, type]) -> None:
        self.prop = prop
        self.members = members
        # Member class -> the attribute holding `prop` (None: it is in `model_extra`).
        self._attrs: Dict[type, Optional[str]] = {}

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        schemas: Dict[type, core_schema.CoreSchema] = {}
        for member in self.members.values():
            if member not in schemas:
                schemas[member] = handler.generate_schema(member)
        # A key lookup inside pydantic-core: the common path runs no Python code. Model
        # instances hold the tag under their field name, so they take the untagged path.
        tagged = core_schema.tagged_union_schema(
            {tag: schemas[member] for tag, member in self.members.items()},
            self.prop,
            from_attributes=False,
        )
        untagged = core_schema.no_info_after_validator_function(
            self._check_untagged, handler(source)
        )
        return core_schema.union_schema(
            [(tagged, self.prop), (untagged, "untagged")], mode="left_to_right"
        )

    def _check_untagged(self, value: Any) -> Any:
        # The smart union may pick any member; a known tag still binds the value to its own,
        # so a member that rejected its own tag's data is an error, not a fallback.
        tag = self._tag(value)
        member = self.members.get(tag) if isinstance(tag, str) else None
        if member is not None and not isinstance(value, member):
            raise PydanticCustomError(
                "union_tag_member",
                "tag '{tag}' selects a member that rejected the value",
                {"tag": tag},
            )
        return value

    def _tag(self, value: Any) -> Any:
        cls = type(value)
        if cls not in self._attrs:
            self._attrs[cls] = next(
                (n for n, f in cls.model_fields.items() if (f.alias or n) == self.prop),
                None,
            )
        attr = self._attrs[cls]
        if attr is not None:
            return getattr(value, attr)
        return (value.model_extra or {}).get(self.prop)
