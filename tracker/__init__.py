"""The tracker: working-day calendar, rule pack, unit registry, obligations and the daily sweep (pure), and the
database behind them (``tracker.db``)."""
