package io.scimsync.standalone.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * The {@code bench} command: a load generator shaped like several tenants' Entra jobs, run
 * against standalone components of its own or a {@code --target}. It runs the initial cycle,
 * a fixed-rate phase and a saturation phase of incremental writes, reads the apply lag, measures
 * the broker's and the store's raw rates, checks a sample of the final state and writes the
 * report.
 *
 * <p>A {@code --target} gives no broker or store address and no process id, so the baselines,
 * their ratios and the CPU time are null in its report, and {@code rss_mb} lists only the bench.
 */
public final class BenchCommand {

    private static final int KAFKA_BASELINE_RECORDS = 200_000;
    private static final int STORE_BASELINE_DOCUMENTS = 50_000;
    private static final int QUICK_DIVISOR = 10;
    private static final int FULL_SAMPLE = 500;
    private static final int QUICK_SAMPLE = 100;

    private final BenchOptions options;
    private final PrintStream out;

    public BenchCommand(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Parses {@code arguments}, runs the bench and prints its summary.
     *
     * @return the exit status: 0 for a run whose final state matched and for {@code --help}, 1
     *     for a mismatch, 2 for invalid options
     */
    public static int run(List<String> arguments, PrintStream out, PrintStream err)
            throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(arguments);
        } catch (BenchOptions.HelpRequested e) {
            out.print(BenchOptions.USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        quietLibraryLogging();
        BenchReport report = new BenchCommand(options, out).run();
        return report.verification().mismatches() == 0 ? 0 : 1;
    }

    /** Runs every phase and returns the report, also written to {@code --report} if set. */
    public BenchReport run() throws Exception {
        if (options.target().isPresent()) {
            return measure(new BenchHttp(options.target().get()), options.adminToken().get(),
                    null);
        }
        out.println("Starting standalone components on loopback ...");
        try (OwnStandalone standalone = OwnStandalone.start()) {
            return measure(new BenchHttp(standalone.root()), standalone.adminToken(), standalone);
        }
    }

    private BenchReport measure(BenchHttp http, String adminToken, OwnStandalone standalone)
            throws Exception {
        List<BenchTenant> tenants = tenants(http, adminToken);
        OptionalDouble cpuBefore = cpu(standalone);
        out.println("Initial sync ...");
        InitialSync.Result initial = new InitialSync(http, options.concurrency())
                .run(tenants, options.users(), options.groups());
        IncrementalWorkload workload = new IncrementalWorkload(http, tenants);
        long durationNanos = options.duration().toNanos();
        out.println("Fixed-rate phase ...");
        LoadPhase.Result fixed = new LoadPhase(options.concurrency(), durationNanos,
                options.rate()).run(workload::writeOne);
        String scrape = http.admin(adminToken, "GET", "/actuator/prometheus", null).body();
        out.println("Saturation phase ...");
        LoadPhase.Result saturation = new LoadPhase(options.concurrency(), durationNanos, 0)
                .run(workload::writeOne);
        OptionalDouble cpuAfter = cpu(standalone);
        out.println("Checking the final state ...");
        FinalStateCheck.Result verification = new FinalStateCheck(http)
                .check(tenants, options.quick() ? QUICK_SAMPLE : FULL_SAMPLE);
        long changes = initial.writes() + fixed.acknowledged() + saturation.acknowledged();
        Double cpuPer1000 = cpuBefore.isPresent() && cpuAfter.isPresent() && changes > 0
                ? (cpuAfter.getAsDouble() - cpuBefore.getAsDouble()) * 1000.0 / changes : null;
        Map<String, Double> rss = residentMegabytes(standalone);
        out.println(standalone == null
                ? "Baselines skipped: no broker or store address with --target"
                : "Baselines ...");
        Double kafka = standalone == null ? null : kafkaBaseline(standalone);
        Double store = standalone == null ? null : storeBaseline(standalone);
        BenchReport report = new BenchReport(saturation.writesPerSecond(),
                BenchReport.Latency.of(fixed), BenchReport.Latency.of(saturation),
                boxed(ApplyLag.quantileMillis(scrape, "0.5")),
                boxed(ApplyLag.quantileMillis(scrape, "0.99")), initial, cpuPer1000, kafka, store,
                rss, options.quick(), options.asReportEntries(), fixed, verification);
        write(report);
        return report;
    }

    private List<BenchTenant> tenants(BenchHttp http, String adminToken) {
        if (options.token().isPresent()) {
            out.println("Using the tenant of --token; set its deletion threshold to null first,"
                    + " or its disables are held");
            return List.of(new BenchTenant(0, "given", options.token().get()));
        }
        return new TenantSetup(http, adminToken).createTenants(options.tenants());
    }

    private Double kafkaBaseline(OwnStandalone standalone)
            throws InterruptedException, ExecutionException {
        byte[] value = BenchHttp.JSON.writeValueAsBytes(EntraBodies.user(0, 0));
        return Baselines.kafkaRecordsPerSecond(standalone.bootstrapServers(), value,
                options.quick() ? KAFKA_BASELINE_RECORDS / QUICK_DIVISOR : KAFKA_BASELINE_RECORDS);
    }

    private Double storeBaseline(OwnStandalone standalone) {
        Document document = Document.parse(EntraBodies.user(0, 0).toString());
        return Baselines.storeUpsertsPerSecond(standalone.mongoUri(), OwnStandalone.DATABASE,
                document, options.quick() ? STORE_BASELINE_DOCUMENTS / QUICK_DIVISOR
                        : STORE_BASELINE_DOCUMENTS);
    }

    private static OptionalDouble cpu(OwnStandalone standalone) {
        return standalone == null ? OptionalDouble.empty()
                : ProcessStats.cpuSeconds(standalone.pid());
    }

    private static Map<String, Double> residentMegabytes(OwnStandalone standalone) {
        Map<String, Double> rss = new LinkedHashMap<>();
        ProcessStats.residentMegabytes(ProcessHandle.current().pid())
                .ifPresent(megabytes -> rss.put("bench", megabytes));
        if (standalone != null) {
            ProcessStats.residentMegabytes(standalone.pid())
                    .ifPresent(megabytes -> rss.put("standalone", megabytes));
        }
        return rss;
    }

    private void write(BenchReport report) throws IOException {
        if (options.report().isPresent()) {
            Path file = options.report().get();
            Files.writeString(file, BenchHttp.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report.toJson()));
        }
        out.print(report.summary());
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /**
     * Sets the bench JVM's log level to WARN: without Spring's configuration Logback logs
     * every Kafka and MongoDB client message at DEBUG.
     */
    static void quietLibraryLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
