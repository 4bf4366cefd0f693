/**
 * EELT on Pekko Cluster: node settings ({@code eelt.node} HOCON) turned into a Pekko cluster
 * configuration (artery on the node's host/port, roles, seed nodes, split-brain resolver, jackson-cbor
 * bindings), the node guardian that starts each role's components, the labeler pool of a labeler node
 * (it finds campaigns through the receptionist and pulls their work), and the node entry point used
 * by tests, benchmarks and the deploy kit.
 */
package org.eelt.deploy.cluster;
