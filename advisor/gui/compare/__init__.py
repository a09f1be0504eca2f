"""The Compare tab: every scenario side by side."""
