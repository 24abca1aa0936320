"""users of the web page; indexes for its queue of waiting letters and its obligations in due order

Revision ID: 0003_users
Revises: 0004_register
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_users'
down_revision = '0005_daemon'
branch_labels = None
depends_on = None

WAITING_SQL = "status IN ('needs_review', 'needs_ocr', 'needs_password', 'unreadable')"


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('full_name', sa.String(length=200), server_default='', nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('office_id', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('disabled', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_index('ix_obligations_due', 'obligations', ['due_date', 'id'], unique=False)
    op.create_index('ix_letters_waiting', 'letters', ['office_id', 'id'], unique=False,
                    sqlite_where=sa.text(WAITING_SQL), postgresql_where=sa.text(WAITING_SQL))


def downgrade() -> None:
    op.drop_index('ix_letters_waiting', table_name='letters')
    op.drop_index('ix_obligations_due', table_name='obligations')
    op.drop_table('users')
