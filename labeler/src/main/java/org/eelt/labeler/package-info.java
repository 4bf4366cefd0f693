/**
 * EELT labeler module.
 */
package org.eelt.labeler;
