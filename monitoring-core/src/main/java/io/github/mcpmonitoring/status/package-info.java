/**
 * The status and details of the starter's health components, chosen without any Spring Boot type so that every
 * Spring Boot line adapts the same reports.
 */
package io.github.mcpmonitoring.status;
