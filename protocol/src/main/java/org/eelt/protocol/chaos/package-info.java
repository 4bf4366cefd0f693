/**
 * Hooks for the crash-safety harness ({@code eelt chaos kill}): phase markers and store
 * acknowledgements written to a journal file that a watching process reads while this one runs.
 */
package org.eelt.protocol.chaos;
