/**
 * EELT trainer module.
 */
package org.eelt.trainer;
