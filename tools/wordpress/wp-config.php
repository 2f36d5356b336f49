<?php
// WordPress's configuration for tools/wordpress_accepts.py: a throwaway site in a MariaDB
// database the tool names, reached from the command line only.
define('DB_NAME', getenv('WXR_CHECK_DATABASE'));
define('DB_USER', getenv('WXR_CHECK_DATABASE_USER') ?: 'root');
define('DB_PASSWORD', getenv('WXR_CHECK_DATABASE_PASSWORD') ?: '');
define('DB_HOST', getenv('WXR_CHECK_DATABASE_HOST') ?: '127.0.0.1');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_HOME', 'http://wordpress.invalid');
define('WP_SITEURL', 'http://wordpress.invalid');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $name) {
    define($name, bin2hex(random_bytes(16)));
}
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
$_SERVER['HTTP_HOST'] = 'wordpress.invalid';
require_once ABSPATH . 'wp-settings.php';
