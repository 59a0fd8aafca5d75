/**
 * The {@code check-mysql} plugin: a {@code type: mysql} health check for MySQL and MariaDB servers
 * ({@link io.vipd.plugins.check.mysql.MysqlHealthCheckFactory}).
 */
package io.vipd.plugins.check.mysql;
