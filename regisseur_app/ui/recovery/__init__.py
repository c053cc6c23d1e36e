"""Recovery of a damaged database: the window at start, and the full check in the background."""
