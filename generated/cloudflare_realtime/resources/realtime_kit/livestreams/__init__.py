"""The `realtime_kit.livestreams` resource: start_livestreaming_a_meeting, stop_livestreaming_a_meeting, get_all_livestreams, get_meeting_active_livestreams, get_livestream_session_for_livestream_id, get_active_livestreams_for_livestream_id, get_livestream_session_details_for_session_id, get_livestream_analytics_complete, get_livestream_analytics_daywise, get_org_analytics."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional, Union

from ...._base_client import (
    AsyncAPIClient,
    RequestOptions,
    SyncAPIClient,
    encode_path,
    model_parser,
)
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.realtime_kit import livestream_start_livestreaming_a_meeting_params
from ....types.realtime_kit.livestream_get_active_livestreams_for_livestream_id_response import (
    LivestreamGetActiveLivestreamsForLivestreamIdResponse,
)
from ....types.realtime_kit.livestream_get_all_livestreams_response import (
    LivestreamGetAllLivestreamsResponse,
)
from ....types.realtime_kit.livestream_get_livestream_analytics_complete_response import (
    LivestreamGetLivestreamAnalyticsCompleteResponse,
)
from ....types.realtime_kit.livestream_get_livestream_analytics_daywise_response import (
    LivestreamGetLivestreamAnalyticsDaywiseResponse,
)
from ....types.realtime_kit.livestream_get_livestream_session_details_for_session_id_response import (
    LivestreamGetLivestreamSessionDetailsForSessionIdResponse,
)
from ....types.realtime_kit.livestream_get_livestream_session_for_livestream_id_response import (
    LivestreamGetLivestreamSessionForLivestreamIdResponse,
)
from ....types.realtime_kit.livestream_get_meeting_active_livestreams_response import (
    LivestreamGetMeetingActiveLivestreamsResponse,
)
from ....types.realtime_kit.livestream_get_org_analytics_response import (
    LivestreamGetOrgAnalyticsResponse,
)
from ....types.realtime_kit.livestream_start_livestreaming_a_meeting_response import (
    LivestreamStartLivestreamingAMeetingResponse,
)
from ....types.realtime_kit.livestream_stop_livestreaming_a_meeting_response import (
    LivestreamStopLivestreamingAMeetingResponse,
)

__all__ = ["RealtimeKitLivestreamsResource", "AsyncRealtimeKitLivestreamsResource"]


def _start_livestreaming_a_meeting_request(
    meeting_id: str,
    *,
    account_id: str,
    app_id: str,
    name: Union[Optional[str], NotGiven] = NOT_GIVEN,
    video_config: Union[
        livestream_start_livestreaming_a_meeting_params.VideoConfig, NotGiven
    ] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="POST",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/livestreams",
            {
                "meeting_id": meeting_id,
                "account_id": account_id,
                "app_id": app_id,
            },
        ),
        body={
            "name": name,
            "video_config": video_config,
        },
        body_encoding="json",
        content_type="application/json",
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_start_livestreaming_a_meeting_parse = model_parser(
    LivestreamStartLivestreamingAMeetingResponse
)


def _stop_livestreaming_a_meeting_request(
    meeting_id: str,
    *,
    account_id: str,
    app_id: str,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="POST",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/active-livestream/stop",
            {
                "meeting_id": meeting_id,
                "account_id": account_id,
                "app_id": app_id,
            },
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_stop_livestreaming_a_meeting_parse = model_parser(
    LivestreamStopLivestreamingAMeetingResponse
)


def _get_all_livestreams_request(
    app_id: str,
    *,
    account_id: str,
    exclude_meetings: Union[bool, NotGiven] = NOT_GIVEN,
    per_page: Union[int, NotGiven] = NOT_GIVEN,
    page_no: Union[int, NotGiven] = NOT_GIVEN,
    status: Union[Literal["LIVE", "IDLE", "ERRORED", "INVOKED"], NotGiven] = NOT_GIVEN,
    start_time: Union[Union[str, datetime], NotGiven] = NOT_GIVEN,
    end_time: Union[Union[str, datetime], NotGiven] = NOT_GIVEN,
    sort_order: Union[Literal["ASC", "DSC"], NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/livestreams",
            {
                "app_id": app_id,
                "account_id": account_id,
            },
        ),
        query={
            "exclude_meetings": exclude_meetings,
            "per_page": per_page,
            "page_no": page_no,
            "status": status,
            "start_time": start_time,
            "end_time": end_time,
            "sort_order": sort_order,
        },
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_all_livestreams_parse = model_parser(LivestreamGetAllLivestreamsResponse)


def _get_meeting_active_livestreams_request(
    meeting_id: str,
    *,
    account_id: str,
    app_id: str,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/active-livestream",
            {
                "meeting_id": meeting_id,
                "account_id": account_id,
                "app_id": app_id,
            },
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_meeting_active_livestreams_parse = model_parser(
    LivestreamGetMeetingActiveLivestreamsResponse
)


def _get_livestream_session_for_livestream_id_request(
    livestream_id: str,
    *,
    account_id: str,
    app_id: str,
    page_no: Union[int, NotGiven] = NOT_GIVEN,
    per_page: Union[int, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/livestreams/{livestream_id}",
            {
                "livestream_id": livestream_id,
                "account_id": account_id,
                "app_id": app_id,
            },
        ),
        query={
            "page_no": page_no,
            "per_page": per_page,
        },
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_livestream_session_for_livestream_id_parse = model_parser(
    LivestreamGetLivestreamSessionForLivestreamIdResponse
)


def _get_active_livestreams_for_livestream_id_request(
    livestream_id: str,
    *,
    account_id: str,
    app_id: str,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/livestreams/{livestream_id}/active-livestream-session",
            {
                "livestream_id": livestream_id,
                "account_id": account_id,
                "app_id": app_id,
            },
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_active_livestreams_for_livestream_id_parse = model_parser(
    LivestreamGetActiveLivestreamsForLivestreamIdResponse
)


def _get_livestream_session_details_for_session_id_request(
    livestream_session_id: str,
    *,
    account_id: str,
    app_id: str,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/livestreams/sessions/{livestream-session-id}",
            {
                "livestream-session-id": livestream_session_id,
                "account_id": account_id,
                "app_id": app_id,
            },
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_livestream_session_details_for_session_id_parse = model_parser(
    LivestreamGetLivestreamSessionDetailsForSessionIdResponse
)


def _get_livestream_analytics_complete_request(
    app_id: str,
    *,
    account_id: str,
    start_time: Union[int, NotGiven] = NOT_GIVEN,
    end_time: Union[int, NotGiven] = NOT_GIVEN,
    filters: Union[str, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/analytics/livestreams/overall",
            {
                "app_id": app_id,
                "account_id": account_id,
            },
        ),
        query={
            "start_time": start_time,
            "end_time": end_time,
            "filters": filters,
        },
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_livestream_analytics_complete_parse = model_parser(
    LivestreamGetLivestreamAnalyticsCompleteResponse
)


def _get_livestream_analytics_daywise_request(
    app_id: str,
    *,
    account_id: str,
    start_time: Union[int, NotGiven] = NOT_GIVEN,
    end_time: Union[int, NotGiven] = NOT_GIVEN,
    filters: Union[str, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/analytics/livestreams/daywise",
            {
                "app_id": app_id,
                "account_id": account_id,
            },
        ),
        query={
            "start_time": start_time,
            "end_time": end_time,
            "filters": filters,
        },
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_livestream_analytics_daywise_parse = model_parser(
    LivestreamGetLivestreamAnalyticsDaywiseResponse
)


def _get_org_analytics_request(
    app_id: str,
    *,
    account_id: str,
    start_date: Union[str, NotGiven] = NOT_GIVEN,
    end_date: Union[str, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=encode_path(
            "/accounts/{account_id}/realtime/kit/{app_id}/analytics/daywise",
            {
                "app_id": app_id,
                "account_id": account_id,
            },
        ),
        query={
            "start_date": start_date,
            "end_date": end_date,
        },
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_org_analytics_parse = model_parser(LivestreamGetOrgAnalyticsResponse)


class RealtimeKitLivestreamsResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def start_livestreaming_a_meeting(
        self,
        meeting_id: str,
        *,
        account_id: str,
        app_id: str,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        video_config: Union[
            livestream_start_livestreaming_a_meeting_params.VideoConfig, NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamStartLivestreamingAMeetingResponse:
        """Start livestreaming a meeting

        Starts livestream of a meeting associated with the given meeting ID. Retreive the meeting ID using the Create a meeting API.

        Args:
            meeting_id:
            account_id: The account identifier tag.
            app_id: The app identifier tag.
            name:
            video_config:
        """
        return self._client.request(
            _start_livestreaming_a_meeting_request(
                meeting_id=meeting_id,
                account_id=account_id,
                app_id=app_id,
                name=name,
                video_config=video_config,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _start_livestreaming_a_meeting_parse,
        )

    def stop_livestreaming_a_meeting(
        self,
        meeting_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamStopLivestreamingAMeetingResponse:
        """Stop livestreaming a meeting

        Stops the active livestream of a meeting associated with the given meeting ID.

        Args:
            meeting_id:
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return self._client.request(
            _stop_livestreaming_a_meeting_request(
                meeting_id=meeting_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _stop_livestreaming_a_meeting_parse,
        )

    def get_all_livestreams(
        self,
        app_id: str,
        *,
        account_id: str,
        exclude_meetings: Union[bool, NotGiven] = NOT_GIVEN,
        per_page: Union[int, NotGiven] = NOT_GIVEN,
        page_no: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[
            Literal["LIVE", "IDLE", "ERRORED", "INVOKED"], NotGiven
        ] = NOT_GIVEN,
        start_time: Union[Union[str, datetime], NotGiven] = NOT_GIVEN,
        end_time: Union[Union[str, datetime], NotGiven] = NOT_GIVEN,
        sort_order: Union[Literal["ASC", "DSC"], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetAllLivestreamsResponse:
        """Get all livestreams

        Returns details of the livestreams associated with the given app ID, including livestreamed meetings unless exclude_meetings is set.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            exclude_meetings: Exclude livestreams of RealtimeKit meetings and return only livestreams created by the app.
            per_page: Number of results per page.
            page_no: The page number from which you want your page search results to be displayed.
            status: Return only livestreams with this status.
            start_time: Return only livestreams created at or after this time.
            end_time: Return only livestreams created at or before this time.
            sort_order: Sort order of the results by creation time.
        """
        return self._client.request(
            _get_all_livestreams_request(
                app_id=app_id,
                account_id=account_id,
                exclude_meetings=exclude_meetings,
                per_page=per_page,
                page_no=page_no,
                status=status,
                start_time=start_time,
                end_time=end_time,
                sort_order=sort_order,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_all_livestreams_parse,
        )

    def get_meeting_active_livestreams(
        self,
        meeting_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetMeetingActiveLivestreamsResponse:
        """Get meeting active livestreams

        Returns details of the active livestream of the meeting with the given meeting ID.

        Args:
            meeting_id:
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return self._client.request(
            _get_meeting_active_livestreams_request(
                meeting_id=meeting_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_meeting_active_livestreams_parse,
        )

    def get_livestream_session_for_livestream_id(
        self,
        livestream_id: str,
        *,
        account_id: str,
        app_id: str,
        page_no: Union[int, NotGiven] = NOT_GIVEN,
        per_page: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamSessionForLivestreamIdResponse:
        """Get livestream session for livestream ID

        Returns details of a livestream and its sessions for the given livestream ID.

        Args:
            livestream_id: The livestream ID.
            account_id: The account identifier tag.
            app_id: The app identifier tag.
            page_no: The page number from which you want your page search results to be displayed.
            per_page: Number of results per page.
        """
        return self._client.request(
            _get_livestream_session_for_livestream_id_request(
                livestream_id=livestream_id,
                account_id=account_id,
                app_id=app_id,
                page_no=page_no,
                per_page=per_page,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_session_for_livestream_id_parse,
        )

    def get_active_livestreams_for_livestream_id(
        self,
        livestream_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetActiveLivestreamsForLivestreamIdResponse:
        """Get active livestreams for livestream ID

        Returns details of the livestream and its active session for the given livestream ID.

        Args:
            livestream_id: The livestream ID.
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return self._client.request(
            _get_active_livestreams_for_livestream_id_request(
                livestream_id=livestream_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_active_livestreams_for_livestream_id_parse,
        )

    def get_livestream_session_details_for_session_id(
        self,
        livestream_session_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamSessionDetailsForSessionIdResponse:
        """Get livestream session details for session ID

        Returns details of the livestream session with the given livestream session ID.

        Args:
            livestream_session_id: The livestream session ID.
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return self._client.request(
            _get_livestream_session_details_for_session_id_request(
                livestream_session_id=livestream_session_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_session_details_for_session_id_parse,
        )

    def get_livestream_analytics_complete(
        self,
        app_id: str,
        *,
        account_id: str,
        start_time: Union[int, NotGiven] = NOT_GIVEN,
        end_time: Union[int, NotGiven] = NOT_GIVEN,
        filters: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamAnalyticsCompleteResponse:
        """Get livestream analytics complete

        Returns livestream analytics of the app for the specified time range.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            start_time: Start of the time range, in Unix seconds.
            end_time: End of the time range, in Unix seconds.
            filters: Filters applied to the analytics query.
        """
        return self._client.request(
            _get_livestream_analytics_complete_request(
                app_id=app_id,
                account_id=account_id,
                start_time=start_time,
                end_time=end_time,
                filters=filters,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_analytics_complete_parse,
        )

    def get_livestream_analytics_daywise(
        self,
        app_id: str,
        *,
        account_id: str,
        start_time: Union[int, NotGiven] = NOT_GIVEN,
        end_time: Union[int, NotGiven] = NOT_GIVEN,
        filters: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamAnalyticsDaywiseResponse:
        """Get livestream analytics daywise

        Returns livestream analytics of the app for the specified time range, broken down by day.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            start_time: Start of the time range, in Unix seconds.
            end_time: End of the time range, in Unix seconds.
            filters: Filters applied to the analytics query.
        """
        return self._client.request(
            _get_livestream_analytics_daywise_request(
                app_id=app_id,
                account_id=account_id,
                start_time=start_time,
                end_time=end_time,
                filters=filters,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_analytics_daywise_parse,
        )

    def get_org_analytics(
        self,
        app_id: str,
        *,
        account_id: str,
        start_date: Union[str, NotGiven] = NOT_GIVEN,
        end_date: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetOrgAnalyticsResponse:
        """Get org analytics

        Returns day-wise recording and session analytics of the app for the specified date range.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            start_date: Start of the date range, as YYYY-MM-DD.
            end_date: End of the date range, as YYYY-MM-DD.
        """
        return self._client.request(
            _get_org_analytics_request(
                app_id=app_id,
                account_id=account_id,
                start_date=start_date,
                end_date=end_date,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_org_analytics_parse,
        )


class AsyncRealtimeKitLivestreamsResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def start_livestreaming_a_meeting(
        self,
        meeting_id: str,
        *,
        account_id: str,
        app_id: str,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        video_config: Union[
            livestream_start_livestreaming_a_meeting_params.VideoConfig, NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamStartLivestreamingAMeetingResponse:
        """Start livestreaming a meeting

        Starts livestream of a meeting associated with the given meeting ID. Retreive the meeting ID using the Create a meeting API.

        Args:
            meeting_id:
            account_id: The account identifier tag.
            app_id: The app identifier tag.
            name:
            video_config:
        """
        return await self._client.request(
            _start_livestreaming_a_meeting_request(
                meeting_id=meeting_id,
                account_id=account_id,
                app_id=app_id,
                name=name,
                video_config=video_config,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _start_livestreaming_a_meeting_parse,
        )

    async def stop_livestreaming_a_meeting(
        self,
        meeting_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamStopLivestreamingAMeetingResponse:
        """Stop livestreaming a meeting

        Stops the active livestream of a meeting associated with the given meeting ID.

        Args:
            meeting_id:
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return await self._client.request(
            _stop_livestreaming_a_meeting_request(
                meeting_id=meeting_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _stop_livestreaming_a_meeting_parse,
        )

    async def get_all_livestreams(
        self,
        app_id: str,
        *,
        account_id: str,
        exclude_meetings: Union[bool, NotGiven] = NOT_GIVEN,
        per_page: Union[int, NotGiven] = NOT_GIVEN,
        page_no: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[
            Literal["LIVE", "IDLE", "ERRORED", "INVOKED"], NotGiven
        ] = NOT_GIVEN,
        start_time: Union[Union[str, datetime], NotGiven] = NOT_GIVEN,
        end_time: Union[Union[str, datetime], NotGiven] = NOT_GIVEN,
        sort_order: Union[Literal["ASC", "DSC"], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetAllLivestreamsResponse:
        """Get all livestreams

        Returns details of the livestreams associated with the given app ID, including livestreamed meetings unless exclude_meetings is set.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            exclude_meetings: Exclude livestreams of RealtimeKit meetings and return only livestreams created by the app.
            per_page: Number of results per page.
            page_no: The page number from which you want your page search results to be displayed.
            status: Return only livestreams with this status.
            start_time: Return only livestreams created at or after this time.
            end_time: Return only livestreams created at or before this time.
            sort_order: Sort order of the results by creation time.
        """
        return await self._client.request(
            _get_all_livestreams_request(
                app_id=app_id,
                account_id=account_id,
                exclude_meetings=exclude_meetings,
                per_page=per_page,
                page_no=page_no,
                status=status,
                start_time=start_time,
                end_time=end_time,
                sort_order=sort_order,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_all_livestreams_parse,
        )

    async def get_meeting_active_livestreams(
        self,
        meeting_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetMeetingActiveLivestreamsResponse:
        """Get meeting active livestreams

        Returns details of the active livestream of the meeting with the given meeting ID.

        Args:
            meeting_id:
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return await self._client.request(
            _get_meeting_active_livestreams_request(
                meeting_id=meeting_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_meeting_active_livestreams_parse,
        )

    async def get_livestream_session_for_livestream_id(
        self,
        livestream_id: str,
        *,
        account_id: str,
        app_id: str,
        page_no: Union[int, NotGiven] = NOT_GIVEN,
        per_page: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamSessionForLivestreamIdResponse:
        """Get livestream session for livestream ID

        Returns details of a livestream and its sessions for the given livestream ID.

        Args:
            livestream_id: The livestream ID.
            account_id: The account identifier tag.
            app_id: The app identifier tag.
            page_no: The page number from which you want your page search results to be displayed.
            per_page: Number of results per page.
        """
        return await self._client.request(
            _get_livestream_session_for_livestream_id_request(
                livestream_id=livestream_id,
                account_id=account_id,
                app_id=app_id,
                page_no=page_no,
                per_page=per_page,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_session_for_livestream_id_parse,
        )

    async def get_active_livestreams_for_livestream_id(
        self,
        livestream_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetActiveLivestreamsForLivestreamIdResponse:
        """Get active livestreams for livestream ID

        Returns details of the livestream and its active session for the given livestream ID.

        Args:
            livestream_id: The livestream ID.
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return await self._client.request(
            _get_active_livestreams_for_livestream_id_request(
                livestream_id=livestream_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_active_livestreams_for_livestream_id_parse,
        )

    async def get_livestream_session_details_for_session_id(
        self,
        livestream_session_id: str,
        *,
        account_id: str,
        app_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamSessionDetailsForSessionIdResponse:
        """Get livestream session details for session ID

        Returns details of the livestream session with the given livestream session ID.

        Args:
            livestream_session_id: The livestream session ID.
            account_id: The account identifier tag.
            app_id: The app identifier tag.
        """
        return await self._client.request(
            _get_livestream_session_details_for_session_id_request(
                livestream_session_id=livestream_session_id,
                account_id=account_id,
                app_id=app_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_session_details_for_session_id_parse,
        )

    async def get_livestream_analytics_complete(
        self,
        app_id: str,
        *,
        account_id: str,
        start_time: Union[int, NotGiven] = NOT_GIVEN,
        end_time: Union[int, NotGiven] = NOT_GIVEN,
        filters: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamAnalyticsCompleteResponse:
        """Get livestream analytics complete

        Returns livestream analytics of the app for the specified time range.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            start_time: Start of the time range, in Unix seconds.
            end_time: End of the time range, in Unix seconds.
            filters: Filters applied to the analytics query.
        """
        return await self._client.request(
            _get_livestream_analytics_complete_request(
                app_id=app_id,
                account_id=account_id,
                start_time=start_time,
                end_time=end_time,
                filters=filters,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_analytics_complete_parse,
        )

    async def get_livestream_analytics_daywise(
        self,
        app_id: str,
        *,
        account_id: str,
        start_time: Union[int, NotGiven] = NOT_GIVEN,
        end_time: Union[int, NotGiven] = NOT_GIVEN,
        filters: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetLivestreamAnalyticsDaywiseResponse:
        """Get livestream analytics daywise

        Returns livestream analytics of the app for the specified time range, broken down by day.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            start_time: Start of the time range, in Unix seconds.
            end_time: End of the time range, in Unix seconds.
            filters: Filters applied to the analytics query.
        """
        return await self._client.request(
            _get_livestream_analytics_daywise_request(
                app_id=app_id,
                account_id=account_id,
                start_time=start_time,
                end_time=end_time,
                filters=filters,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_livestream_analytics_daywise_parse,
        )

    async def get_org_analytics(
        self,
        app_id: str,
        *,
        account_id: str,
        start_date: Union[str, NotGiven] = NOT_GIVEN,
        end_date: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> LivestreamGetOrgAnalyticsResponse:
        """Get org analytics

        Returns day-wise recording and session analytics of the app for the specified date range.

        Args:
            app_id: The app identifier tag.
            account_id: The account identifier tag.
            start_date: Start of the date range, as YYYY-MM-DD.
            end_date: End of the date range, as YYYY-MM-DD.
        """
        return await self._client.request(
            _get_org_analytics_request(
                app_id=app_id,
                account_id=account_id,
                start_date=start_date,
                end_date=end_date,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_org_analytics_parse,
        )
