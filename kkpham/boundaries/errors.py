"""The one exception the boundary pipeline raises for bad or missing input."""


class BoundaryError(Exception):
    """A boundary build failed; the message names the file or region at fault."""
