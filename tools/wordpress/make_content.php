<?php
// Fills the scratch WordPress as a film desk would through its own screens, then writes its
// export with WordPress's exporter (Tools → Export → All content): php make_content.php OUT.xml
// Everything here is invented for the check. Prints JSON: what was made, post by post.
[, $wxr_check_out] = $argv;
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
wp_set_current_user(1);  // an administrator: markup is kept as written (unfiltered_html)

function wxr_check_user(string $login, string $name): int {
    [$first, $last] = explode(' ', $name, 2);
    return wp_insert_user(['user_login' => $login, 'user_pass' => wp_generate_password(), 'display_name' => $name,
                           'first_name' => $first, 'last_name' => $last, 'role' => 'author',
                           'user_email' => "$login@wordpress.invalid"]);
}

// A JPEG drawn here, with the credit and caption in its IPTC data as a camera or agency writes them.
function wxr_check_picture(string $name, string $alt, string $credit, string $caption, int $parent): int {
    $image = imagecreatetruecolor(1200, 800);
    imagefilledrectangle($image, 0, 0, 1200, 800, imagecolorallocate($image, 30 + strlen($name) * 7 % 200, 80, 140));
    $path = sys_get_temp_dir() . "/$name.jpg";
    imagejpeg($image, $path, 85);
    $iptc = '';
    foreach (['2#110' => $credit, '2#120' => $caption] as $tag => $value) {
        if ($value !== '') {
            $iptc .= chr(0x1C) . chr(2) . chr((int) substr($tag, 2)) . pack('n', strlen($value)) . $value;
        }
    }
    if ($iptc !== '') {
        file_put_contents($path, iptcembed($iptc, $path));
    }
    $id = media_handle_sideload(['name' => "$name.jpg", 'tmp_name' => $path], $parent);
    if (is_wp_error($id)) {
        fwrite(STDERR, "picture $name: " . $id->get_error_message() . "\n");
        exit(1);
    }
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    return $id;
}

function wxr_check_image_block(int $id, string $caption): string {
    $url = wp_get_attachment_url($id);
    $alt = esc_attr(get_post_meta($id, '_wp_attachment_image_alt', true));
    $figcaption = $caption === '' ? '' : "<figcaption class=\"wp-element-caption\">$caption</figcaption>";
    return "<!-- wp:image {\"id\":$id,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n"
        . "<figure class=\"wp-block-image size-large\"><img src=\"$url\" alt=\"$alt\" class=\"wp-image-$id\"/>$figcaption</figure>\n"
        . "<!-- /wp:image -->";
}

function wxr_check_paragraph(string $html): string {
    return "<!-- wp:paragraph -->\n<p>$html</p>\n<!-- /wp:paragraph -->";
}

function wxr_check_post(array $fields): int {
    $id = wp_insert_post(wp_slash($fields + ['post_type' => 'post', 'post_status' => 'publish']), true);
    if (is_wp_error($id)) {
        fwrite(STDERR, "post {$fields['post_title']}: " . $id->get_error_message() . "\n");
        exit(1);
    }
    return $id;
}

// Inside a function: WordPress keeps globals named $post, $page and the like, which its exporter sets.
function wxr_check_make(): array {
    $nadia = wxr_check_user('nferro', 'Nadia Ferro');
    $tomas = wxr_check_user('tvale', 'Tomas Vale');
    $reviews = wp_create_category('Reviews');
    $news = wp_create_category('News');
    $festivals = wp_create_category('Festival Diary');

    // 1. A review in the block editor: heading, pictures with captions and credits, a pull quote,
    // a YouTube embed, a gallery, a list; categories, tags, a featured image, an excerpt.
    $review = wxr_check_post(['post_title' => 'Saltmarsh Hours review: a tide that takes its time', 'post_content' => '',
                              'post_author' => $nadia, 'post_date' => '2026-03-14 10:00:00', 'post_category' => [$reviews],
                              'tags_input' => ['Drama', 'Brennmoor 2026'],
                              'post_excerpt' => 'Ilka Sorensen’s second feature is patient, odd and very moving.']);
    $hero = wxr_check_picture('saltmarsh-hours-still', 'A woman wading into a grey estuary at dawn',
                              'Photo: Harrow Lane Films', 'Ilka Sorensen on the estuary set', $review);
    $still = wxr_check_picture('saltmarsh-hours-ferry', 'A small ferry crossing a flat bay', 'Photo: Petra Lund', '', $review);
    $gallery_one = wxr_check_picture('brennmoor-pier', 'A pier with festival flags', 'Photo: Brennmoor Festival', '', $review);
    $gallery_two = wxr_check_picture('brennmoor-crowd', 'A queue outside a cinema at night', 'Photo: Brennmoor Festival', '', $review);
    $body = implode("\n\n", [
        wxr_check_paragraph('Ilka Sorensen’s <em>Saltmarsh Hours</em> opens on a tide table &amp; a kettle, and it never hurries.'),
        "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">A film about waiting</h2>\n<!-- /wp:heading -->",
        wxr_check_image_block($hero, 'Ilka Sorensen on the estuary set. Photo: Harrow Lane Films'),
        wxr_check_paragraph('“I wanted the water to set the pace,” Sorensen said after the premiere. “Not me.”'),
        "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>The sea is the only editor I trust.</p>\n<!-- /wp:paragraph --><cite>Ilka Sorensen</cite></blockquote>\n<!-- /wp:quote -->",
        wxr_check_image_block($still, ''),
        "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=aqz-KE-bpKQ\",\"type\":\"video\",\"providerNameSlug\":\"youtube\",\"responsive\":true} -->\n"
        . "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n</div></figure>\n<!-- /wp:embed -->",
        "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\">"
        . wxr_check_image_block($gallery_one, '') . "\n" . wxr_check_image_block($gallery_two, '') . "</figure>\n<!-- /wp:gallery -->",
        "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Runtime: 104 minutes</li>\n<!-- /wp:list-item --><!-- wp:list-item -->\n<li>In cinemas from April 3</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->",
    ]);
    wp_update_post(wp_slash(['ID' => $review, 'post_content' => $body]));
    set_post_thumbnail($review, $hero);
    stick_post($review);

    // 2. A classic-editor post: blank-line paragraphs, a [caption] shortcode, a [gallery], a bare URL.
    $diary = wxr_check_post(['post_title' => 'Festival diary: three ferries & a standing ovation', 'post_content' => '',
                             'post_author' => $tomas, 'post_date' => '2026-03-15 18:30:00', 'post_category' => [$festivals],
                             'tags_input' => ['Brennmoor 2026']]);
    $ferry = wxr_check_picture('diary-ferry', 'Passengers on a ferry deck in the rain', 'Photo: Tomas Vale', '', $diary);
    $classic = "Day one began on the 7:10 ferry, with half the jury on board.\n\n"
        . "[caption id=\"attachment_$ferry\" align=\"aligncenter\" width=\"1200\"]<img class=\"size-full wp-image-$ferry\" src=\""
        . wp_get_attachment_url($ferry) . "\" alt=\"Passengers on a ferry deck in the rain\" width=\"1200\" height=\"800\" /> The 7:10 from the mainland. Photo: Tomas Vale[/caption]\n\n"
        . "The evening's premiere ran long, and nobody minded.\nThe applause ran longer.\n\n"
        . "[gallery ids=\"$gallery_one,$gallery_two\"]\n\n"
        . "https://vimeo.com/76979871\n\n"
        . "More tomorrow, weather permitting.";
    wp_update_post(wp_slash(['ID' => $diary, 'post_content' => $classic]));
    set_post_thumbnail($diary, $ferry);

    // 3. Statuses: a draft, a scheduled post, a private one, one behind a password, one pending review.
    $draft = wxr_check_post(['post_title' => 'Notes toward a Sorensen profile', 'post_status' => 'draft',
                             'post_content' => wxr_check_paragraph('Unfinished: call the producer first.'), 'post_category' => [$news]]);
    $future = wxr_check_post(['post_title' => 'Harrow Lane dates Saltmarsh Hours for April', 'post_status' => 'future',
                              'post_date' => '2027-04-01 09:00:00', 'post_category' => [$news],
                              'post_content' => wxr_check_paragraph('Harrow Lane Films will open the film on April 3.')]);
    $private = wxr_check_post(['post_title' => 'Embargoed: jury line-up', 'post_status' => 'private', 'post_category' => [$news],
                               'post_content' => wxr_check_paragraph('Not for publication before the festival says so.')]);
    $protected = wxr_check_post(['post_title' => 'Screener links for critics', 'post_password' => 'tide', 'post_category' => [$news],
                                 'post_content' => wxr_check_paragraph('Links for accredited critics only.')]);
    $pending = wxr_check_post(['post_title' => 'Petra Lund joins the Brennmoor jury', 'post_status' => 'pending',
                               'post_author' => $nadia, 'post_category' => [$news],
                               'post_content' => wxr_check_paragraph('The cinematographer Petra Lund will sit on the jury.')]);

    // 4. A title hard on XML and on people (ampersand, quotes, a CDATA end, emoji), and a page.
    $hard = wxr_check_post(['post_title' => 'Q&A: “Saltmarsh Hours” ]]> the cut nobody saw 🎬', 'post_category' => [$news],
                            'post_date' => '2026-03-16 08:00:00',
                            'post_content' => wxr_check_paragraph('A sentence with ]]&gt; and <code>a &lt; b</code> in it.')]);
    $page = wp_insert_post(['post_title' => 'About this desk', 'post_type' => 'page', 'post_status' => 'publish',
                            'post_content' => wxr_check_paragraph('We cover films from the coast.')]);

    return [$review, $diary, $draft, $future, $private, $protected, $pending, $hard, $page];
}

$wxr_check_ids = wxr_check_make();
ob_start();
export_wp(['content' => 'all']);
file_put_contents($wxr_check_out, ob_get_clean());

$made = [];
foreach ($wxr_check_ids as $id) {
    $post = get_post($id);
    $thumbnail = get_post_thumbnail_id($id);
    $made[] = ['id' => $id, 'type' => $post->post_type, 'status' => $post->post_status, 'title' => $post->post_title,
               'slug' => $post->post_name, 'password' => $post->post_password !== '', 'excerpt' => $post->post_excerpt,
               'categories' => wp_get_post_terms($id, 'category', ['fields' => 'names']),
               'tags' => wp_get_post_terms($id, 'post_tag', ['fields' => 'names']),
               'author' => get_userdata($post->post_author)->display_name,
               'hero' => $thumbnail ? ['alt' => get_post_meta($thumbnail, '_wp_attachment_image_alt', true),
                                       'credit' => wp_get_attachment_metadata($thumbnail)['image_meta']['credit'] ?? ''] : null];
}
echo json_encode(['made' => $made, 'version' => get_bloginfo('version')]), "\n";
