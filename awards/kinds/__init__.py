"""The award kinds of a campaign and their rules (quotas, prizes, deadline, required
documents), and the base salary that prizes follow."""
