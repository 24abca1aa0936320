"""the always-on service: mailbox health, mailbox leases, workers, sweep runs

Revision ID: 0005_daemon
Revises: 0002_offices
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_daemon'
down_revision = '0004_register'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mailbox_health',
    sa.Column('office_id', sa.String(length=64), nullable=False),
    sa.Column('mailbox', sa.String(length=200), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=False),
    sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('backlog', sa.Integer(), server_default='0', nullable=False),
    sa.Column('worker', sa.String(length=200), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('office_id', 'mailbox', 'folder', name=op.f('pk_mailbox_health'))
    )
    op.create_table('mailbox_leases',
    sa.Column('office_id', sa.String(length=64), nullable=False),
    sa.Column('mailbox', sa.String(length=200), nullable=False),
    sa.Column('worker', sa.String(length=200), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('office_id', 'mailbox', name=op.f('pk_mailbox_leases'))
    )
    op.create_table('service_workers',
    sa.Column('office_id', sa.String(length=64), nullable=False),
    sa.Column('worker', sa.String(length=200), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('office_id', 'worker', name=op.f('pk_service_workers'))
    )
    op.create_table('sweep_runs',
    sa.Column('office_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('worker', sa.String(length=200), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('summary', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('office_id', 'day', name=op.f('pk_sweep_runs'))
    )


def downgrade() -> None:
    op.drop_table('sweep_runs')
    op.drop_table('service_workers')
    op.drop_table('mailbox_leases')
    op.drop_table('mailbox_health')
