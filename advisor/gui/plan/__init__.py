"""The plan's editors: the company profile form, today's channels and the scenarios."""
