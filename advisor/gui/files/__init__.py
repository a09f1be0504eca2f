"""Files: open, save, export, import, autosave and recovery, and their errors in words."""
