"""The award kinds of a campaign and their rules (quotas, prizes, deadline, required
documents), the base salary that prizes follow, and what the quotas have used."""
