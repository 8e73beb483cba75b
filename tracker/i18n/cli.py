"""Messages of the command line's frame (help of the root and of the settings options)."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.root.help": {
        "vi": "Theo dõi thực hiện văn bản chỉ đạo: đọc văn bản, lập nhiệm vụ, theo dõi tiến độ "
              "và lập báo cáo tuần. Chạy không có lệnh để mở giao diện.",
        "en": "Follow up directives: read documents, create tasks, track progress and write the "
              "weekly report. Run without a command to open the terminal UI.",
    },
    "cli.usage": {"vi": "Cách dùng:", "en": "Usage:"},
    "cli.options": {"vi": "Tùy chọn", "en": "Options"},
    "cli.commands": {"vi": "Các lệnh", "en": "Commands"},
    "cli.aborted": {"vi": "Đã hủy.", "en": "Aborted."},
    "cli.opt.db": {
        "vi": "Cơ sở dữ liệu: URL (postgresql+psycopg://...) hoặc đường dẫn tệp SQLite [TRACKER_DB_URL]",
        "en": "Database: a URL (postgresql+psycopg://...) or a SQLite file path [TRACKER_DB_URL]",
    },
    "cli.opt.today": {
        "vi": "Ngày hôm nay dùng để tính hạn, YYYY-MM-DD [TRACKER_TODAY]",
        "en": "Today's date used for deadlines, YYYY-MM-DD [TRACKER_TODAY]",
    },
    "cli.opt.user": {
        "vi": "Người thực hiện được ghi vào lịch sử [TRACKER_USER]",
        "en": "Acting user recorded in the history [TRACKER_USER]",
    },
    "cli.opt.lang": {"vi": "Ngôn ngữ hiển thị: vi hoặc en [TRACKER_LANG]",
                     "en": "Display language: vi or en [TRACKER_LANG]"},
    "cli.opt.help": {"vi": "Xem hướng dẫn này rồi thoát.", "en": "Show this message and exit."},
    "cli.opt.version": {"vi": "Xem phiên bản rồi thoát.", "en": "Show the version and exit."},
    "cli.opt.config": {"vi": "Tệp cấu hình TOML [TRACKER_CONFIG]",
                       "en": "Settings file (TOML) [TRACKER_CONFIG]"},
}
