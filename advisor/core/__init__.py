"""The advice engine: pure Python, no Qt. Models, knowledge base, fit, mix, staffing, advice."""
