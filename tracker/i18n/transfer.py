"""Messages of backup, restore, JSON export and import."""

MESSAGES: dict[str, dict[str, str]] = {
    "transfer.backup_done": {
        "vi": "Đã sao lưu cơ sở dữ liệu vào {path} ({size} byte).",
        "en": "Backed up the database to {path} ({size} bytes).",
    },
    "transfer.backup_exists": {
        "vi": "Tệp {path} đã có; chọn tên khác hoặc thêm --force để ghi đè.",
        "en": "{path} already exists; choose another name or add --force to overwrite.",
    },
    "transfer.backup_memory": {
        "vi": "Không sao lưu được cơ sở dữ liệu trong bộ nhớ.",
        "en": "An in-memory database cannot be backed up.",
    },
    "transfer.no_database": {
        "vi": "Không có cơ sở dữ liệu tại {path}.",
        "en": "There is no database at {path}.",
    },
    "transfer.backup_failed": {
        "vi": "Sao lưu không thành công: {detail}. Tệp sao lưu không được tạo.",
        "en": "Backup failed: {detail}. No backup file was written.",
    },
    "transfer.pg_tool_missing": {
        "vi": "Không tìm thấy chương trình {tool} của PostgreSQL. Cài gói postgresql-client "
              "(ví dụ: apt-get install postgresql-client) hoặc dùng: tracker db export TỆP.json",
        "en": "The PostgreSQL program {tool} was not found. Install postgresql-client "
              "(for example: apt-get install postgresql-client) or use: tracker db export FILE.json",
    },
    "transfer.pg_tool_failed": {
        "vi": "{tool} báo lỗi (mã {status}): {detail}",
        "en": "{tool} failed (exit {status}): {detail}",
    },
    "transfer.restore_missing": {
        "vi": "Không tìm thấy tệp sao lưu {path}.",
        "en": "Backup file {path} not found.",
    },
    "transfer.restore_not_tracker": {
        "vi": "Tệp {path} không phải bản sao lưu cơ sở dữ liệu của tracker ({detail}); "
              "cơ sở dữ liệu hiện tại không bị thay đổi.",
        "en": "{path} is not a tracker database backup ({detail}); the current database is unchanged.",
    },
    "transfer.restore_done": {
        "vi": "Đã khôi phục cơ sở dữ liệu từ {path}.",
        "en": "Restored the database from {path}.",
    },
    "transfer.restore_kept": {
        "vi": "Cơ sở dữ liệu trước khi khôi phục được giữ lại tại {path}.",
        "en": "The database as it was before the restore is kept at {path}.",
    },
    "transfer.export_done": {
        "vi": "Đã xuất {rows} dòng ({tables} bảng) ra {path}.",
        "en": "Exported {rows} rows ({tables} tables) to {path}.",
    },
    "transfer.import_done": {
        "vi": "Đã nhập {rows} dòng ({tables} bảng) từ {path}.",
        "en": "Imported {rows} rows ({tables} tables) from {path}.",
    },
    "transfer.import_not_empty": {
        "vi": "Cơ sở dữ liệu đích đã có dữ liệu (bảng {table}: {count} dòng). Chỉ nhập được vào "
              "một cơ sở dữ liệu mới, trống; không có gì bị thay đổi.",
        "en": "The target database already holds data (table {table}: {count} rows). Import only "
              "into a new, empty database; nothing was changed.",
    },
    "transfer.import_bad_file": {
        "vi": "Tệp {path} không phải bản xuất JSON của tracker: {detail}",
        "en": "{path} is not a tracker JSON export: {detail}",
    },
    "transfer.import_newer": {
        "vi": "Tệp {path} được xuất bởi phiên bản tracker mới hơn (định dạng {version}); "
              "hãy cập nhật tracker.",
        "en": "{path} was exported by a newer tracker (format {version}); please update tracker.",
    },
    "transfer.import_unknown_column": {
        "vi": "Tệp {path} có cột {table}.{column} mà cơ sở dữ liệu đích không có; hãy nâng cấp "
              "cơ sở dữ liệu đích (tracker db upgrade).",
        "en": "{path} has column {table}.{column} which the target database lacks; upgrade the "
              "target first (tracker db upgrade).",
    },
    "transfer.import_failed": {
        "vi": "Nhập không thành công, không có gì bị thay đổi: {detail}",
        "en": "Import failed, nothing was changed: {detail}",
    },
    "transfer.no_schema": {
        "vi": "Cơ sở dữ liệu đích chưa có cấu trúc bảng (thiếu bảng {table}); chạy tracker db upgrade.",
        "en": "The target database has no tables yet (missing {table}); run tracker db upgrade.",
    },
    "cli.db.backup.help": {
        "vi": "Sao lưu cơ sở dữ liệu (SQLite: sao lưu trực tuyến; PostgreSQL: pg_dump).",
        "en": "Back up the database (SQLite: online backup; PostgreSQL: pg_dump).",
    },
    "cli.db.restore.help": {
        "vi": "Khôi phục cơ sở dữ liệu từ một bản sao lưu (bản hiện tại được giữ lại bên cạnh).",
        "en": "Restore the database from a backup (the current one is kept aside).",
    },
    "cli.db.export.help": {
        "vi": "Xuất toàn bộ dữ liệu ra tệp JSON (để chuyển giữa SQLite và PostgreSQL).",
        "en": "Export all data to a JSON file (to move between SQLite and PostgreSQL).",
    },
    "cli.db.import.help": {
        "vi": "Nhập tệp JSON đã xuất vào một cơ sở dữ liệu mới, trống.",
        "en": "Import an exported JSON file into a new, empty database.",
    },
    "cli.db.opt.force": {"vi": "Ghi đè tệp đã có", "en": "Overwrite an existing file"},
}
