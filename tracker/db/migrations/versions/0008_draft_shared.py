"""drafts of one sweep keep the context they share (letter, office, day) once, in draft_shared

Revision ID: 0008_draft_shared
Revises: 0007_raw
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_draft_shared'
down_revision = '0007_raw'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # drafts written before keep their whole context (shared_id NULL)
    op.create_table('draft_shared',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.String(length=64), nullable=False),
    sa.Column('context', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_shared'))
    )
    op.add_column('drafts', sa.Column('shared_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    # each draft gets its whole context back before the shared rows go
    bind = op.get_bind()
    shared = sa.table('draft_shared', sa.column('id', sa.Integer), sa.column('context', sa.JSON))
    drafts = sa.table('drafts', sa.column('id', sa.Integer), sa.column('shared_id', sa.Integer),
                      sa.column('context', sa.JSON))
    contexts = {r.id: r.context for r in bind.execute(sa.select(shared.c.id, shared.c.context))}
    for r in bind.execute(sa.select(drafts.c.id, drafts.c.shared_id, drafts.c.context)
                          .where(drafts.c.shared_id.is_not(None))).all():
        bind.execute(sa.update(drafts).where(drafts.c.id == r.id)
                     .values(context={**contexts.get(r.shared_id, {}), **r.context}))
    with op.batch_alter_table('drafts') as batch:
        batch.drop_column('shared_id')
    op.drop_table('draft_shared')
