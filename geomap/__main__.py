"""``python -m geomap``: the command line."""
from .cli import main

main()
