"""Output: records (``records``, ``incidents``), one writer per format (``writers``: JSON Lines, GeoJSON,
CSV; ``geoparquet``; ``gpkg``), the one atomic replace (``atomic``), writing a command's
records (``output``) and the commands' output options (``options``)."""
