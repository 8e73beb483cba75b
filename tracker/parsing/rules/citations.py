"""Cited documents ("Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị") as data."""

from __future__ import annotations

import re

CITATION_KINDS: tuple[str, ...] = (
    "Kết luận", "Công văn", "Thông báo", "Chỉ thị", "Nghị quyết", "Quyết định", "Kế hoạch", "Công điện",
    "Hướng dẫn", "Báo cáo", "Nghị định", "Thông tư", "Quy định", "Điện", "Văn bản", "Luật",
)
CITATION_PATTERN = (
    r"(?P<kind>" + "|".join(CITATION_KINDS) + r")\s+(?:số\s+)?(?P<number>\d+[\w/.\-]*[\w])"
    r"(?:\s*,?\s*ngày\s+(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})\s*[/-]\s*(?P<y>\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>[^,;.()\n]+?))?(?=\s+(?:về|và|đã|tại|theo)\b|[,;.()\n]|$)"
)
CITATION = re.compile(CITATION_PATTERN)
CITATION_EXAMPLE = ("đặc biệt là Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị và Công văn số 215-CV/TU",
                    ("Kết luận", "07-KL/TW", "2021-06-11", "Bộ Chính trị"))
