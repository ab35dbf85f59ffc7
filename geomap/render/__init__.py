"""Drawing the results: the interactive HTML page (``html`` with its data tables from
``page``), fragments and iframes (``embed``), static PNG/SVG images (``static``), the report
(``report``); ``layers`` aggregates mentions into what they draw and ``theme`` holds the look
they share."""
