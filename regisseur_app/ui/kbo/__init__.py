"""The KBO-register page: browse, SE candidates, inventory review, matchmaking."""
