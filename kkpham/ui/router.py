"""Make Streamlit route through dashboard.py even though a ``pages/`` folder exists.

Streamlit 1.67 decides once per process (``PagesManager.uses_pages_directory``, set when the first
session starts) to run a ``pages/`` folder as a v1 multipage app: it then never executes
``dashboard.py``, so ``st.navigation``, the page titles, ``url_path`` and ``layout="wide"`` are
ignored, and ``/peta`` runs ``pages/peta.py`` bare. The flag only turns off when ``st.navigation``
runs, which v1 mode never lets happen. Every page imports ``kkpham.ui``, so the first run of any
page turns v1 mode off and reruns through the router. (Renaming the folder, e.g. ``app_pages/``,
would remove the need for this; see the report.)
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


def use_router() -> None:
    if PagesManager.uses_pages_directory and get_script_run_ctx() is not None:
        PagesManager.uses_pages_directory = False
        st.rerun()
