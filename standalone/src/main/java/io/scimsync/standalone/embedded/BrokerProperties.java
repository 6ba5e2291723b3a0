package io.scimsync.standalone.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** Server properties of the embedded single-node KRaft broker. */
final class BrokerProperties {

    static final int NODE_ID = 1;

    private BrokerProperties() {
    }

    static Properties of(Path logDir, int clientPort, int controllerPort) {
        Properties properties = new Properties();
        putRolesAndListeners(properties, clientPort, controllerPort);
        putStorage(properties, logDir);
        putSingleReplicaTopics(properties);
        return properties;
    }

    private static void putRolesAndListeners(Properties p, int clientPort, int controllerPort) {
        String controller = LoopbackPorts.HOST + ":" + controllerPort;
        String client = "PLAINTEXT://" + LoopbackPorts.HOST + ":" + clientPort;
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("listeners", client + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", client);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("controller.quorum.bootstrap.servers", controller);
        // After a kill, the restarted broker cannot register until the controller has expired the
        // previous incarnation's session: 9 s by Kafka's default, 3 s here. Heartbeats stay on
        // loopback inside this process, so only a pause of 3 s or more fences the broker.
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "1000");
    }

    private static void putStorage(Properties p, Path logDir) {
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        // The application creates its own topics; auto-creation stays on for clients that
        // subscribe before those exist.
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
    }

    private static void putSingleReplicaTopics(Properties p) {
        p.setProperty("offsets.topic.replication.factor", "1");
        // Kafka's default of 50 partitions is sized for many groups on many brokers. Each partition
        // is a log with its own files, which slows the first consumer group join on one node.
        p.setProperty("offsets.topic.num.partitions", "10");
        // The same for the transaction state log, which the processor's transactions load after
        // every restart, one log per partition.
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
    }
}
