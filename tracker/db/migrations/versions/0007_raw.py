"""the bytes of each recorded message (or uploaded file), for download from the letter page

Revision ID: 0007_raw
Revises: 0003_users
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_raw'
down_revision = '0006_admin'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('message_raw',
    sa.Column('message_ref', sa.Integer(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['message_ref'], ['messages.id'], name=op.f('fk_message_raw_message_ref_messages')),
    sa.PrimaryKeyConstraint('message_ref', name=op.f('pk_message_raw'))
    )


def downgrade() -> None:
    op.drop_table('message_raw')
