"""The Recommendation tab: the decision, the channel table, detail and notes."""
