/** Test support shared by the deploy module's tests (serialization round trips, campaign specs). */
package org.eelt.deploy.testing;
