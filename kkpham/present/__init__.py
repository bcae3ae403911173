"""Meeting-ready material: static figures, tables, the rakor pack (PPTX + PDF), narrative.

Reads data only through the domain APIs (``mapdata``, ``timeline``, ``league``, ``transitions``);
the figure builders here stay pure (data in, Plotly figure out); ``render`` is the only module
that starts a browser.
"""
