"""Messages of importing directive files (tracker import, the import review screen)."""

MESSAGES: dict[str, dict[str, str]] = {
    # failures of one file (the others still go in)
    "import.missing_path": {"vi": "Không tìm thấy {path}", "en": "Not found: {path}"},
    "import.empty_folder": {
        "vi": "Thư mục {path} không có tệp .txt, .docx hoặc .pdf nào",
        "en": "The folder {path} holds no .txt, .docx or .pdf file",
    },
    "import.no_directive": {
        "vi": "Không tìm thấy văn bản chỉ đạo nào trong {path}",
        "en": "No directive found in {path}",
    },
    "import.file_crashed": {
        "vi": "Không nhập được {path}: {detail}. Tệp này không được lưu gì.",
        "en": "Could not import {path}: {detail}. Nothing of this file was stored.",
    },
    # one directive
    "import.doc.no_number": {"vi": "(không số)", "en": "(no number)"},
    "import.doc.new": {
        "vi": "Văn bản {number} ngày {date}: mới, {items} mục, {tasks} nhiệm vụ",
        "en": "Directive {number} of {date}: new, {items} items, {tasks} tasks",
    },
    "import.doc.existing_text": {
        "vi": "Văn bản {number} ngày {date}: đã có (cùng nội dung), không thay đổi",
        "en": "Directive {number} of {date}: already stored (same text), nothing changed",
    },
    "import.doc.existing_number": {
        "vi": "Văn bản {number} ngày {date}: đã có (cùng số, cơ quan ban hành và ngày), không thay đổi",
        "en": "Directive {number} of {date}: already stored (same number, issuer and date), nothing changed",
    },
    "import.doc.repeated_in_file": {
        "vi": "Văn bản {number} ngày {date}: lặp lại trong cùng tệp, bỏ qua",
        "en": "Directive {number} of {date}: repeated in the same file, skipped",
    },
    "import.doc.skipped": {
        "vi": "Văn bản {number} ngày {date}: bỏ qua theo lựa chọn",
        "en": "Directive {number} of {date}: skipped as chosen",
    },
    # one file
    "import.file.imported": {
        "vi": "{path}: {new} văn bản mới, {existing} đã có, {tasks} nhiệm vụ",
        "en": "{path}: {new} new directives, {existing} already stored, {tasks} tasks",
    },
    "import.file.nothing_new": {
        "vi": "{path}: đã có, không thay đổi ({existing} văn bản đã có)",
        "en": "{path}: already stored, nothing changed ({existing} directives already there)",
    },
    "import.file.already_imported": {
        "vi": "{path}: tệp này đã được nhập trước đây, không thay đổi",
        "en": "{path}: this file was imported before, nothing changed",
    },
    "import.file.failed": {"vi": "{path}: lỗi", "en": "{path}: failed"},
    # the command
    "import.help": {
        "vi": "Nhập văn bản chỉ đạo từ tệp hoặc thư mục (.txt, .docx, .pdf): lưu văn bản, các mục "
              "và nhiệm vụ (mỗi mục và mỗi cơ quan một nhiệm vụ). Mỗi tệp được lưu trọn vẹn hoặc "
              "không lưu gì; văn bản đã có thì không thay đổi.",
        "en": "Import directives from files or folders (.txt, .docx, .pdf): store each directive, "
              "its items and tasks (one per item and responsible body). Each file is stored whole "
              "or not at all; directives already stored are left unchanged.",
    },
    "import.opt.dry_run": {
        "vi": "Chỉ cho biết sẽ lưu những gì, không lưu",
        "en": "Show what would be stored, store nothing",
    },
    "import.opt.if_empty": {
        "vi": "Chỉ nhập khi cơ sở dữ liệu chưa có văn bản nào",
        "en": "Import only when the database holds no directive yet",
    },
    "import.opt.quiet": {"vi": "Chỉ in phần tổng kết", "en": "Print the summary only"},
    "import.opt.json": {"vi": "In kết quả dạng JSON", "en": "Print the result as JSON"},
    "import.progress": {"vi": "Đang nhập", "en": "Importing"},
    "import.not_empty": {
        "vi": "Cơ sở dữ liệu đã có văn bản, không nhập (--if-empty).",
        "en": "The database already holds directives: nothing imported (--if-empty).",
    },
    "import.dry_run_note": {
        "vi": "Chạy thử: không lưu gì.",
        "en": "Dry run: nothing was stored.",
    },
    "import.summary": {
        "vi": "Tổng kết: {files} tệp ({failed} lỗi, {already} đã nhập trước), văn bản mới {new}, "
              "đã có {existing}, mục {items}, nhiệm vụ {tasks}, cơ quan mới {bodies}",
        "en": "Summary: {files} files ({failed} failed, {already} imported before), new directives "
              "{new}, already stored {existing}, items {items}, tasks {tasks}, new bodies {bodies}",
    },
    "import.new_bodies": {
        "vi": "Cơ quan mới được thêm vào danh mục (kiểm tra, gộp bằng 'tracker bodies merge'):",
        "en": "New bodies added to the directory (review them, merge with 'tracker bodies merge'):",
    },
    "import.new_bodies_dry": {
        "vi": "Cơ quan mới sẽ được thêm vào danh mục:",
        "en": "New bodies that would be added to the directory:",
    },
    "import.body_name_ignored": {
        "vi": "Tên cơ quan dài bất thường đã bị bỏ qua, hãy chọn cơ quan cho mục: {detail}",
        "en": "An unusually long body name was left out; choose the body of the item: {detail}",
    },
    "import.issues": {
        "vi": "{path}: {count} chỗ cần kiểm tra khi đọc văn bản",
        "en": "{path}: {count} places to check in the reading",
    },
    # browsing directives
    "directives.not_found": {"vi": "Không có văn bản số {id}", "en": "No directive with id {id}"},
}
