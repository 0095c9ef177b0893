"""Handoff to a human: consent, an editable summary, the counsellor queue and the Veilig Thuis chat."""
