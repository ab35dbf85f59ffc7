"""One exception tree. The CLI turns each into a one-line message and exit status 1."""


class GeomapError(Exception):
    """Base class of every error geomap raises on purpose."""


class InputError(GeomapError):
    """An input text cannot be read (missing, binary, not UTF-8, empty)."""


class GazetteerError(GeomapError):
    """The gazetteer cannot be read or a write to it was refused."""
