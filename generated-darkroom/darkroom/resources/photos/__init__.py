"""The `photos` resource: explore_photos, list_photos, upload_photo, get_photo, update_photo, delete_photo, get_original, get_exif, download_photo, list_edits."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional, Sequence, Union

from ..._base_client import (
    AsyncAPIClient,
    LazyAdapter,
    RequestOptions,
    Styled,
    SyncAPIClient,
    encode_path,
    model_parser,
    parse_bytes,
    parse_nothing,
    parse_text,
)
from ..._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Query, Timeout
from ...types.photo_explore_photos_response import PhotoExplorePhotosResponse
from ...types.photo_get_photo_response import PhotoGetPhotoResponse
from ...types.photo_list_edits_response import PhotoListEditsResponse
from ...types.photo_list_photos_response import PhotoListPhotosResponse
from ...types.photo_update_photo_response import PhotoUpdatePhotoResponse
from ...types.photo_upload_photo_response import PhotoUploadPhotoResponse

__all__ = ["PhotosResource", "AsyncPhotosResource"]


def _explore_photos_request(
    *,
    license_: Union[
        Sequence[Literal["all-rights-reserved", "cc-by", "cc-by-sa", "cc0"]], NotGiven
    ] = NOT_GIVEN,
    cursor: Union[str, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path="/explore",
        query={
            "license": Styled(license_, "form", False),
            "cursor": cursor,
        },
        security=(),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_explore_photos_parse = model_parser(PhotoExplorePhotosResponse)


def _list_photos_request(
    *,
    visibility: Union[Literal["public", "unlisted", "private"], NotGiven] = NOT_GIVEN,
    sort: Union[
        Literal["uploaded_at", "-uploaded_at", "taken_at", "-taken_at"], NotGiven
    ] = NOT_GIVEN,
    cursor: Union[str, NotGiven] = NOT_GIVEN,
    per_page: Union[int, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path="/photos",
        query={
            "visibility": visibility,
            "sort": sort,
            "cursor": cursor,
            "per_page": per_page,
        },
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_list_photos_parse = model_parser(PhotoListPhotosResponse)


def _upload_photo_request(
    *,
    file: FileTypes,
    idempotency_key_: Union[str, NotGiven] = NOT_GIVEN,
    title: Union[str, NotGiven] = NOT_GIVEN,
    visibility: Union[Literal["public", "unlisted", "private"], NotGiven] = NOT_GIVEN,
    tags: Union[Sequence[str], NotGiven] = NOT_GIVEN,
    album_id: Union[str, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="POST",
        path="/photos",
        headers={
            "Idempotency-Key": idempotency_key_,
        },
        body={
            "file": file,
            "title": title,
            "visibility": visibility,
            "tags": tags,
            "album_id": album_id,
        },
        body_encoding="multipart",
        content_type="multipart/form-data",
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_upload_photo_parse = model_parser(PhotoUploadPhotoResponse)


def _get_photo_request(
    photo_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/photos/{photo_id}",
            {
                "photo_id": photo_id,
            },
        ),
        security=(
            (),
            ("api_key",),
            ("session_cookie",),
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_photo_parse = model_parser(PhotoGetPhotoResponse)


def _update_photo_request(
    photo_id: str,
    *,
    title: Union[str, NotGiven] = NOT_GIVEN,
    description: Union[Optional[str], NotGiven] = NOT_GIVEN,
    visibility: Union[Literal["public", "unlisted", "private"], NotGiven] = NOT_GIVEN,
    taken_at: Union[Optional[Union[str, datetime]], NotGiven] = NOT_GIVEN,
    rotation: Union[Literal[0, 90, 180, 270], NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="PATCH",
        path=encode_path(
            "/photos/{photo_id}",
            {
                "photo_id": photo_id,
            },
        ),
        body={
            "title": title,
            "description": description,
            "visibility": visibility,
            "taken_at": taken_at,
            "rotation": rotation,
        },
        body_encoding="json",
        content_type="application/json",
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_update_photo_parse = model_parser(PhotoUpdatePhotoResponse)


def _delete_photo_request(
    photo_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="DELETE",
        path=encode_path(
            "/photos/{photo_id}",
            {
                "photo_id": photo_id,
            },
        ),
        accept="*/*",
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_delete_photo_parse = parse_nothing


def _get_original_request(
    photo_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/photos/{photo_id}/original",
            {
                "photo_id": photo_id,
            },
        ),
        accept="application/octet-stream",
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_original_parse = parse_bytes


def _get_exif_request(
    photo_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/photos/{photo_id}/exif",
            {
                "photo_id": photo_id,
            },
        ),
        accept="text/plain",
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_exif_parse = parse_text


def _download_photo_request(
    photo_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/photos/{photo_id}/download",
            {
                "photo_id": photo_id,
            },
        ),
        accept="*/*",
        redirect_is_result=True,
        security=(("download_key",),),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_download_photo_parse = parse_nothing


def _list_edits_request(
    photo_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/photos/{photo_id}/edits",
            {
                "photo_id": photo_id,
            },
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_list_edits_parse: LazyAdapter[PhotoListEditsResponse] = LazyAdapter(
    PhotoListEditsResponse
)


class PhotosResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def explore_photos(
        self,
        *,
        license_: Union[
            Sequence[Literal["all-rights-reserved", "cc-by", "cc-by-sa", "cc0"]],
            NotGiven,
        ] = NOT_GIVEN,
        cursor: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoExplorePhotosResponse:
        """Explore public photos

        Public photos, most recent first. Needs no credentials.

        Args:
            license_: Only photos under these licenses.
            cursor: Where the page starts: a `next_cursor` from the page before.
        """
        return self._client.request(
            _explore_photos_request(
                license_=license_,
                cursor=cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _explore_photos_parse,
        )

    def list_photos(
        self,
        *,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        sort: Union[
            Literal["uploaded_at", "-uploaded_at", "taken_at", "-taken_at"], NotGiven
        ] = NOT_GIVEN,
        cursor: Union[str, NotGiven] = NOT_GIVEN,
        per_page: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoListPhotosResponse:
        """List your photos

        Args:
            visibility: Only photos with this visibility.
            sort:
            cursor: Where the page starts: a `next_cursor` from the page before.
            per_page:
        """
        return self._client.request(
            _list_photos_request(
                visibility=visibility,
                sort=sort,
                cursor=cursor,
                per_page=per_page,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _list_photos_parse,
        )

    def upload_photo(
        self,
        *,
        file: FileTypes,
        idempotency_key_: Union[str, NotGiven] = NOT_GIVEN,
        title: Union[str, NotGiven] = NOT_GIVEN,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        tags: Union[Sequence[str], NotGiven] = NOT_GIVEN,
        album_id: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoUploadPhotoResponse:
        """Upload a photo

        Uploads an original (JPEG, PNG, HEIC or a raw format) with its details.

        Args:
            file: The original image.
            idempotency_key_: Repeating an upload with the same key returns the first photo.
            title:
            visibility: Who can see it. Unlisted photos can be opened by anyone with the link.
            tags:
            album_id: Put the photo in this album.
        """
        return self._client.request(
            _upload_photo_request(
                file=file,
                idempotency_key_=idempotency_key_,
                title=title,
                visibility=visibility,
                tags=tags,
                album_id=album_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _upload_photo_parse,
        )

    def get_photo(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoGetPhotoResponse:
        """Get a photo

        Public photos can be read without credentials; others need the owner's.

        Args:
            photo_id:
        """
        return self._client.request(
            _get_photo_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_photo_parse,
        )

    def update_photo(
        self,
        photo_id: str,
        *,
        title: Union[str, NotGiven] = NOT_GIVEN,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        taken_at: Union[Optional[Union[str, datetime]], NotGiven] = NOT_GIVEN,
        rotation: Union[Literal[0, 90, 180, 270], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoUpdatePhotoResponse:
        """Update a photo

        Changes the fields that are sent. Send `null` to clear a description or a date.

        Args:
            photo_id:
            title:
            description:
            visibility: Who can see it. Unlisted photos can be opened by anyone with the link.
            taken_at:
            rotation: Clockwise rotation in degrees, applied when the photo is shown.
        """
        return self._client.request(
            _update_photo_request(
                photo_id=photo_id,
                title=title,
                description=description,
                visibility=visibility,
                taken_at=taken_at,
                rotation=rotation,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _update_photo_parse,
        )

    def delete_photo(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Delete a photo

        Deletes the photo and its original. This cannot be undone.

        Args:
            photo_id:
        """
        return self._client.request(
            _delete_photo_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _delete_photo_parse,
        )

    def get_original(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> bytes:
        """Download the original

        The original file, as uploaded.

        Args:
            photo_id:
        """
        return self._client.request(
            _get_original_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_original_parse,
        )

    def get_exif(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> str:
        """Read the EXIF data

        The original's EXIF tags, one `Name: value` line each.

        Args:
            photo_id:
        """
        return self._client.request(
            _get_exif_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_exif_parse,
        )

    def download_photo(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Open a download link

        Redirects to a signed, short-lived URL of the original. The key goes in the query, so the link works when pasted into a browser.

        Args:
            photo_id:
        """
        return self._client.request(
            _download_photo_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _download_photo_parse,
        )

    def list_edits(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoListEditsResponse:
        """List a photo's edits

        The edits applied to the original, in the order they are applied.

        Args:
            photo_id:
        """
        return self._client.request(
            _list_edits_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _list_edits_parse,
        )


class AsyncPhotosResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def explore_photos(
        self,
        *,
        license_: Union[
            Sequence[Literal["all-rights-reserved", "cc-by", "cc-by-sa", "cc0"]],
            NotGiven,
        ] = NOT_GIVEN,
        cursor: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoExplorePhotosResponse:
        """Explore public photos

        Public photos, most recent first. Needs no credentials.

        Args:
            license_: Only photos under these licenses.
            cursor: Where the page starts: a `next_cursor` from the page before.
        """
        return await self._client.request(
            _explore_photos_request(
                license_=license_,
                cursor=cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _explore_photos_parse,
        )

    async def list_photos(
        self,
        *,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        sort: Union[
            Literal["uploaded_at", "-uploaded_at", "taken_at", "-taken_at"], NotGiven
        ] = NOT_GIVEN,
        cursor: Union[str, NotGiven] = NOT_GIVEN,
        per_page: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoListPhotosResponse:
        """List your photos

        Args:
            visibility: Only photos with this visibility.
            sort:
            cursor: Where the page starts: a `next_cursor` from the page before.
            per_page:
        """
        return await self._client.request(
            _list_photos_request(
                visibility=visibility,
                sort=sort,
                cursor=cursor,
                per_page=per_page,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _list_photos_parse,
        )

    async def upload_photo(
        self,
        *,
        file: FileTypes,
        idempotency_key_: Union[str, NotGiven] = NOT_GIVEN,
        title: Union[str, NotGiven] = NOT_GIVEN,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        tags: Union[Sequence[str], NotGiven] = NOT_GIVEN,
        album_id: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoUploadPhotoResponse:
        """Upload a photo

        Uploads an original (JPEG, PNG, HEIC or a raw format) with its details.

        Args:
            file: The original image.
            idempotency_key_: Repeating an upload with the same key returns the first photo.
            title:
            visibility: Who can see it. Unlisted photos can be opened by anyone with the link.
            tags:
            album_id: Put the photo in this album.
        """
        return await self._client.request(
            _upload_photo_request(
                file=file,
                idempotency_key_=idempotency_key_,
                title=title,
                visibility=visibility,
                tags=tags,
                album_id=album_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _upload_photo_parse,
        )

    async def get_photo(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoGetPhotoResponse:
        """Get a photo

        Public photos can be read without credentials; others need the owner's.

        Args:
            photo_id:
        """
        return await self._client.request(
            _get_photo_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_photo_parse,
        )

    async def update_photo(
        self,
        photo_id: str,
        *,
        title: Union[str, NotGiven] = NOT_GIVEN,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        visibility: Union[
            Literal["public", "unlisted", "private"], NotGiven
        ] = NOT_GIVEN,
        taken_at: Union[Optional[Union[str, datetime]], NotGiven] = NOT_GIVEN,
        rotation: Union[Literal[0, 90, 180, 270], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoUpdatePhotoResponse:
        """Update a photo

        Changes the fields that are sent. Send `null` to clear a description or a date.

        Args:
            photo_id:
            title:
            description:
            visibility: Who can see it. Unlisted photos can be opened by anyone with the link.
            taken_at:
            rotation: Clockwise rotation in degrees, applied when the photo is shown.
        """
        return await self._client.request(
            _update_photo_request(
                photo_id=photo_id,
                title=title,
                description=description,
                visibility=visibility,
                taken_at=taken_at,
                rotation=rotation,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _update_photo_parse,
        )

    async def delete_photo(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Delete a photo

        Deletes the photo and its original. This cannot be undone.

        Args:
            photo_id:
        """
        return await self._client.request(
            _delete_photo_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _delete_photo_parse,
        )

    async def get_original(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> bytes:
        """Download the original

        The original file, as uploaded.

        Args:
            photo_id:
        """
        return await self._client.request(
            _get_original_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_original_parse,
        )

    async def get_exif(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> str:
        """Read the EXIF data

        The original's EXIF tags, one `Name: value` line each.

        Args:
            photo_id:
        """
        return await self._client.request(
            _get_exif_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_exif_parse,
        )

    async def download_photo(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Open a download link

        Redirects to a signed, short-lived URL of the original. The key goes in the query, so the link works when pasted into a browser.

        Args:
            photo_id:
        """
        return await self._client.request(
            _download_photo_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _download_photo_parse,
        )

    async def list_edits(
        self,
        photo_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PhotoListEditsResponse:
        """List a photo's edits

        The edits applied to the original, in the order they are applied.

        Args:
            photo_id:
        """
        return await self._client.request(
            _list_edits_request(
                photo_id=photo_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _list_edits_parse,
        )
