"""The only Streamlit glue: cached store access, URL state, page list and page render helpers.

Importing it changes nothing in Streamlit: the app's entry scripts (``dashboard.py`` and every page
under ``pages/``) call ``kkpham.ui.router.use_router()`` themselves, first.
"""
