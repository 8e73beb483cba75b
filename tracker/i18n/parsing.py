"""Problems the parser finds in a directive (listed, never fatal)."""

MESSAGES: dict[str, dict[str, str]] = {
    "parse.name_too_long": {
        "vi": "Mục bắt đầu bằng một tên quá dài, không phải tên cơ quan: đã giao cho các nơi nhận, cần kiểm tra: {detail}",
        "en": "The item opens with a name far too long for a body: assigned to the addressees, please check: {detail}",
    },
    "parse.item_without_body": {
        "vi": "Mục nhiệm vụ chưa xác định được cơ quan thực hiện: {detail}",
        "en": "No responsible body found for the item: {detail}",
    },
    "parse.no_items": {
        "vi": "Văn bản không có mục nhiệm vụ đánh số nào: {detail}",
        "en": "The document has no numbered items: {detail}",
    },
    "parse.no_number": {"vi": "Không đọc được số, ký hiệu văn bản", "en": "The document number could not be read"},
    "parse.no_date": {"vi": "Không đọc được ngày ban hành văn bản", "en": "The issue date could not be read"},
    "parse.bad_date": {"vi": "Ngày không hợp lệ: {detail}", "en": "Invalid date: {detail}"},
    "parse.unresolved_deadline": {
        "vi": "Thời hạn chưa quy đổi được thành ngày: {detail}",
        "en": "Deadline phrase not resolved to a date: {detail}",
    },
    "parse.no_documents": {"vi": "Không tìm thấy văn bản nào trong tệp", "en": "No document found in the file"},
    "parse.internal_error": {
        "vi": "Không phân tích được một phần văn bản: {detail}",
        "en": "Part of the document could not be analysed: {detail}",
    },
}
