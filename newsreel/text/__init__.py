"""The text core: pure Python, no Django, no database, no I/O.

Strings and plain data in, plain data out. `pipeline.process_article` is the one entry
point the rest of Newsreel calls; the modules beside it each hold one step.
"""
