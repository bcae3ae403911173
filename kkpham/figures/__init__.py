"""Pure figure builders: a DataFrame in, a Plotly figure out (no Streamlit, no store)."""

from kkpham.figures.status_map import status_map

__all__ = ["status_map"]
