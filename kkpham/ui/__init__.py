"""The only Streamlit glue: cached store access, URL state, page list and page render helpers."""

from kkpham.ui.router import use_router

use_router()
