package io.scimsync.standalone.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code faults} command: starts the pipeline as separate processes on loopback (see
 * {@link SplitDeployment}) and keeps a write load on both ingress replicas. It kills and
 * restarts the processor, the broker, the store and an ingress replica mid-request, and then
 * compares the final state with the acknowledged writes ({@link FaultVerification}).
 */
public final class FaultsCommand {

    private final FaultOptions options;
    private final PrintStream out;

    public FaultsCommand(FaultOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Parses {@code arguments}, runs the fault test and prints its summary.
     *
     * @return the exit status: 0 for a run that passed and for {@code --help}, 1 for a run that
     *     failed, 2 for invalid options
     */
    public static int run(List<String> arguments, PrintStream out, PrintStream err)
            throws Exception {
        FaultOptions options;
        try {
            options = FaultOptions.parse(arguments);
        } catch (BenchOptions.HelpRequested e) {
            out.print(FaultOptions.USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        BenchCommand.quietLibraryLogging();
        return new FaultsCommand(options, out).run().passed() ? 0 : 1;
    }

    /**
     * Runs the test and returns its report, also written to {@code --report} if set. The
     * processes' directory is deleted after a run that passed, unless {@code --keep}.
     */
    public FaultReport run() throws Exception {
        long startNanos = System.nanoTime();
        FaultSchedule schedule = FaultSchedule.of(options);
        out.println("Starting the broker, the store, two ingress replicas and a processor"
                + " as separate processes on loopback ...");
        SplitDeployment deployment = SplitDeployment.start();
        boolean passed = false;
        try {
            out.println("Processes and logs: " + deployment.root());
            FaultReport report = exercise(deployment, schedule, startNanos);
            write(report);
            passed = report.passed();
            return report;
        } finally {
            deployment.close(options.keep() || !passed);
            if (!passed) {
                out.println("Kept the processes' logs in " + deployment.root());
            }
        }
    }

    private FaultReport exercise(SplitDeployment deployment, FaultSchedule schedule,
            long startNanos) throws Exception {
        List<BenchHttp> replicas = deployment.ingresses().stream()
                .map(process -> new BenchHttp(process.root())).toList();
        BenchHttp first = replicas.get(0);
        BenchTenant tenant = new TenantSetup(first, deployment.adminToken()).createTenants(1)
                .get(0);
        out.println("Creating " + options.users() + " users and " + options.writers()
                + " groups ...");
        List<FaultLedger.User> users = createUsers(first, tenant);
        List<FaultLedger.Group> groups = createGroups(first, tenant);
        FaultLoad load = new FaultLoad(replicas, tenant.token(), users, groups, options.rate());
        out.println("Load of " + options.rate() + " writes/s from " + options.writers()
                + " threads; faults in this order: " + schedule.order());
        load.start();
        List<FaultSchedule.Result> faults;
        try {
            faults = schedule.run(deployment, load, options.interval(), out);
        } finally {
            load.stop();
        }
        out.println("Waiting for the processor to catch up, then comparing ...");
        FaultVerification.Result verification = new FaultVerification(first,
                deployment.adminToken(), tenant.id(), tenant.token())
                .verify(users, groups, deployment.bootstrapServers());
        return new FaultReport(faults, load.answers(), verification,
                (System.nanoTime() - startNanos) / 1e9, options.asReportEntries());
    }

    private List<FaultLedger.User> createUsers(BenchHttp http, BenchTenant tenant) {
        List<FaultLedger.User> users = new ArrayList<>();
        for (int i = 0; i < options.users(); i++) {
            users.add(new FaultLedger.User(
                    createdId(http, tenant, "/Users", EntraBodies.user(tenant.index(), i))));
        }
        return users;
    }

    private List<FaultLedger.Group> createGroups(BenchHttp http, BenchTenant tenant) {
        List<FaultLedger.Group> groups = new ArrayList<>();
        for (int i = 0; i < options.writers(); i++) {
            groups.add(new FaultLedger.Group(
                    createdId(http, tenant, "/Groups", EntraBodies.group(tenant.index(), i))));
        }
        return groups;
    }

    /**
     * POSTs {@code body} to {@code path} and returns the new resource's id.
     *
     * @throws IllegalStateException when the response is not 201, with its status and body
     */
    private static String createdId(BenchHttp http, BenchTenant tenant, String path,
            Object body) {
        BenchHttp.Response response = http.scim(tenant.token(), "POST", path, body);
        if (response.status() != 201) {
            throw new IllegalStateException("POST " + path + " returned " + response.status()
                    + " before any fault: " + response.body());
        }
        return response.json().path("id").asString();
    }

    private void write(FaultReport report) throws IOException {
        if (options.report().isPresent()) {
            Files.writeString(options.report().get(), BenchHttp.JSON
                    .writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()));
        }
        out.print(report.summary());
    }
}
