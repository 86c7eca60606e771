"""The shop's rules in plain Python: no Qt, no SQL, no files, no clock."""
