"""Django's PostgreSQL backend with a health check that costs no round trip
(:mod:`.base`); ``DATABASES``' engine when ``DATABASE_URL`` names PostgreSQL."""
