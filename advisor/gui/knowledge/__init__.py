"""The Knowledge base tab and the calibration view: figures, sources, overrides."""
