"""Messages of users, roles, permissions and history."""

MESSAGES: dict[str, dict[str, str]] = {
    # permission refusals
    "perm.denied": {
        "vi": "Người dùng {user} (vai trò {role}) không được phép {action}.",
        "en": "User {user} (role {role}) may not {action}.",
    },
    "perm.unknown_user": {
        "vi": "Người dùng {user} chưa có trong danh sách người dùng nên không được phép {action}. "
              "Đề nghị văn phòng thêm bằng lệnh: tracker users add {user} --role unit --body <đơn vị>",
        "en": "User {user} is not in the user list, so may not {action}. "
              "Ask the office to add you: tracker users add {user} --role unit --body <body>",
    },
    "perm.not_own_body": {
        "vi": "Người dùng {user} chỉ được {action} đối với nhiệm vụ của {bodies}; "
              "nhiệm vụ #{task} thuộc {body}.",
        "en": "User {user} may only {action} on tasks of {bodies}; task #{task} belongs to {body}.",
    },
    "perm.task_not_found": {"vi": "Không có nhiệm vụ #{task}.", "en": "No task #{task}."},
    "perm.no_bodies": {"vi": "(chưa gắn đơn vị nào)", "en": "(no body bound)"},
    # action names, as used inside the refusals ("không được phép <action>")
    "perm.action.import": {"vi": "nhập văn bản", "en": "import directives"},
    "perm.action.confirm": {"vi": "xác nhận hoàn thành", "en": "confirm completion"},
    "perm.action.return": {"vi": "trả lại nhiệm vụ", "en": "return a task"},
    "perm.action.extend": {"vi": "gia hạn", "en": "extend a deadline"},
    "perm.action.reject_extension": {"vi": "từ chối gia hạn", "en": "reject an extension"},
    "perm.action.edit": {"vi": "sửa nhiệm vụ", "en": "edit a task"},
    "perm.action.urge": {"vi": "đôn đốc", "en": "urge a task"},
    "perm.action.reopen": {"vi": "mở lại nhiệm vụ", "en": "reopen a task"},
    "perm.action.merge": {"vi": "gộp nhiệm vụ", "en": "merge tasks"},
    "perm.action.manage_bodies": {"vi": "quản lý danh mục đơn vị", "en": "manage bodies"},
    "perm.action.manage_users": {"vi": "quản lý người dùng", "en": "manage users"},
    "perm.action.progress": {"vi": "cập nhật tiến độ", "en": "report progress"},
    "perm.action.report_done": {"vi": "báo cáo hoàn thành", "en": "report done"},
    "perm.action.request_extension": {"vi": "đề nghị gia hạn", "en": "request an extension"},
    "perm.action.note": {"vi": "ghi chú", "en": "add a note"},
    "perm.action.submit_occurrence": {"vi": "nộp báo cáo định kỳ", "en": "submit a periodic report"},
    "perm.action.undo": {"vi": "hoàn tác", "en": "undo a change"},
    # users
    "users.bad_role": {
        "vi": "Vai trò không hợp lệ: {role} (chọn office, unit hoặc viewer)",
        "en": "Invalid role: {role} (choose office, unit or viewer)",
    },
    "users.bad_name": {
        "vi": "Tên người dùng không hợp lệ: \"{name}\" (1-200 ký tự, không để trống)",
        "en": "Invalid user name: \"{name}\" (1-200 characters, not blank)",
    },
    "users.exists": {"vi": "Người dùng {name} đã có.", "en": "User {name} already exists."},
    "users.not_found": {"vi": "Không có người dùng {name}.", "en": "No user named {name}."},
    "users.body_not_found": {
        "vi": "Không tìm thấy đơn vị \"{body}\" trong danh mục.",
        "en": "No body \"{body}\" in the directory.",
    },
    "users.unit_needs_body": {
        "vi": "Cán bộ đơn vị {name} cần được gắn ít nhất một đơn vị (--body).",
        "en": "Unit officer {name} must be bound to at least one body (--body).",
    },
    "users.last_office": {
        "vi": "Không thể đổi vai trò của {name}: đây là người dùng văn phòng cuối cùng.",
        "en": "Cannot change the role of {name}: it is the last office user.",
    },
    "users.added": {"vi": "Đã thêm người dùng {name} ({role}).", "en": "Added user {name} ({role})."},
    "users.added_first": {
        "vi": "Cơ sở dữ liệu chưa có người dùng: {name} được ghi nhận là người dùng văn phòng đầu tiên.",
        "en": "The database had no users: {name} is recorded as its first office user.",
    },
    "users.role_set": {"vi": "Đã đổi vai trò của {name} thành {role}.", "en": "{name} is now {role}."},
    "users.bodies_set": {"vi": "{name} phụ trách: {bodies}.", "en": "{name} acts for: {bodies}."},
    "users.none": {
        "vi": "Chưa có người dùng: mọi thao tác được phép (chế độ một người dùng).",
        "en": "No users yet: every action is allowed (single-user mode).",
    },
    "users.col.name": {"vi": "Tên", "en": "Name"},
    "users.col.role": {"vi": "Vai trò", "en": "Role"},
    "users.col.bodies": {"vi": "Đơn vị", "en": "Bodies"},
    "users.col.active": {"vi": "Hoạt động", "en": "Active"},
    "cli.users.help": {"vi": "Người dùng và vai trò.", "en": "Users and roles."},
    "cli.users.add.help": {
        "vi": "Thêm người dùng với vai trò office, unit hoặc viewer.",
        "en": "Add a user with role office, unit or viewer.",
    },
    "cli.users.list.help": {"vi": "Liệt kê người dùng.", "en": "List users."},
    "cli.users.role.help": {"vi": "Đổi vai trò của người dùng.", "en": "Change a user's role."},
    "cli.users.bind.help": {
        "vi": "Gắn người dùng với các đơn vị (thay cho danh sách cũ).",
        "en": "Bind a user to bodies (replacing the previous list).",
    },
    "cli.users.opt.json": {"vi": "In ra dạng JSON", "en": "Print as JSON"},
    "cli.users.opt.role": {"vi": "Vai trò: office, unit, viewer", "en": "Role: office, unit, viewer"},
    "cli.users.opt.body": {
        "vi": "Đơn vị mà cán bộ phụ trách (lặp lại được)",
        "en": "A body the officer acts for (repeatable)",
    },
    # history
    "history.none": {"vi": "Không có sự kiện nào.", "en": "No events."},
    "history.body_not_found": {
        "vi": "Không tìm thấy đơn vị \"{body}\" trong danh mục.",
        "en": "No body \"{body}\" in the directory.",
    },
    "history.bad_period": {
        "vi": "Khoảng thời gian không hợp lệ: từ {date_from} đến {date_to}.",
        "en": "Invalid period: from {date_from} to {date_to}.",
    },
    "history.col.at": {"vi": "Thời điểm", "en": "At"},
    "history.col.date": {"vi": "Ngày", "en": "Date"},
    "history.col.task": {"vi": "Nhiệm vụ", "en": "Task"},
    "history.col.user": {"vi": "Người thực hiện", "en": "User"},
    "history.col.kind": {"vi": "Sự kiện", "en": "Event"},
    "history.col.detail": {"vi": "Chi tiết", "en": "Detail"},
    "cli.history.help": {
        "vi": "Lịch sử thay đổi: ai đã làm gì, theo nhiệm vụ, người dùng, đơn vị hoặc khoảng thời gian.",
        "en": "Change history: who did what, by task, user, body or period.",
    },
    "cli.history.opt.task": {"vi": "Chỉ nhiệm vụ này (số hiệu)", "en": "Only this task (id)"},
    "cli.history.opt.user": {"vi": "Chỉ người dùng này", "en": "Only this user"},
    "cli.history.opt.body": {"vi": "Chỉ nhiệm vụ của đơn vị này", "en": "Only tasks of this body"},
    "cli.history.opt.from": {"vi": "Từ ngày (YYYY-MM-DD)", "en": "From date (YYYY-MM-DD)"},
    "cli.history.opt.to": {"vi": "Đến ngày (YYYY-MM-DD)", "en": "To date (YYYY-MM-DD)"},
    "cli.history.opt.format": {"vi": "Định dạng: table hoặc json", "en": "Format: table or json"},
    "cli.history.opt.limit": {"vi": "Số dòng tối đa", "en": "Maximum number of rows"},
}
