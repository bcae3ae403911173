"""Reference-data ETL: ../shared/reference -> our cited data files -> a built store.

``tidy`` turns the reference rows into ours, ``sync`` writes them with provenance sidecars, and
``store_build`` builds a new store from the data files and the boundaries.
"""
