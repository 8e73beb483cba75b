"""Deterministic corpus of realistic directives and event histories for the benchmarks.

The documents follow the structure of the samples in ``sample_docs/`` (header with issuer, number,
place-and-date line and "V/v" subject; a "Kính gửi" list; an introducing sentence; numbered items
naming responsible bodies, some with dash sub-items; deadline phrases and recurrence; closing sentence,
"Nơi nhận", signature block) with varied numbers, dates, issuers, bodies, item counts and phrases.

    python bench/corpus.py --size office --out bench/out/office   # writes .txt files
    from bench.corpus import generate_documents, SIZES

Sizes: ``office`` = 2,000 directives (~50,000 tasks, 250,000 events), ``large`` = 40,000 directives
(~1,000,000 tasks). Same seed, same corpus. Event histories for the imported tasks (progress, done,
confirmations, extensions: ~5 events per task) come from ``bench/events.py`` (``add_histories``).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SIZES = {"tiny": 50, "small": 200, "office": 2_000, "large": 40_000}
EVENTS_PER_TASK = 5  # office: 50,000 tasks -> ~250,000 events

PROVINCES = [
    "Tây Ninh", "Đắk Nông", "Hưng Yên", "Vĩnh Phúc", "Quảng Ninh", "Nghệ An", "Thanh Hóa", "Bình Định",
    "Lâm Đồng", "Cà Mau", "Sóc Trăng", "Lào Cai", "Hà Giang", "Phú Thọ", "Bắc Ninh", "Kiên Giang",
]
ISSUERS = [
    # (header line, number suffix, document type line or None, signing authority, title)
    ("TỈNH ỦY {P}", "CV/TU", None, "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"),
    ("ỦY BAN NHÂN DÂN\nTỈNH {P}", "UBND-KGVX", None, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("TỈNH ỦY {P}", "TB/TU", "THÔNG BÁO", "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"),
    ("ỦY BAN NHÂN DÂN\nTỈNH {P}", "CT-UBND", "CHỈ THỊ", "T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
]
BODIES = [
    "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông",
    "Sở Giáo dục và Đào tạo", "Sở Lao động, Thương binh và Xã hội", "Sở Giao thông vận tải",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường", "Sở Xây dựng",
    "Sở Công Thương", "Sở Nội vụ", "Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch",
    "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
    "Văn phòng Ủy ban nhân dân tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
    "Báo {P}", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh",
    "Ban Chỉ đạo phòng, chống dịch bệnh tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh",
]
ACTIONS = [
    "tăng cường công tác tuyên truyền, phổ biến các chủ trương, chính sách của Đảng và Nhà nước",
    "rà soát, xây dựng phương án, kịch bản cụ thể để ứng phó với tình hình mới trên địa bàn",
    "chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện, bảo đảm tiến độ đề ra",
    "kiểm tra, đôn đốc các cơ quan, đơn vị triển khai thực hiện nghiêm túc các văn bản chỉ đạo",
    "tổng hợp kết quả thực hiện, đề xuất giải pháp tháo gỡ khó khăn, vướng mắc",
    "bố trí kinh phí, nhân lực, trang thiết bị bảo đảm thực hiện nhiệm vụ được giao",
    "hướng dẫn các địa phương triển khai thực hiện đúng quy định, không để chậm trễ",
    "chuẩn bị sẵn sàng nhân lực, vật lực đáp ứng yêu cầu trong mọi tình huống",
    "phối hợp với các cơ quan liên quan giải quyết dứt điểm các kiến nghị của cử tri",
    "đẩy nhanh tiến độ giải ngân vốn đầu tư công, bảo đảm chất lượng công trình",
]
DEADLINES = [
    "", "", "", "",  # most items have no deadline phrase
    "; hoàn thành trước ngày {d}/{m}/{y}",
    "; báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày {d}/{m}",
    "; thời gian hoàn thành trong {n} ngày",
    "; hoàn thành trong tháng {m}",
    "; hoàn thành trong quý {q}/{y}",
    "; xong trước ngày {d} tháng {m} năm {y}",
    "; định kỳ báo cáo hằng tháng",
    "; báo cáo kết quả hằng tuần",
    "; báo cáo hàng ngày về Ban Chỉ đạo",
]
OPENERS = ["", "", "Khẩn trương ", "Thường xuyên ", "Tiếp tục ", "Chủ động "]
ROMAN_QUARTERS = ["I", "II", "III", "IV"]


@dataclass(frozen=True)
class GeneratedDocument:
    name: str
    text: str
    issue_date: date
    task_estimate: int  # bodies x leaf items


def _body(rng: random.Random, province: str) -> str:
    return rng.choice(BODIES).replace("{P}", province)


def _wrap(text: str, width: int = 45) -> list[str]:
    """A header line broken as the samples break it (the subject under "V/v" runs over a few short
    lines of the left header column, never one long line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _deadline_phrase(rng: random.Random, issue: date) -> str:
    template = rng.choice(DEADLINES)
    due = issue + timedelta(days=rng.randint(5, 120))
    return template.format(d=due.day, m=due.month, y=due.year, n=rng.choice([5, 7, 10, 15, 30]),
                           q=ROMAN_QUARTERS[(due.month - 1) // 3])


def generate_document(index: int, seed: int = 2021) -> GeneratedDocument:
    """The ``index``-th document of the corpus (pure: same index and seed, same text)."""
    rng = random.Random(seed * 1_000_003 + index)
    province = rng.choice(PROVINCES)
    header, suffix, type_line, authority, title = rng.choice(ISSUERS)
    issue = date(2019, 1, 1) + timedelta(days=rng.randint(0, 365 * 6))
    number = f"{rng.randint(1, 9999)}{'-' if suffix.endswith('/TU') or suffix.startswith(('CV', 'TB')) else '/'}{suffix}"
    subject = rng.choice(ACTIONS)
    lines = [header.replace("{P}", province.upper()), "", f"Số: {number}", ""]
    if type_line:
        lines += [type_line, *_wrap(subject[0].upper() + subject[1:]), ""]
    else:
        lines += [*_wrap(f"V/v {subject}"), ""]
    lines += [f"{province}, ngày {issue.day:02d} tháng {issue.month} năm {issue.year}", ""]
    recipients = sorted({_body(rng, province) for _ in range(rng.randint(2, 4))})
    lines += ["Kính gửi:"] + [f"- {r}," for r in recipients] + [""]
    lines += ["Để triển khai thực hiện có hiệu quả nhiệm vụ trong thời gian tới, yêu cầu các cơ quan, "
              "đơn vị thực hiện tốt một số nội dung sau:", ""]
    tasks = 0
    for number_item in range(1, rng.randint(4, 10) + 1):
        bodies = sorted({_body(rng, province) for _ in range(rng.randint(1, 4))})
        action = rng.choice(ACTIONS)
        if rng.random() < 0.2:
            lines += [f"{number_item}. {', '.join(bodies)}:", ""]
            for _ in range(rng.randint(2, 4)):
                opener = rng.choice(OPENERS)
                sub = rng.choice(ACTIONS)
                sub = (opener + sub) if opener else sub[0].upper() + sub[1:]
                lines += [f"- {sub}{_deadline_phrase(rng, issue)}.", ""]
                tasks += len(bodies)
        else:
            opener = rng.choice(OPENERS).lower()
            lines += [f"{number_item}. {', '.join(bodies)} {opener}{action}{_deadline_phrase(rng, issue)}.", ""]
            tasks += len(bodies)
    lines += ["Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện, báo cáo Ban Thường vụ Tỉnh ủy.", ""]
    lines += ["Nơi nhận:", "- Như trên,", "- Lưu Văn phòng.", "", authority, title, "", "",
              f"{rng.choice(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'])} Văn {rng.choice(['An', 'Bình', 'Cường', 'Dũng'])}"]
    return GeneratedDocument(f"vb_{index:06d}.txt", "\n".join(lines) + "\n", issue, tasks)


def generate_documents(count: int, seed: int = 2021) -> Iterator[GeneratedDocument]:
    for index in range(count):
        yield generate_document(index, seed)


def write_corpus(size: str, out: Path, seed: int = 2021) -> int:
    out.mkdir(parents=True, exist_ok=True)
    tasks = 0
    for doc in generate_documents(SIZES[size], seed):
        (out / doc.name).write_text(doc.text, encoding="utf-8")
        tasks += doc.task_estimate
    return tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="office")
    parser.add_argument("--out", type=Path, default=Path("bench/out/corpus"))
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    tasks = write_corpus(args.size, args.out, args.seed)
    print(f"{SIZES[args.size]} documents, ~{tasks} tasks -> {args.out}")


if __name__ == "__main__":
    main()
