"""Fictional WordPress exports shaped as WordPress 6.x and Squarespace write them, for the specs
and the benchmark: channel header, <wp:author>, <wp:category>/<wp:tag>, items with CDATA,
wp:postmeta, Gutenberg block comments or classic-editor text, attachments.

Every film, person and site here is invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

SITE = "https://reelharbor.example"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class Post:
    post_id: int
    title: str
    slug: str
    content: str
    status: str = "publish"
    post_type: str = "post"
    date: dt.datetime = dt.datetime(2024, 3, 15, 9, 0)
    creator: str = "nferro"
    excerpt: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (nicename, name)
    tags: list[tuple[str, str]] = field(default_factory=list)
    # Co-Authors Plus bylines, in order: (term slug, term name), as its `author` taxonomy exports them
    # (`cap-` + the author's nicename, and the user's login).
    coauthors: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    password: str = ""
    sticky: bool = False
    parent: int = 0
    attachment_url: str = ""
    link: str = ""

    def xml(self, version: str = "1.2") -> str:
        gmt = self.date.strftime("%Y-%m-%d %H:%M:%S") if self.status not in ("draft", "auto-draft") else "0000-00-00 00:00:00"
        local = (self.date + dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S")
        link = self.link or (f"{SITE}/{self.date:%Y/%m/%d}/{self.slug}/" if self.post_type == "post"
                             else f"{SITE}/?attachment_id={self.post_id}" if self.post_type == "attachment"
                             else f"{SITE}/{self.slug}/")
        terms = "".join(f'\t\t<category domain="category" nicename="{n}">{cdata(name)}</category>\n' for n, name in self.categories)
        terms += "".join(f'\t\t<category domain="post_tag" nicename="{n}">{cdata(name)}</category>\n' for n, name in self.tags)
        terms += "".join(f'\t\t<category domain="author" nicename="{n}">{cdata(name)}</category>\n' for n, name in self.coauthors)
        meta = "".join(
            f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>\n"
            for key, value in self.meta.items())
        attachment = f"\t\t<wp:attachment_url>{cdata(self.attachment_url)}</wp:attachment_url>\n" if self.attachment_url else ""
        return (
            "\t<item>\n"
            f"\t\t<title>{cdata(self.title)}</title>\n"
            f"\t\t<link>{escape(link)}</link>\n"
            f"\t\t<pubDate>{self.date:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n"
            f"\t\t<dc:creator>{cdata(self.creator)}</dc:creator>\n"
            f'\t\t<guid isPermaLink="false">{SITE}/?p={self.post_id}</guid>\n'
            "\t\t<description></description>\n"
            f"\t\t<content:encoded>{cdata(self.content)}</content:encoded>\n"
            f"\t\t<excerpt:encoded>{cdata(self.excerpt)}</excerpt:encoded>\n"
            f"\t\t<wp:post_id>{self.post_id}</wp:post_id>\n"
            f"\t\t<wp:post_date>{cdata(local)}</wp:post_date>\n"
            f"\t\t<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>\n"
            f"\t\t<wp:post_modified>{cdata(local)}</wp:post_modified>\n"
            f"\t\t<wp:post_modified_gmt>{cdata(gmt)}</wp:post_modified_gmt>\n"
            f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n"
            f"\t\t<wp:ping_status>{cdata('open')}</wp:ping_status>\n"
            f"\t\t<wp:post_name>{cdata(self.slug)}</wp:post_name>\n"
            f"\t\t<wp:status>{cdata(self.status)}</wp:status>\n"
            f"\t\t<wp:post_parent>{self.parent}</wp:post_parent>\n"
            "\t\t<wp:menu_order>0</wp:menu_order>\n"
            f"\t\t<wp:post_type>{cdata(self.post_type)}</wp:post_type>\n"
            f"\t\t<wp:post_password>{cdata(self.password)}</wp:post_password>\n"
            f"\t\t<wp:is_sticky>{int(self.sticky)}</wp:is_sticky>\n"
            f"{attachment}{terms}{meta}"
            "\t</item>\n"
        )


def attachment(post_id: int, path: str, *, title: str, alt: str = "", caption: str = "", credit: str = "",
               parent: int = 0) -> Post:
    """An attachment as WordPress exports it: its file under uploads, alt text, caption, IPTC credit."""
    meta = {"_wp_attached_file": path}
    image_meta = (f'a:12:{{s:8:"aperture";s:1:"0";s:6:"credit";s:{len(credit.encode())}:"{credit}";'
                  's:6:"camera";s:0:"";s:7:"caption";s:0:"";}')
    meta["_wp_attachment_metadata"] = (f'a:5:{{s:5:"width";i:1200;s:6:"height";i:675;s:4:"file";s:{len(path)}:"{path}";'
                                       f's:5:"sizes";a:0:{{}}s:10:"image_meta";{image_meta}}}')
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return Post(post_id, title, title.lower().replace(" ", "-"), "", status="inherit", post_type="attachment",
                excerpt=caption, meta=meta, parent=parent, attachment_url=f"{SITE}/wp-content/uploads/{path}")


def guest_author(post_id: int, login: str, display_name: str, *, linked_account: str = "") -> Post:
    """A Co-Authors Plus guest author: a `guest-author` post named `cap-LOGIN`, its profile in `cap-` postmeta."""
    first, _, last = display_name.partition(" ")
    meta = {"cap-display_name": display_name, "cap-user_login": login, "cap-first_name": first, "cap-last_name": last,
            "cap-user_email": f"{login}@guests.example"}
    if linked_account:
        meta["cap-linked_account"] = linked_account
    return Post(post_id, display_name, f"cap-{login}", "", post_type="guest-author", meta=meta)


AUTHORS = [("nferro", "Nadia Ferro"), ("tokafor", "Tomas Okafor")]
CATEGORIES = [("reviews", "Reviews"), ("festival-diary", "Festival Diary"), ("uncategorized", "Uncategorized")]


def wxr(posts: list[Post], *, version: str = "1.2", generator: str = "https://wordpress.org/?v=6.4.2",
        site: str = SITE) -> str:
    """A whole export, header first, as WordPress's export_wp() writes it."""
    authors = "".join(
        f"\t<wp:author><wp:author_id>{index}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_email>{cdata(login + '@reelharbor.example')}</wp:author_email>"
        f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
        f"<wp:author_first_name>{cdata(name.split()[0])}</wp:author_first_name>"
        f"<wp:author_last_name>{cdata(name.split()[-1])}</wp:author_last_name></wp:author>\n"
        for index, (login, name) in enumerate(AUTHORS, start=1))
    categories = "".join(
        f"\t<wp:category>\n\t\t<wp:term_id>{index}</wp:term_id>\n\t\t<wp:category_nicename>{cdata(slug)}</wp:category_nicename>\n"
        f"\t\t<wp:category_parent>{cdata('')}</wp:category_parent>\n\t\t<wp:cat_name>{cdata(name)}</wp:cat_name>\n\t</wp:category>\n"
        for index, (slug, name) in enumerate(CATEGORIES, start=1))
    return (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->\n"
        "<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->\n"
        f'<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        f'\txmlns:wp="http://wordpress.org/export/{version}/"\n>\n\n'
        "<channel>\n"
        "\t<title>Reel Harbor</title>\n"
        f"\t<link>{site}</link>\n"
        "\t<description>Film news from a fictional harbour town</description>\n"
        "\t<pubDate>Mon, 02 Dec 2024 10:00:00 +0000</pubDate>\n"
        "\t<language>en-US</language>\n"
        f"\t<wp:wxr_version>{version}</wp:wxr_version>\n"
        f"\t<wp:base_site_url>{site}</wp:base_site_url>\n"
        f"\t<wp:base_blog_url>{site}</wp:base_blog_url>\n\n"
        f"{authors}{categories}"
        f"\t<wp:tag>\n\t\t<wp:term_id>10</wp:term_id>\n\t\t<wp:tag_slug>{cdata('festival')}</wp:tag_slug>\n"
        f"\t\t<wp:tag_name>{cdata('Festival')}</wp:tag_name>\n\t</wp:tag>\n\n"
        f"\t<generator>{generator}</generator>\n\n"
        + "".join(post.xml(version) for post in posts)
        + "</channel>\n</rss>\n"
    )


def gutenberg_review(post_id: int, *, image_id: int, image_path: str) -> str:
    """A post written in the block editor: paragraphs, a heading, an image block, an embed, a list."""
    return (
        "<!-- wp:paragraph -->\n<p>The opening night of the <em>Saltmarsh Film Week</em> belonged to "
        f"<strong>Lanterns Over Kelby</strong>, the second feature from director Ines Marlow.</p>\n<!-- /wp:paragraph -->\n\n"
        "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">A slow start</h2>\n<!-- /wp:heading -->\n\n"
        "<!-- wp:paragraph -->\n<p>It takes its time &amp; it earns it.</p>\n<!-- /wp:paragraph -->\n\n"
        f'<!-- wp:image {{"id":{image_id},"sizeSlug":"large","linkDestination":"none"}} -->\n'
        f'<figure class="wp-block-image size-large"><img src="{SITE}/wp-content/uploads/{image_path.replace(".jpg", "-1024x576.jpg")}" '
        f'alt="" class="wp-image-{image_id}"/><figcaption class="wp-element-caption">The harbour set at dusk. '
        "(Courtesy Driftwood Pictures)</figcaption></figure>\n<!-- /wp:image -->\n\n"
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=trailer0001","type":"video","providerNameSlug":"youtube",'
        '"responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->\n'
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 '
        'wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=trailer0001\n'
        "</div></figure>\n<!-- /wp:embed -->\n\n"
        "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Runtime: 118 minutes</li>\n<!-- /wp:list-item -->\n\n"
        "<!-- wp:list-item -->\n<li>Language: English</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n"
        "<!-- wp:html -->\n<div class=\"note\" onclick=\"steal()\">Seen at the Pier Cinema.<script>alert(1)</script></div>\n"
        "<!-- /wp:html -->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->"
    )


def classic_diary(image_id: int, image_path: str) -> str:
    """A classic-editor post: paragraphs by blank lines, a [caption] around a linked picture, a bare URL, a gallery."""
    return (
        "Day two of the festival began with rain &amp; a queue around the block.\n"
        "Nobody left.\n\n"
        f'[caption id="attachment_{image_id}" align="aligncenter" width="800"]<a href="{SITE}/wp-content/uploads/{image_path}">'
        f'<img class="size-large wp-image-{image_id}" src="{SITE}/wp-content/uploads/{image_path.replace(".jpg", "-800x450.jpg")}" '
        'alt="Umbrellas outside the Pier Cinema" width="800" height="450" /></a> The queue at nine. Photo: Jo Okonkwo[/caption]\n\n'
        "https://vimeo.com/700000001\n\n"
        "<h3>The films</h3>\n"
        "Three premieres, one walkout [sic], and a standing ovation.\n\n"
        f'[gallery ids="{image_id}" columns="3"]'
    )
