"""Transitional: the award kinds of the 2025 plan, still read by awards/receivers.py.

The campaigns part of the plan now lives in ``plan/2025/campaigns.toml``. The
awards app moves these rows into ``plan/2025/awards.toml``; this file goes
once awards reads them from there.
"""

# Plan IV.3–IV.4: the award kinds and the commune certificate's quota.
AWARD_KINDS = [
    {
        "code": "giay_khen_xa",
        "name": "Giấy khen của Chủ tịch UBND xã",
        "deadline_bound": True,
        "quota_collective": 2,
        "quota_individual": 3,
        "position": 1,
    },
    {
        "code": "bang_khen_tinh",
        "name": "Bằng khen của Chủ tịch UBND tỉnh",
        "deadline_bound": True,
        "quota_collective": None,
        "quota_individual": None,
        "position": 2,
    },
    {
        "code": "dot_xuat",
        "name": "Khen thưởng đột xuất",
        "deadline_bound": False,
        "quota_collective": None,
        "quota_individual": None,
        "position": 3,
    },
]
