"""The access layer without streamlit: accounts and password hashing, the audit log, the owner-only file rules,
small-count suppression and formula-safe export cells. ui/auth.py builds the login on top of it."""
