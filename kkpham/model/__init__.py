"""The read model: the status panel and what the pages, exports and packs derive from it.

Pure pandas over the store; no Streamlit, no writes. See ARCHITECTURE.md for the layers.
"""
