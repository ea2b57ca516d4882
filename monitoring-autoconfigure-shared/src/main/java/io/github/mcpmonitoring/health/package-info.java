/**
 * Spring Boot health indicators over the core's component reports, which answer at once from snapshots computed
 * off the request thread.
 */
package io.github.mcpmonitoring.health;
