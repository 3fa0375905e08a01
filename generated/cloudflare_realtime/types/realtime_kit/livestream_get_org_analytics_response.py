from __future__ import annotations

from typing import List, Optional

from ..._models import BaseModel

__all__ = [
    "DataRecordingStatsDayStat",
    "DataRecordingStats",
    "DataSessionStatsDayStat",
    "DataSessionStats",
    "Data",
    "LivestreamGetOrgAnalyticsResponse",
]


class DataRecordingStatsDayStat(BaseModel):
    day: Optional[str] = None
    total_recording_minutes: Optional[int] = None
    total_recordings: Optional[int] = None


class DataRecordingStats(BaseModel):
    day_stats: Optional[List[DataRecordingStatsDayStat]] = None
    recording_count: Optional[int] = None
    recording_minutes_consumed: Optional[float] = None


class DataSessionStatsDayStat(BaseModel):
    day: Optional[str] = None
    total_session_minutes: Optional[int] = None
    total_sessions: Optional[int] = None


class DataSessionStats(BaseModel):
    day_stats: Optional[List[DataSessionStatsDayStat]] = None
    sessions_count: Optional[int] = None
    sessions_minutes_consumed: Optional[float] = None


class Data(BaseModel):
    recording_stats: Optional[DataRecordingStats] = None
    session_stats: Optional[DataSessionStats] = None


class LivestreamGetOrgAnalyticsResponse(BaseModel):
    data: Optional[Data] = None
    success: Optional[bool] = None
