"""Shared widgets and helpers: charts canvas, item models, delegates, dialogs, worker."""
