"""Handoff tables: handoffs, handoff_messages, handoff_counsellors (see bot/store/handoff_models.py).

Revision ID: handoff_0001
Revises: 0001
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "handoff_0001"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("channel", sa.String(16)),
        sa.Column("summary", sa.Text),
        sa.Column("counsellor", sa.String(64)),
        sa.Column("paused", sa.Boolean, nullable=False),
        sa.Column("ended_by", sa.String(16)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True)),
        sa.Column("taken_at", sa.DateTime(timezone=True)),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_handoffs_conversation_id", "handoffs", ["conversation_id"])
    op.create_index("ix_handoffs_state", "handoffs", ["state"])
    op.create_index("ix_handoffs_updated_at", "handoffs", ["updated_at"])
    op.create_table(
        "handoff_messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("handoff_id", sa.Integer, sa.ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("author", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("safety", sa.String(16)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_handoff_messages_handoff_id", "handoff_messages", ["handoff_id"])
    op.create_index("ix_handoff_messages_conversation_id", "handoff_messages", ["conversation_id"])
    op.create_table(
        "handoff_counsellors",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("available", sa.Boolean, nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("handoff_counsellors")
    op.drop_table("handoff_messages")
    op.drop_table("handoffs")
