"""The `albums` resource: create_album, get_album."""

from __future__ import annotations

from typing import Literal, Optional, Union

from ..._base_client import (
    AsyncAPIClient,
    RequestOptions,
    SyncAPIClient,
    encode_path,
    model_parser,
)
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types.album_create_album_response import AlbumCreateAlbumResponse
from ...types.album_get_album_response import AlbumGetAlbumResponse

__all__ = ["AlbumsResource", "AsyncAlbumsResource"]


def _create_album_request(
    *,
    title: str,
    parent_id: Union[Optional[str], NotGiven] = NOT_GIVEN,
    visibility: Union[Literal["public", "unlisted", "private"], NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="POST",
        path="/albums",
        body={
            "title": title,
            "parent_id": parent_id,
            "visibility": visibility,
        },
        body_encoding="json",
        content_type="application/json",
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_create_album_parse = model_parser(AlbumCreateAlbumResponse)


def _get_album_request(
    album_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/albums/{album_id}",
            {
                "album_id": album_id,
            },
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_album_parse = model_parser(AlbumGetAlbumResponse)


class AlbumsResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create_album(
        self,
        *,
        title: str,
        parent_id: Union[Optional[str], NotGiven] = NOT_GIVEN,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AlbumCreateAlbumResponse:
        """Create an album

        Args:
            title:
            parent_id: The album to nest this one in; a top-level album when null.
            visibility: Who can see it. Unlisted photos can be opened by anyone with the link.
        """
        return self._client.request(
            _create_album_request(
                title=title,
                parent_id=parent_id,
                visibility=visibility,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _create_album_parse,
        )

    def get_album(
        self,
        album_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AlbumGetAlbumResponse:
        """Get an album

        The album with its photos' ids and, recursively, the albums inside it.

        Args:
            album_id:
        """
        return self._client.request(
            _get_album_request(
                album_id=album_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_album_parse,
        )


class AsyncAlbumsResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create_album(
        self,
        *,
        title: str,
        parent_id: Union[Optional[str], NotGiven] = NOT_GIVEN,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AlbumCreateAlbumResponse:
        """Create an album

        Args:
            title:
            parent_id: The album to nest this one in; a top-level album when null.
            visibility: Who can see it. Unlisted photos can be opened by anyone with the link.
        """
        return await self._client.request(
            _create_album_request(
                title=title,
                parent_id=parent_id,
                visibility=visibility,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _create_album_parse,
        )

    async def get_album(
        self,
        album_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AlbumGetAlbumResponse:
        """Get an album

        The album with its photos' ids and, recursively, the albums inside it.

        Args:
            album_id:
        """
        return await self._client.request(
            _get_album_request(
                album_id=album_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_album_parse,
        )
