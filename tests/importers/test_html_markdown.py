"""HTML from WordPress, Squarespace and Ghost becomes Newsreel Markdown; nothing unsafe survives."""

from __future__ import annotations

from newsreel.importers.html_markdown import ImageFound, embed_url, html_to_markdown, html_to_text, split_credit
from tests.importers.wxr_samples import SITE, classic_diary, gutenberg_review


def convert(html: str, *, credit: str = "", missing: set[str] = frozenset()) -> tuple[str, list[str]]:
    warnings: list[str] = []

    def images(src: str, attachment: str, alt: str):
        if attachment in missing:
            return None
        return ImageFound(ref=f"2024/03/{attachment or 'loose'}.jpg", alt="Alt from the library", credit=credit)
    return html_to_markdown(html, images=images, warn=warnings.append), warnings


def test_gutenberg_blocks_become_paragraphs_headings_figures_embeds_and_lists():
    markdown, warnings = convert(gutenberg_review(12, image_id=20, image_path="2024/03/harbour.jpg"))
    assert markdown.startswith("The opening night of the *Saltmarsh Film Week* belonged to **Lanterns Over Kelby**")
    assert "## A slow start" in markdown
    assert ':::figure credit="Courtesy Driftwood Pictures"\n![Alt from the library](2024/03/20.jpg)\nThe harbour set at dusk.\n:::' in markdown
    assert "\n\nhttps://www.youtube.com/watch?v=trailer0001\n\n" in markdown
    assert "- Runtime: 118 minutes\n- Language: English" in markdown
    assert "wp:" not in markdown and "<!--" not in markdown and warnings == []


def test_nothing_unsafe_survives_the_conversion():
    markdown, _ = convert(gutenberg_review(12, image_id=20, image_path="2024/03/harbour.jpg")
                          + '<p><a href="javascript:alert(1)">click</a><img src=x onerror="alert(2)"><style>p{}</style></p>')
    for unsafe in ("script", "alert", "steal", "onclick", "onerror", "javascript:", "<style", "p{}"):
        assert unsafe not in markdown
    assert "Seen at the Pier Cinema." in markdown


def test_classic_text_gets_its_paragraphs_line_breaks_caption_figure_embed_and_gallery_back():
    markdown, warnings = convert(classic_diary(21, "2024/03/queue.jpg"), credit="Reel Harbor archive")
    assert markdown.startswith("Day two of the festival began with rain & a queue around the block.\\\nNobody left.\n\n")
    assert ':::figure credit="Photo: Jo Okonkwo"\n![Umbrellas outside the Pier Cinema](2024/03/21.jpg)\nThe queue at nine.\n:::' in markdown
    assert "\n\nhttps://vimeo.com/700000001\n\n" in markdown
    assert "### The films" in markdown and "one walkout [sic]," in markdown  # brackets that are not a shortcode stay
    assert markdown.rstrip().endswith(':::figure credit="Reel Harbor archive"\n![Alt from the library](2024/03/21.jpg)\n:::')
    assert warnings == []


def test_a_picture_without_a_credit_is_left_out_with_its_caption_kept_and_a_warning():
    markdown, warnings = convert('<figure><img src="a.jpg" alt="A pier"><figcaption>The pier at noon</figcaption></figure>')
    assert markdown == "The pier at noon\n"
    assert warnings == ["image 'a.jpg' has no credit (none in its caption or the media library; --default-credit gives one);"
                        " left out, its caption kept"]


def test_a_picture_whose_file_is_missing_is_left_out_and_its_caption_kept():
    markdown, _ = convert('[caption id="attachment_9"]<img src="b.jpg" alt="x" class="wp-image-9"> Gone. Photo: A. Lens[/caption]',
                          missing={"9"})
    assert markdown == "Gone. Photo: A. Lens\n"


def test_unknown_shortcodes_keep_their_text_and_are_reported():
    markdown, warnings = convert("<p>[pullout size=\"big\"]Read this twice.[/pullout]</p><p>[video src=\"x.mp4\"]</p>")
    assert markdown == "Read this twice.\n"
    assert warnings == ["shortcode [pullout] is not one Newsreel knows; its tags were removed and its text kept",
                        "[video] 'x.mp4': Newsreel has no video player; left out"]


def test_player_iframes_become_the_pages_they_show():
    markdown, _ = convert('<p>Trailer:</p><iframe src="https://www.youtube.com/embed/abc123?rel=0"></iframe>'
                          '<iframe src="https://player.vimeo.com/video/42"></iframe>')
    assert markdown == "Trailer:\n\nhttps://www.youtube.com/watch?v=abc123\n\nhttps://vimeo.com/42\n"
    assert embed_url("https://example.org/player") == "https://example.org/player"


def test_text_that_would_open_a_newsreel_block_is_escaped():
    markdown, _ = convert("<p>:::spoiler anora-2024</p>")
    assert markdown == "\\:::spoiler anora-2024\n"


def test_a_linked_picture_is_a_figure_not_a_broken_link():
    markdown, _ = convert(f'<p><a href="{SITE}/big.jpg"><img src="{SITE}/wp-content/uploads/x.jpg" alt="A crowd" '
                          'class="wp-image-5"></a></p>', credit="Photo: Reel Harbor")
    assert markdown == ':::figure credit="Photo: Reel Harbor"\n![A crowd](2024/03/5.jpg)\n:::\n'


def test_credits_are_found_at_the_end_of_captions():
    assert split_credit("The pier at night. Photo: Jo Ray") == ("The pier at night.", "Photo: Jo Ray")
    assert split_credit("Ines Marlow on set (Courtesy Driftwood Pictures)") == ("Ines Marlow on set", "Courtesy Driftwood Pictures")
    assert split_credit("© Reel Harbor") == ("", "© Reel Harbor")
    assert split_credit("Just a caption") == ("Just a caption", "")


def test_excerpts_become_plain_text():
    assert html_to_text("<p>A <b>patient</b>\n drama.</p><script>x()</script>") == "A patient drama."


def test_html_nested_thousands_deep_keeps_its_text_instead_of_exhausting_the_stack():
    # Inside a CDATA section the XML parser's depth limit does not reach: a pasted page of 3,000
    # nested <div>s reached the converter, whose recursion stopped the whole import.
    markdown, warnings = convert("<p>Before.</p>" + "<div>" * 3000 + "<b>Deep</b> text." + "</div>" * 3000 + "<p>After.</p>")
    assert markdown == "Before.\n\nDeep text.\n\nAfter.\n"
    assert warnings == ["HTML nested 3001 levels deep; below level 63 only its text is kept"]


def test_quotes_and_lists_nested_past_what_newsreel_keeps_keep_their_text():
    # Newsreel refuses a body with more than 20 levels of quotes and lists: flattened, it imports.
    markdown, warnings = convert("<blockquote>" * 300 + "Quoted." + "</blockquote>" * 300
                                 + "<ul><li>" * 40 + "Item." + "</li></ul>" * 40)
    assert markdown.count(">") == 8 and "Quoted." in markdown and "Item." in markdown
    assert warnings == ["quotes or lists nested more than 8 deep; the deeper ones keep only their text"]


def test_a_block_gallery_keeps_each_pictures_caption_and_its_own():
    # WordPress 5.9+ writes a gallery as image blocks nested in it, each a figure with its caption.
    html = """<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":102,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="https://tidewater.example/wp-content/uploads/2024/04/boat-1024x576.jpg" alt="A skiff on the river" class="wp-image-102"/><figcaption class="wp-element-caption">The skiff at slack water. Photo: Ines Valdor</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":103,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="https://tidewater.example/wp-content/uploads/2024/04/crew-1024x576.jpg" alt="The crew on the dyke" class="wp-image-103"/></figure>
<!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">Stills from the <em>Salt Ledger</em> shoot</figcaption></figure>
<!-- /wp:gallery -->"""
    markdown, warnings = convert(html, credit="Tidewater archive")
    assert markdown == (':::figure credit="Photo: Ines Valdor"\n![A skiff on the river](2024/03/102.jpg)\nThe skiff at slack water.\n:::\n\n'
                        ':::figure credit="Tidewater archive"\n![The crew on the dyke](2024/03/103.jpg)\n:::\n\n'
                        "Stills from the *Salt Ledger* shoot\n")
    assert warnings == []


def test_a_reusable_block_is_shown_where_it_is_used():
    # `<!-- wp:block {"ref":N} /-->` is all a post holds of a reusable block (a synced pattern):
    # its content is the wp_block item N, which readers saw in the post.
    blocks = {55: '<!-- wp:paragraph -->\n<p>Get the <strong>Tidewater</strong> letter every Friday.</p>\n<!-- /wp:paragraph -->\n'
                  '<!-- wp:block {"ref":56} /-->',
              56: '<!-- wp:paragraph -->\n<p>Unsubscribe any time.</p>\n<!-- /wp:paragraph --><!-- wp:block {"ref":55} /-->'}
    warnings: list[str] = []
    html = ('<!-- wp:paragraph -->\n<p>The review.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:block {"ref":55} /-->\n\n'
            '<!-- wp:block {"ref":99} /-->')
    markdown = html_to_markdown(html, images=lambda *_: None, warn=warnings.append, reusable=blocks.get)
    assert markdown == "The review.\n\nGet the **Tidewater** letter every Friday.\n\nUnsubscribe any time.\n"
    assert warnings == ["reusable block 55 uses itself; left out", "reusable block 99 is not in the export; left out"]


def test_block_editor_footnotes_become_markdown_footnotes():
    # WordPress 6.3+ keeps the notes in the post's `footnotes` meta and writes numbered links in the text.
    html = ('<!-- wp:paragraph -->\n<p>Shot over 41 tides<sup data-fn="0a1b-11" class="fn"><a href="#0a1b-11" id="0a1b-11-link">1</a></sup>'
            ' on two cameras<sup data-fn="0a1b-22" class="fn"><a href="#0a1b-22" id="0a1b-22-link">2</a></sup>.</p>\n'
            '<!-- /wp:paragraph -->\n\n<!-- wp:footnotes /-->')
    markdown = html_to_markdown(html, images=lambda *_: None, warn=lambda _: None,
                                footnotes={"0a1b-22": "One on the <em>skiff</em>.", "0a1b-11": "Per the production notes."})
    assert markdown == ("Shot over 41 tides[^1] on two cameras[^2].\n\n"
                        "[^1]: Per the production notes.\n\n[^2]: One on the *skiff*.\n")


def test_block_posts_are_not_given_classic_line_breaks_and_details_and_buttons_stay_apart():
    # WordPress adds paragraphs and line breaks only to classic text: read as classic once its
    # comments were gone, a details block came out as "Ending discussed\" glued to the button before it.
    html = """<!-- wp:buttons -->
<div class="wp-block-buttons"><!-- wp:button -->
<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://tickets.example/salt-ledger">Book tickets</a></div>
<!-- /wp:button --></div>
<!-- /wp:buttons -->

<!-- wp:details -->
<details class="wp-block-details"><summary>Ending discussed</summary><!-- wp:paragraph {"placeholder":"Type / to add a hidden block"} -->
<p>The ledger
burns.</p>
<!-- /wp:paragraph --></details>
<!-- /wp:details -->"""
    markdown, warnings = convert(html)
    assert markdown == "[Book tickets](https://tickets.example/salt-ledger)\n\n**Ending discussed**\n\nThe ledger\nburns.\n"  # a soft break, not a hard one
    assert warnings == []


def test_a_link_around_blocks_stays_one_link():
    markdown, _ = convert('<div><a href="https://tidewater.example/press-kit.pdf"><div>Press kit</div><div>Stills and notes</div></a></div>'
                          "<div>Next</div><div>Last</div>")
    assert markdown == "[Press kit Stills and notes](https://tidewater.example/press-kit.pdf)\n\nNext\n\nLast\n"


def test_an_embed_blocks_caption_is_the_embeds_caption():
    html = """<!-- wp:embed {"url":"https://www.youtube.com/watch?v=sAltLedg3r1","type":"video","providerNameSlug":"youtube","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=sAltLedg3r1
</div><figcaption class="wp-element-caption">The trailer, <em>cut by the director</em></figcaption></figure>
<!-- /wp:embed -->

<!-- wp:embed {"url":"https://twitter.com/tidewaterreels/status/1780000000000000000","type":"rich","providerNameSlug":"twitter","responsive":true} -->
<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">
https://twitter.com/tidewaterreels/status/1780000000000000000
</div><figcaption class="wp-element-caption">The announcement</figcaption></figure>
<!-- /wp:embed -->"""
    markdown, warnings = convert(html)
    # Newsreel's embed block takes a caption; an address it cannot embed keeps its caption as a paragraph.
    assert markdown == ("::: embed https://www.youtube.com/watch?v=sAltLedg3r1\nThe trailer, cut by the director\n:::\n\n"
                        "https://twitter.com/tidewaterreels/status/1780000000000000000\n\nThe announcement\n")
    assert warnings == []


def test_an_embed_block_never_closed_does_not_swallow_the_rest_of_the_post():
    html = ('<!-- wp:embed {"url":"https://vimeo.com/76979871"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
            'https://vimeo.com/76979871\n</div></figure>\n\n<!-- wp:paragraph -->\n<p>The rest of the review.</p>\n<!-- /wp:paragraph -->')
    markdown, warnings = convert(html)
    assert markdown.startswith("https://vimeo.com/76979871\n") and markdown.endswith("The rest of the review.\n")
    assert warnings == ["the embed block is never closed (<!-- /wp:embed -->); what follows it is kept as it is"]


def test_a_picture_with_no_source_is_nothing_not_a_missing_picture():
    # Ghost's audio card holds one: it was reported as "image 'attachment ' is not in the media folder".
    asked: list[tuple] = []
    markdown = html_to_markdown('<p>Score</p><img src="" alt="audio-thumbnail">', images=lambda *args: asked.append(args),
                                warn=asked.append)
    assert markdown == "Score\n" and asked == []


def test_a_caption_that_begins_with_stills_or_image_is_not_a_credit():
    assert split_credit("Stills from the Salt Ledger shoot") == ("Stills from the Salt Ledger shoot", "")
    assert split_credit("Image of the pier at dusk") == ("Image of the pier at dusk", "")
    assert split_credit("On set. Stills by Ines Valdor") == ("On set.", "Stills by Ines Valdor")
    assert split_credit("Photographs: Ines Valdor") == ("", "Photographs: Ines Valdor")


def test_squarespace_video_blocks_and_quote_blocks_keep_what_readers_saw():
    # Squarespace keeps a video block's address in its data-block-json (its script draws the
    # player): the video was lost without a word. A quote block's source sat outside the quote.
    block_json = ('{"layout":"caption-hidden","overlay":true,"description":{"html":"<p>The trailer</p>"},'
                  '"html":"<iframe src=\\"//www.youtube.com/embed/sAltLedg3r1?wmode=opaque\\"></iframe>",'
                  '"url":"https://www.youtube.com/watch?v=sAltLedg3r1","providerName":"YouTube","resolvedBy":"youtube"}')
    only_iframe = '{"html":"<iframe src=\\"//player.vimeo.com/video/76979871\\"></iframe>","providerName":"Vimeo"}'
    attribute = block_json.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    html = (
        '<div class="sqs-layout sqs-grid-12 columns-12" data-layout-label="Post Body" data-type="item"><div class="row sqs-row">'
        '<div class="col sqs-col-12 span-12"><div class="sqs-block html-block sqs-block-html" data-block-type="2">'
        '<div class="sqs-block-content"><p class="">The premiere filled the shed.</p></div></div>'
        f'<div class="sqs-block video-block sqs-block-video" data-block-json="{attribute}" data-block-type="32">'
        '<div class="sqs-block-content"><div class="intrinsic"><div class="embed-block-wrapper"><div class="sqs-video-wrapper" '
        'data-provider-name="YouTube"></div></div></div></div></div>'
        f'<div class="sqs-block embed-block sqs-block-embed" data-block-json="{only_iframe.replace(chr(34), "&quot;").replace("<", "&lt;").replace(">", "&gt;")}"></div>'
        '<div class="sqs-block video-block sqs-block-video" data-block-json="{&quot;layout&quot;:&quot;caption-hidden&quot;}"></div>'
        '<div class="sqs-block quote-block sqs-block-quote" data-block-type="31"><div class="sqs-block-content"><figure>'
        '<blockquote data-animation-role="quote"><span>“</span>The tide sets the running time.<span>”</span></blockquote>'
        '<figcaption class="source">— Oksana Relm</figcaption></figure></div></div></div></div></div>')
    markdown, warnings = convert(html)
    assert markdown == ("The premiere filled the shed.\n\n::: embed https://www.youtube.com/watch?v=sAltLedg3r1\nThe trailer\n:::\n\n"
                        "https://vimeo.com/76979871\n\n> “The tide sets the running time.”\n>\n> — Oksana Relm\n")
    assert warnings == ["a Squarespace video or embed block names no address; left out"]


def test_a_dynamic_block_the_export_holds_nothing_of_is_reported():
    markdown, warnings = convert('<!-- wp:paragraph -->\n<p>Latest reviews:</p>\n<!-- /wp:paragraph -->\n\n'
                                 '<!-- wp:latest-posts {"postsToShow":3} /-->\n\n<!-- wp:spacer /-->\n\n<!-- wp:block {"ref":9} /-->')
    assert markdown == "Latest reviews:\n"
    assert warnings == ["block wp:latest-posts is drawn by WordPress when the page is shown and the export holds none of it; left out",
                        "reusable block 9 is not in the export; left out"]


def test_a_classic_posts_preformatted_text_keeps_its_blank_lines_and_breaks():
    # wpautop leaves what a <pre> holds alone: read as paragraphs, a tide table came out with a
    # hard break (`\`) in its code and its lines pulled apart.
    markdown, _ = convert("Intro.\n\n<pre class=\"tides\">TIDE 02:14\n\nTIDE 14:40\n    indented</pre>\n\nAfter.")
    assert markdown == "Intro.\n\n```\nTIDE 02:14\n\nTIDE 14:40\n    indented\n```\n\nAfter.\n"


def test_a_classic_posts_table_with_blank_lines_between_its_rows_stays_a_table():
    markdown, _ = convert("Intro.\n\n<table>\n<tr><td>Fri</td><td>Salt Ledger</td></tr>\n\n<tr><td>Sat</td><td>Q&amp;A</td></tr>\n"
                          "</table>\n\nAfter.")
    assert markdown == "Intro.\n\n|  |  |\n| --- | --- |\n| Fri | Salt Ledger |\n| Sat | Q&A |\n\nAfter.\n"
