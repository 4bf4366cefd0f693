/**
 * EELT explorer module.
 */
package org.eelt.explorer;
