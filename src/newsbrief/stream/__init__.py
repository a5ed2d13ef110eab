"""The stream half of newsbrief: articles arriving over time, grouped into stories."""
