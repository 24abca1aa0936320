"""arrival register and search: arrival numbers per office and year, folded search words

Revision ID: 0004_register
Revises: 0002_offices (written against 0001; needs the letters' office_id)
Create Date: 2026-12-02

Letters recorded before this revision are numbered here, in the order they arrived, per office and year; their
search words are computed from their fields.
"""
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from alembic import op

revision = '0004_register'
down_revision = '0002_offices'
branch_labels = None
depends_on = None

LOCAL = timezone(timedelta(hours=7))


def upgrade() -> None:
    op.create_table('arrival_counters',
    sa.Column('office_id', sa.String(length=64), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('office_id', 'year', name=op.f('pk_arrival_counters'))
    )
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.add_column(sa.Column('arrival_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=True))
    _fill()
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.create_index('ux_letters_arrival', ['arrival_year', 'arrival_number', 'office_id'], unique=True)
        batch_op.create_index('ix_letters_received_at', ['received_at'], unique=False)
        batch_op.create_index('ix_letters_issuer_unit_id', ['issuer_unit_id'], unique=False)
        batch_op.create_index('ix_letters_search', ['search_text', 'office_id', 'direction', 'status',
                                                     'issuer_unit_id'], unique=False)
    _trigram_index()
    with op.batch_alter_table('obligations', schema=None) as batch_op:
        batch_op.create_index('ix_obligations_unit_letter', ['unit_id', 'letter_id'], unique=False)
        batch_op.create_index('ix_obligations_state_letter', ['state', 'letter_id'], unique=False)


def _trigram_index() -> None:
    """PostgreSQL: a trigram index for LIKE '% word%' when pg_trgm can be had; else (and on SQLite) an empty
    partial index of the same name, so that the schema is the same everywhere."""
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        try:
            with bind.begin_nested():
                bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            op.create_index('ix_letters_search_trgm', 'letters', ['search_text'], postgresql_using='gin',
                            postgresql_ops={'search_text': 'gin_trgm_ops'})
            return
        except sa.exc.DBAPIError:  # not installed, or not allowed to this user: search scans the narrow index
            pass
    op.create_index('ix_letters_search_trgm', 'letters', ['search_text'], sqlite_where=sa.text('0'),
                    postgresql_where=sa.text('false'))


def _fill() -> None:
    """Number the incoming letters already recorded (arrival order) and compute every letter's search words."""
    from tracker.search import letter_search_text

    conn = op.get_bind()
    letters = sa.table(
        'letters', sa.column('id', sa.Integer), sa.column('office_id', sa.String), sa.column('direction', sa.String),
        sa.column('status', sa.String),
        sa.column('received_at', sa.DateTime(timezone=True)), sa.column('created_at', sa.DateTime(timezone=True)),
        sa.column('arrival_number', sa.Integer), sa.column('arrival_date', sa.Date),
        sa.column('arrival_year', sa.Integer), sa.column('extraction', sa.JSON), sa.column('search_text', sa.Text),
        *(sa.column(c, sa.String) for c in ('doc_number', 'doc_type', 'issuer', 'subject', 'place', 'urgency')))
    counters = sa.table('arrival_counters', sa.column('office_id'), sa.column('year'), sa.column('last_number'))
    rows = conn.execute(sa.select(letters).order_by(
        sa.func.coalesce(letters.c.received_at, letters.c.created_at), letters.c.id)).mappings().all()
    last: dict[tuple[str, int], int] = {}
    for row in rows:
        values = {'search_text': letter_search_text(dict(row), row['extraction'] or {})}
        if row['direction'] == 'in' and row['status'] != 'secret' and row['arrival_number'] is None:
            day = _local_day(row['received_at'] or row['created_at'])
            key = (row['office_id'], day.year)
            last[key] = last.get(key, 0) + 1
            values.update(arrival_number=last[key], arrival_date=day, arrival_year=day.year)
        conn.execute(sa.update(letters).where(letters.c.id == row['id']).values(**values))
    for (office, year), number in last.items():
        conn.execute(sa.insert(counters).values(office_id=office, year=year, last_number=number))


def _local_day(moment):
    if moment is None:
        moment = datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL).date()


def downgrade() -> None:
    with op.batch_alter_table('obligations', schema=None) as batch_op:
        batch_op.drop_index('ix_obligations_state_letter')
        batch_op.drop_index('ix_obligations_unit_letter')
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.drop_index('ix_letters_search')
        batch_op.drop_index('ix_letters_search_trgm')
        batch_op.drop_index('ix_letters_issuer_unit_id')
        batch_op.drop_index('ix_letters_received_at')
        batch_op.drop_index('ux_letters_arrival')
        batch_op.drop_column('search_text')
        batch_op.drop_column('arrival_year')
    op.drop_table('arrival_counters')
