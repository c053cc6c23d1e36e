"""The 'Doorverwijzingen' module: paged list, detail with timeline, statistics, audit log, privacy."""
