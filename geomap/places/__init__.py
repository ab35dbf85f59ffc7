"""Places: the gazetteer's files (``files``), its name index (``index``), the rules of every
entry (``rules``), country outlines (``outlines``), validation (``validate``), import readers
(``imports``), the write side (``store``) and ``gazetteer.Gazetteer``, which joins them.
"""
