<?php
// Imports a WXR file with the WordPress Importer plugin, as its "Import WordPress" screen does
// with every author imported as they are and attachments downloaded, then prints what WordPress
// holds as JSON: php import.php PLUGIN_DIR FILE.xml
// WordPress sets globals named $plugin and $file as it loads: these names are ours alone.
[, $wxr_check_plugin, $wxr_check_file] = $argv;
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
define('WP_LOAD_IMPORTERS', true);
require $wxr_check_plugin . '/src/wordpress-importer.php';
wp_set_current_user(1);
// The pictures are served by a Newsreel on 127.0.0.1 at a port of its own, which WordPress
// refuses to fetch from by default (a real site's are on 80 or 443).
add_filter('http_request_host_is_external', '__return_true');
add_filter('http_allowed_safe_ports', fn($ports, $host, $url) => array_merge($ports, [parse_url($url, PHP_URL_PORT)]), 10, 3);

$parser = new WXR_Parser();
$parsed = $parser->parse($wxr_check_file);
if (is_wp_error($parsed)) {
    echo json_encode(['parse_error' => $parsed->get_error_message()]), "\n";
    exit(1);
}
$_POST = ['imported_authors' => array_keys($parsed['authors']), 'user_map' => [], 'user_new' => []];
$importer = new WP_Import();
$importer->fetch_attachments = true;
ob_start();
$importer->import($wxr_check_file);
$said = ob_get_clean();

$posts = [];
foreach (get_posts(['post_type' => ['post', 'page', 'attachment'], 'post_status' => 'any', 'numberposts' => -1,
                    'orderby' => 'ID', 'order' => 'ASC', 'suppress_filters' => true]) as $post) {
    $author = get_userdata($post->post_author);
    $thumbnail = get_post_thumbnail_id($post->ID);
    $posts[] = [
        'type' => $post->post_type, 'status' => $post->post_status, 'name' => $post->post_name,
        'title' => $post->post_title, 'content' => $post->post_content, 'excerpt' => $post->post_excerpt,
        'date_gmt' => $post->post_date_gmt, 'author' => $author ? $author->user_login : null,
        'categories' => wp_get_post_terms($post->ID, 'category', ['fields' => 'names']),
        'tags' => wp_get_post_terms($post->ID, 'post_tag', ['fields' => 'names']),
        'thumbnail' => $thumbnail ? get_the_title($thumbnail) : null,
        'file_bytes' => $post->post_type === 'attachment' && is_file(get_attached_file($post->ID)) ? filesize(get_attached_file($post->ID)) : null,
        'alt' => $post->post_type === 'attachment' ? get_post_meta($post->ID, '_wp_attachment_image_alt', true) : null,
        'dek' => get_post_meta($post->ID, 'newsreel_dek', true),
    ];
}
$users = array_map(fn($user) => ['login' => $user->user_login, 'name' => $user->display_name], get_users());
echo json_encode(['said' => wp_strip_all_tags(str_replace(['<br />', '</p>'], "\n", $said)), 'posts' => $posts, 'users' => $users]), "\n";
