/**
 * EELT deploy module.
 */
package org.eelt.deploy;
