"""Multi-step writes of the channels app (keyword-only, typed)."""
