"""Messages of the database layer: migrations, refusals, ``tracker db``."""

MESSAGES = {
    "db.not_a_file": {
        "vi": "{path} không phải là một tệp cơ sở dữ liệu (đây là một thư mục hoặc thiết bị).",
        "en": "{path} is not a database file (it is a folder or a device).",
    },
    "db.not_sqlite": {
        "vi": "Tệp {path} không phải là cơ sở dữ liệu SQLite của tracker. Tệp được giữ nguyên; "
              "hãy kiểm tra lại đường dẫn --db.",
        "en": "The file {path} is not a tracker SQLite database. It was left untouched; "
              "check the --db path.",
    },
    "db.not_sqlite_detail": {
        "vi": "Không đọc được tệp {path} như một cơ sở dữ liệu SQLite ({detail}). Tệp được giữ nguyên.",
        "en": "Cannot read {path} as a SQLite database ({detail}). It was left untouched.",
    },
    "db.not_tracker": {
        "vi": "Cơ sở dữ liệu {url} đã có bảng ({tables}) nhưng không do tracker tạo ra "
              "(không có bảng alembic_version). Không thay đổi gì; hãy dùng một cơ sở dữ liệu trống.",
        "en": "The database {url} holds tables ({tables}) that tracker did not create "
              "(no alembic_version table). Nothing was changed; use an empty database.",
    },
    "db.from_future": {
        "vi": "Cơ sở dữ liệu {url} ở phiên bản lược đồ {revision}, do một bản tracker mới hơn tạo ra "
              "(bản này chỉ biết đến {head}). Không thay đổi gì; hãy cập nhật tracker.",
        "en": "The database {url} is at schema revision {revision}, made by a newer tracker "
              "(this version knows up to {head}). Nothing was changed; please upgrade tracker.",
    },
    "db.unreachable": {
        "vi": "Không kết nối được cơ sở dữ liệu {url}: {detail}. Hãy kiểm tra máy chủ PostgreSQL "
              "đang chạy, địa chỉ, cổng, tên đăng nhập và mật khẩu.",
        "en": "Cannot connect to the database {url}: {detail}. Check that the PostgreSQL server is "
              "running and the host, port, user name and password.",
    },
    "db.bad_url": {
        "vi": "Địa chỉ cơ sở dữ liệu không hợp lệ: {url} ({detail}).",
        "en": "Invalid database URL: {url} ({detail}).",
    },
    "db.bad_revision": {
        "vi": "Không có phiên bản lược đồ {revision}: {detail}",
        "en": "No schema revision {revision}: {detail}",
    },
    "db.migration_failed": {
        "vi": "Nâng cấp cơ sở dữ liệu {url} thất bại, mọi thay đổi đã được hoàn tác: {detail}",
        "en": "Upgrading the database {url} failed; every change was rolled back: {detail}",
    },
    "db.foreign_key_check": {
        "vi": "Sau khi nâng cấp, dữ liệu vi phạm khóa ngoại ({detail}); thay đổi đã được hoàn tác.",
        "en": "After the upgrade the data breaks foreign keys ({detail}); the change was rolled back.",
    },
    "db.backup_failed": {
        "vi": "Không sao lưu được {path} trước khi nâng cấp ({detail}); chưa thay đổi gì.",
        "en": "Could not copy {path} aside before upgrading ({detail}); nothing was changed.",
    },
    # tracker db ...
    "cli.db.help": {
        "vi": "Cơ sở dữ liệu: nâng cấp, phiên bản, sao lưu, khôi phục, xuất/nhập",
        "en": "The database: upgrade, revision, backup, restore, export/import",
    },
    "cli.db.upgrade.help": {
        "vi": "Tạo hoặc nâng cấp cơ sở dữ liệu lên phiên bản lược đồ mới nhất "
              "(tệp SQLite được sao lưu trước)",
        "en": "Create or upgrade the database to the latest schema revision "
              "(a SQLite file is copied aside first)",
    },
    "cli.db.current.help": {
        "vi": "Cho biết phiên bản lược đồ của cơ sở dữ liệu (không thay đổi gì)",
        "en": "Show the database's schema revision (changes nothing)",
    },
    "cli.db.opt.revision": {
        "vi": "Phiên bản đích (mặc định: mới nhất)",
        "en": "Target revision (default: the latest)",
    },
    "db.upgrade.created": {
        "vi": "Đã tạo cơ sở dữ liệu {url} ở phiên bản lược đồ {head}.",
        "en": "Created the database {url} at schema revision {head}.",
    },
    "db.upgrade.upgraded": {
        "vi": "Đã nâng cấp cơ sở dữ liệu {url} từ phiên bản {before} lên {head}.",
        "en": "Upgraded the database {url} from revision {before} to {head}.",
    },
    "db.upgrade.backup": {
        "vi": "Bản sao trước khi nâng cấp: {path}",
        "en": "Copy taken before the upgrade: {path}",
    },
    "db.upgrade.up_to_date": {
        "vi": "Cơ sở dữ liệu {url} đã ở phiên bản mới nhất ({head}).",
        "en": "The database {url} is already at the latest revision ({head}).",
    },
    "db.current.at_head": {
        "vi": "{revision} (mới nhất)",
        "en": "{revision} (head)",
    },
    "db.current.behind": {
        "vi": "{revision} (cũ hơn bản mới nhất {head}; chạy 'tracker db upgrade' hoặc mở tracker "
              "để nâng cấp)",
        "en": "{revision} (behind the head {head}; run 'tracker db upgrade' or start tracker to upgrade)",
    },
    "db.current.future": {
        "vi": "{revision} (do bản tracker mới hơn tạo; bản này chỉ biết đến {head})",
        "en": "{revision} (made by a newer tracker; this version knows up to {head})",
    },
    "db.current.empty": {
        "vi": "(trống: chưa có lược đồ; phiên bản mới nhất là {head})",
        "en": "(empty: no schema yet; the latest revision is {head})",
    },
}
