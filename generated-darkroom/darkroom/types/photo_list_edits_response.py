from __future__ import annotations

from typing import List, Union

from typing_extensions import Annotated

from .._models import TaggedUnion
from ..types import schemas

__all__ = [
    "PhotoListEditsResponse",
]

PhotoListEditsResponse = List[
    Annotated[
        Union[schemas.Crop, schemas.Rotate, schemas.Filter],
        TaggedUnion(
            "kind",
            {"Crop": schemas.Crop, "Rotate": schemas.Rotate, "Filter": schemas.Filter},
        ),
    ]
]
