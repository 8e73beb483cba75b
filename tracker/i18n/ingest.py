"""Messages of reading files (tracker.ingest)."""

MESSAGES: dict[str, dict[str, str]] = {
    "ingest.missing": {"vi": "Không tìm thấy tệp hoặc thư mục: {path}",
                       "en": "No such file or folder: {path}"},
    "ingest.is_directory": {"vi": "{path} là thư mục, không phải tệp văn bản",
                            "en": "{path} is a folder, not a document file"},
    "ingest.not_regular": {"vi": "{path} không phải tệp thông thường (thiết bị, ống dẫn...)",
                           "en": "{path} is not a regular file (device, pipe...)"},
    "ingest.unreadable": {"vi": "Không có quyền đọc tệp {path}", "en": "No permission to read {path}"},
    "ingest.unreadable_detail": {"vi": "Không đọc được tệp {path}: {detail}",
                                 "en": "Cannot read {path}: {detail}"},
    "ingest.empty": {"vi": "Tệp {name} rỗng: không có nội dung để đọc",
                     "en": "The file {name} is empty: nothing to read"},
    "ingest.too_large": {
        "vi": "Tệp {name} quá lớn ({size_mb} MB; tối đa {limit_mb} MB): đây không phải một văn bản chỉ đạo",
        "en": "The file {name} is too large ({size_mb} MB; at most {limit_mb} MB): not a directive",
    },
    "ingest.binary": {
        "vi": "Tệp không phải văn bản (dữ liệu nhị phân). Hãy chọn tệp .txt, .docx hoặc .pdf",
        "en": "The file is not text (binary data). Choose a .txt, .docx or .pdf file",
    },
    "ingest.image": {
        "vi": "Tệp {name} là ảnh, không phải văn bản. Hãy nhận dạng chữ (OCR) rồi nhập tệp văn bản",
        "en": "The file {name} is an image, not text. Run OCR on it first and import the text",
    },
    "ingest.undecodable": {
        "vi": "Không nhận ra bảng mã của tệp (cần UTF-8, UTF-16 hoặc Windows-1258)",
        "en": "Cannot recognise the file's encoding (expected UTF-8, UTF-16 or Windows-1258)",
    },
    "ingest.bad_docx": {
        "vi": "Tệp Word (.docx) bị hỏng hoặc không đầy đủ ({detail}). Hãy mở và lưu lại bằng Word",
        "en": "The Word file (.docx) is damaged or truncated ({detail}). Open and save it again in Word",
    },
    "ingest.legacy_doc": {
        "vi": "Tệp {name} là định dạng Word cũ (.doc). Hãy lưu lại thành .docx rồi nhập",
        "en": "{name} is an old Word file (.doc). Save it as .docx and import that",
    },
    "ingest.unsupported": {"vi": "Không hỗ trợ định dạng của tệp {name}",
                           "en": "Unsupported file format: {name}"},
    "ingest.bad_pdf": {"vi": "Tệp PDF bị hỏng hoặc không đọc được ({detail})",
                       "en": "The PDF file is damaged or unreadable ({detail})"},
    "ingest.pdf_encrypted": {"vi": "Tệp PDF có mật khẩu: hãy bỏ mật khẩu rồi nhập lại",
                             "en": "The PDF is password-protected: remove the password and try again"},
    "ingest.pdf_needs_ocr": {
        "vi": "Tệp PDF ({pages} trang) là bản quét, không có lớp chữ: cần nhận dạng chữ (OCR) trước khi nhập",
        "en": "The PDF ({pages} pages) is a scan without a text layer: it needs OCR before import",
    },
}
