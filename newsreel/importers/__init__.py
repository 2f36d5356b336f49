"""Importers: articles from other systems and files, each turned into an ArticleDraft and
published through the one intake (`newsreel.newsroom.publishing.save_and_publish`).

    jsonl.py            one JSON object per line -> draft fields (no Django, no database)
    markdown_folder.py  a folder of Markdown files with YAML front matter -> drafts
    runner.py           publishes drafts one by one, reporting every failure with its place
"""
