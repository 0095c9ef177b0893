"""Measuring the bot: bench, soak, their plots and trends, the dev eval, NLU compare, evaluations."""
