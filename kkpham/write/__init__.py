"""The write path: every change to the store after the build, and every file the CLI writes.

Import, paste, undo, restore and cycle entries go through ``stewardship.write_store``; uploads are
read in bounded memory and time. See ARCHITECTURE.md for the layers.
"""
