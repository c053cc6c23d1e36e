"""MVO-rapportering (CSR reporting) of the social-economy organisations: an indicator framework grouped by
pillar (Mens, Planeet, Winst, Bestuur) with GRI and VSME references, values per organisation and year,
computed indicators with a visible formula, completeness, the regional view and the links to MVO events."""
