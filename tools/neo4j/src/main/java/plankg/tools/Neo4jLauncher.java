package plankg.tools;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * A real Neo4j (the embedded Community DBMS, the engine the server runs) for plankg's tests and
 * development: Bolt on 127.0.0.1 only, auth on with a known password, data in the folder given.
 *
 * <pre>java -cp target/classes:target/lib/* plankg.tools.Neo4jLauncher --home build/neo4j/home [--port 7687]</pre>
 *
 * The password is NEO4J_PASSWORD (default plankg-test-pw) for the user neo4j; it is set on every
 * start, so a changed NEO4J_PASSWORD takes effect on the next start. Prints one line
 * {@code NEO4J_URI=bolt://127.0.0.1:PORT} once clients can log in; SIGTERM shuts the DBMS down cleanly.
 */
public final class Neo4jLauncher {
    static final String HOST = "127.0.0.1";
    static final String USER = "neo4j";
    static final String DEFAULT_PASSWORD = "plankg-test-pw";

    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (home == null) {
            usage("--home is required");
        }
        Files.createDirectories(home);
        if (port == 0) {
            port = freeLoopbackPort();
        }
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", DEFAULT_PASSWORD);
        if (password.length() < 8) {  // Neo4j 5 refuses shorter passwords with a less direct message
            usage("NEO4J_PASSWORD must have at least 8 characters");
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // a single instance needs no routing connector (it would listen on a second port)
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // the benchmark's graph (100k nodes, 300k relationships: ~250 MB of store files and
                // indexes) fits the page cache whole, so a load never waits on evictions; a load
                // transaction of ~10k rows, or a wipe of 10k nodes with their relationships, stays
                // well under the transaction memory limit
                .setConfig(GraphDatabaseSettings.pagecache_memory, bytes("NEO4J_PAGECACHE", "512m"))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, bytes("NEO4J_TX_MEMORY", "1g"))
                // a test and benchmark server keeps no history: Neo4j's default (2 days of transaction logs)
                // filled a developer's disk with 23 GB of logs after a few benchmark runs
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("NEO4J_STOPPED");
            stopped.countDown();
        }, "plankg-neo4j-shutdown"));

        setPassword(dbms, password);
        System.out.println("NEO4J_URI=bolt://" + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /** Embedded access to the system database needs no login: set the neo4j user's password there. */
    static void setPassword(DatabaseManagementService dbms, String password) {
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            // a restart with the same password: Neo4j refuses to "change" a password to itself
            if (!e.getMessage().contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /** A size from the environment variable {@code name} (e.g. 512m, 1g), else {@code fallback}. */
    static long bytes(String name, String fallback) {
        String text = System.getenv().getOrDefault(name, fallback);
        try {
            return ByteUnit.parse(text);
        } catch (IllegalArgumentException e) {
            usage(name + " must be a size such as 512m or 1g, not " + text);
            return 0;
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    static void usage(String problem) {
        System.err.println("Neo4jLauncher: " + problem
                + "\nusage: Neo4jLauncher --home DIR [--port PORT]   (password: NEO4J_PASSWORD, default "
                + DEFAULT_PASSWORD + ")");
        System.exit(2);
    }
}
