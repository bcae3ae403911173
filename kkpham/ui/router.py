"""Make Streamlit route through dashboard.py even though a ``pages/`` folder exists.

Streamlit 1.67 decides once per process (``PagesManager.uses_pages_directory``, set when the first
session starts) to run a ``pages/`` folder as a v1 multipage app: it then never executes
``dashboard.py``, so ``st.navigation``, the page titles, ``url_path`` and ``layout="wide"`` are
ignored, and ``/peta`` runs ``pages/peta.py`` bare. The flag only turns off when ``st.navigation``
runs, which v1 mode never lets happen. So every entry script (``dashboard.py`` and each page) calls
``use_router()`` first: the first run of any of them turns v1 mode off and reruns through the
router. Nothing happens on import. When the Streamlit internals this relies on are gone (an
upgrade), ``check`` raises at start-up (``make run`` calls it before the server starts; the
README's service unit does too) and ``use_router`` at the first page run, naming what changed,
instead of a deep link silently losing its layout. (Renaming the folder, e.g. ``app_pages/``,
would remove the need.)
"""

from __future__ import annotations

import streamlit as st

FLAG = "uses_pages_directory"


class RouterUnsupported(RuntimeError):
    """This Streamlit no longer has the private hooks the router needs."""


def _internals() -> tuple[type, object]:
    """(PagesManager, get_script_run_ctx), or RouterUnsupported naming what is missing."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    except ImportError as exc:
        raise RouterUnsupported(
            f"Streamlit {st.__version__}: routing hook unavailable ({exc}); kkpham needs the "
            "pinned Streamlit (requirements.txt) or a router update"
        ) from exc
    if not hasattr(PagesManager, FLAG) or not callable(get_script_run_ctx):
        raise RouterUnsupported(
            f"Streamlit {st.__version__}: PagesManager.{FLAG} is gone; "
            "kkpham needs the pinned Streamlit (requirements.txt) or a router update"
        )
    return PagesManager, get_script_run_ctx


def check() -> None:
    """Raise RouterUnsupported when the Streamlit internals the router needs have changed."""
    _internals()


def use_router() -> None:
    """Call first in every entry script: leave v1 multipage mode (once per process)."""
    pages_manager, get_ctx = _internals()
    if getattr(pages_manager, FLAG) and get_ctx() is not None:
        setattr(pages_manager, FLAG, False)
        st.rerun()
