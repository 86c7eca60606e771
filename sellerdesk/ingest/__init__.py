"""Platform export files in, domain records and row errors out. No SQL here."""
