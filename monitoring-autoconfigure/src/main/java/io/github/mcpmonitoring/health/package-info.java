/**
 * Spring Boot 3.5 health indicators over the core's component reports, which answer at once from snapshots computed
 * off the request thread.
 */
package io.github.mcpmonitoring.health;
