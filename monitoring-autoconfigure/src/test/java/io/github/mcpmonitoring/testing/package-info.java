/**
 * Test support shared with the sample's tests through this module's test jar: real servers started on loopback.
 */
package io.github.mcpmonitoring.testing;
