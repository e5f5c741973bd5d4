"""Loading tabular files (CSV, XLSX) into datastore tables: reading, typing, storing."""
