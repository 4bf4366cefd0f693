/**
 * EELT examiner module.
 */
package org.eelt.examiner;
