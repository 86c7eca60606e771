"""The retrospective tab (复盘报告): period, channel spend and traffic, notes, and the one-click PDF."""
