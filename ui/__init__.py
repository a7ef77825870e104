"""Streamlit helpers shared by the pages: cached data access, the one sidebar filter, charts and downloads."""
