"""offices: the database knows whose letters it keeps; one live obligation per letter and unit; clerk's steering

Revision ID: 0002_offices
Revises: 0001
Create Date: 2026-12-02

Existing rows get the office being configured when the upgrade runs (``tracker.db.upgrade(..., office=...)``),
else the office every command acted as before offices existed (Phòng Quản lý đô thị, q11.qldt). Doubled live
obligations that the old planner could create are kept once: the later ones become ``superseded``.
"""
import unicodedata

import sqlalchemy as sa
from alembic import context, op

revision = '0002_offices'
down_revision = '0001'
branch_labels = None
depends_on = None

OLD_DEFAULT_OFFICE = "q11.qldt"


def _unit_key(unit_id, text):
    return unit_id or ("?" + " ".join(unicodedata.normalize("NFC", text or "").lower().split()))[:500]


def upgrade() -> None:
    bind = op.get_bind()
    office = context.config.attributes.get("office_unit_id") or None
    has_rows = any(bind.execute(sa.text(f"SELECT 1 FROM {t} LIMIT 1")).first()
                   for t in ("letters", "messages", "drafts"))
    if has_rows and office is None:
        office = OLD_DEFAULT_OFFICE

    op.create_table('offices',
    sa.Column('unit_id', sa.String(length=64), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('profile', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('unit_id', name=op.f('pk_offices'))
    )
    if has_rows:
        bind.execute(sa.text("INSERT INTO offices (unit_id) VALUES (:u)"), {"u": office})

    for table in ("letters", "messages", "drafts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('office_id', sa.String(length=64), nullable=True))
        bind.execute(sa.text(f"UPDATE {table} SET office_id = :u"), {"u": office or ""})

    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.alter_column('office_id', existing_type=sa.String(length=64), nullable=False)

    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.alter_column('office_id', existing_type=sa.String(length=64), nullable=False)
        batch_op.drop_constraint('uq_messages_location', type_='unique')
        batch_op.create_unique_constraint('uq_messages_location',
                                          ['office_id', 'mailbox', 'folder', 'uidvalidity', 'uid'])

    bind.execute(sa.text("UPDATE drafts SET status = 'pending' WHERE status = 'drafted'"))
    bind.execute(sa.text("UPDATE drafts SET status = 'delivered' WHERE status = 'appended'"))
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.alter_column('office_id', existing_type=sa.String(length=64), nullable=False)
        batch_op.add_column(sa.Column('signed_number', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('signed_on', sa.Date(), nullable=True))
        batch_op.drop_constraint('uq_drafts_dedupe_key', type_='unique')
        batch_op.create_unique_constraint('uq_drafts_office_key', ['office_id', 'dedupe_key'])

    with op.batch_alter_table('obligations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_key', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('provisional', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('answer_number', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('answer_via', sa.String(length=40), nullable=True))
    rows = bind.execute(sa.text("SELECT id, letter_id, unit_id, unit_text, role, kind, state FROM obligations "
                                "ORDER BY id")).all()
    seen = set()
    for r in rows:
        key = _unit_key(r.unit_id, r.unit_text)
        bind.execute(sa.text("UPDATE obligations SET unit_key = :k WHERE id = :i"), {"k": key, "i": r.id})
        group = (r.letter_id, key, r.role, r.kind)
        if r.state == "superseded":
            continue
        if group in seen:
            bind.execute(sa.text("UPDATE obligations SET state = 'superseded' WHERE id = :i"), {"i": r.id})
            bind.execute(sa.text("INSERT INTO history (entity, entity_id, action, field, before, after, actor, note) "
                                 "VALUES ('obligation', :i, 'state', 'state', :s, 'superseded', 'congvan', "
                                 "'nghĩa vụ trùng (nâng cấp cơ sở dữ liệu)')"), {"i": r.id, "s": r.state})
        seen.add(group)
    with op.batch_alter_table('obligations', schema=None) as batch_op:
        batch_op.alter_column('unit_key', existing_type=sa.String(length=500), nullable=False)
        batch_op.create_index('ux_obligations_active', ['letter_id', 'unit_key', 'role', 'kind'], unique=True,
                              sqlite_where=sa.text("state != 'superseded'"),
                              postgresql_where=sa.text("state != 'superseded'"))


def downgrade() -> None:
    with op.batch_alter_table('obligations', schema=None) as batch_op:
        batch_op.drop_index('ux_obligations_active')
        batch_op.drop_column('answer_via')
        batch_op.drop_column('answer_number')
        batch_op.drop_column('provisional')
        batch_op.drop_column('unit_key')
    op.get_bind().execute(sa.text("UPDATE drafts SET status = 'drafted' WHERE status IN ('pending', 'approved')"))
    op.get_bind().execute(sa.text("UPDATE drafts SET status = 'appended' WHERE status = 'delivered'"))
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_constraint('uq_drafts_office_key', type_='unique')
        batch_op.create_unique_constraint('uq_drafts_dedupe_key', ['dedupe_key'])
        batch_op.drop_column('signed_on')
        batch_op.drop_column('signed_number')
        batch_op.drop_column('office_id')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_constraint('uq_messages_location', type_='unique')
        batch_op.create_unique_constraint('uq_messages_location', ['mailbox', 'folder', 'uidvalidity', 'uid'])
        batch_op.drop_column('office_id')
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.drop_column('office_id')
    op.drop_table('offices')
