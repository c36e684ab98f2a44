"""The product's security pieces: secret keys, login throttling and two-factor login,
Content-Security-Policy, request size limits (docs/deployment.md, "Security")."""
