<?php
// Installs the throwaway WordPress site: php install.php (from the WordPress folder's copy).
define('WP_INSTALLING', true);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Import check', 'admin', 'admin@wordpress.invalid', false, '', wp_generate_password(24));
// An empty site: without the sample post, page and privacy page wp_install() adds.
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $post) {
    wp_delete_post($post->ID, true);
}
echo json_encode(['installed' => !is_wp_error($result), 'version' => get_bloginfo('version')]), "\n";
