"""the administrator's changes over the shipped data: unit renames and merges, the calendar's yearly decisions

Revision ID: 0006_admin
Revises: 0003_users
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_admin'
down_revision = '0003_users'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('unit_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=True),
    sa.Column('short', sa.String(length=64), nullable=True),
    sa.Column('successor_id', sa.String(length=64), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_changes'))
    )
    op.create_table('calendar_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_days')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_days_day'))
    )


def downgrade() -> None:
    op.drop_table('calendar_days')
    op.drop_table('unit_changes')
