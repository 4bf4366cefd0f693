/**
 * EELT on Pekko Cluster: node settings ({@code eelt.node} HOCON) turned into a Pekko cluster
 * configuration (artery on the node's host/port, roles, seed nodes, split-brain resolver, jackson-cbor
 * bindings), the node guardian that starts each role's components, the labeler pool of a labeler node
 * (it finds campaigns through the receptionist and pulls their work), the walker and trainer hosts of
 * explorer and trainer nodes with the campaign-side stand-ins that place walkers and ensemble members
 * on them ({@link org.eelt.deploy.cluster.RemoteWalker}, {@link org.eelt.deploy.cluster.RemoteTrainer}),
 * and the node entry point used
 * by tests, benchmarks and the deploy kit.
 */
package org.eelt.deploy.cluster;
