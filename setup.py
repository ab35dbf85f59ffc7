"""The optional compiled scanners (geomap/_speedups.c, geomap/_keyscan.c); everything else is in
pyproject.toml.
Without a C compiler the build goes on without it and geomap uses the same rules in Python."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("geomap._speedups", ["geomap/_speedups.c"], optional=True),
                   Extension("geomap._keyscan", ["geomap/_keyscan.c"], optional=True)])
