package io.scimsync.standalone.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of the {@code bench} command, parsed from the arguments after {@code bench}.
 * Sizes left unset take the full-run defaults, or the scaled-down ones with {@code --quick}.
 *
 * @param report file the JSON report is written to, if any
 * @param quick whether the run uses the scaled-down sizes and must finish within 3 minutes
 * @param target SCIM service root ({@code http://host:port}) of a running endpoint, or empty to
 *     start and stop standalone components of the bench's own
 * @param token a tenant's SCIM bearer token at the target (unused without a target)
 * @param adminToken the target's admin token, for tenants, safeguards and metrics
 * @param tenants number of tenants the workload is spread over
 * @param concurrency number of concurrent clients
 * @param rate offered writes per second of the fixed-rate phase, 0 for as fast as possible
 * @param duration length of the fixed-rate phase and of the saturation phase, each
 * @param users users of the initial sync, over all tenants
 * @param groups groups of the initial sync, over all tenants; each user is a member of one
 */
public record BenchOptions(Optional<Path> report, boolean quick, Optional<String> target,
        Optional<String> token, Optional<String> adminToken, int tenants, int concurrency,
        int rate, Duration duration, int users, int groups) {

    /** The options and what each one sets, printed for {@code --help} and an unknown option. */
    public static final String USAGE = """
            Usage: java -jar scim-sync-standalone.jar bench [options]
              --report FILE        write the JSON report to FILE
              --quick              scaled-down sizes, finishes within 3 minutes
              --target URL         drive a running endpoint (http://host:port) instead of
                                   starting standalone components on loopback
              --token T            a tenant's SCIM bearer token at the target
              --admin-token A      the target's admin token (required with --target)
              --tenants N          tenants the workload is spread over (default 10, quick 4)
              --concurrency N      concurrent clients (default 50)
              --rate N             offered writes per second of the fixed-rate phase,
                                   0 = as fast as possible (default 500)
              --duration D         length of each measured phase, in seconds or with
                                   an s or m suffix (default 60s, quick 20s)
              --users N            users of the initial sync (default 100000, quick 2000)
              --groups N           groups of the initial sync (default 10000, quick 200)
              --help               print this text
            """;

    private static final int FULL_TENANTS = 10;
    private static final int QUICK_TENANTS = 4;
    private static final int DEFAULT_CONCURRENCY = 50;
    private static final int DEFAULT_RATE = 500;
    private static final Duration FULL_DURATION = Duration.ofSeconds(60);
    private static final Duration QUICK_DURATION = Duration.ofSeconds(20);
    private static final int FULL_USERS = 100_000;
    private static final int QUICK_USERS = 2_000;
    private static final int FULL_GROUPS = 10_000;
    private static final int QUICK_GROUPS = 200;

    /**
     * Parses the arguments that follow {@code bench}.
     *
     * @throws IllegalArgumentException on an unknown option, a missing or invalid value, or a
     *     target without an admin token, with the option named in the message
     */
    public static BenchOptions parse(List<String> arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean quick = false;
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            if (name.equals("--help")) {
                throw new HelpRequested();
            } else if (name.equals("--quick")) {
                quick = true;
            } else if (VALUED.contains(name)) {
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("Missing value after " + name);
                }
                values.put(name, arguments.get(++i));
            } else {
                throw new IllegalArgumentException("Unknown option '" + name + "'\n" + USAGE);
            }
        }
        return fromValues(values, quick);
    }

    /** Thrown by {@link #parse} for {@code --help}, so that the caller prints {@link #USAGE}. */
    public static final class HelpRequested extends IllegalArgumentException {

        HelpRequested() {
            super(USAGE);
        }
    }

    private static final List<String> VALUED = List.of("--report", "--target", "--token",
            "--admin-token", "--tenants", "--concurrency", "--rate", "--duration", "--users",
            "--groups");

    private static BenchOptions fromValues(Map<String, String> values, boolean quick) {
        Optional<String> target = Optional.ofNullable(values.get("--target"))
                .map(BenchOptions::withoutTrailingSlash);
        Optional<String> adminToken = Optional.ofNullable(values.get("--admin-token"));
        if (target.isPresent() && adminToken.isEmpty()) {
            throw new IllegalArgumentException("--target needs --admin-token: the bench creates"
                    + " its tenants and sets their safeguards through the admin and ops APIs");
        }
        target.ifPresent(BenchOptions::checkUrl);
        int users = positive(values, "--users", quick ? QUICK_USERS : FULL_USERS);
        int groups = positive(values, "--groups", quick ? QUICK_GROUPS : FULL_GROUPS);
        if (groups > users) {
            throw new IllegalArgumentException("--groups " + groups + " is more than --users "
                    + users + ": every group needs at least one member");
        }
        int tenants = positive(values, "--tenants", quick ? QUICK_TENANTS : FULL_TENANTS);
        if (tenants > groups) {
            throw new IllegalArgumentException("--tenants " + tenants + " is more than --groups "
                    + groups + ": every tenant needs at least one group");
        }
        return new BenchOptions(Optional.ofNullable(values.get("--report")).map(Path::of), quick,
                target, Optional.ofNullable(values.get("--token")), adminToken, tenants,
                positive(values, "--concurrency", DEFAULT_CONCURRENCY),
                integer(values, "--rate", DEFAULT_RATE, 0),
                duration(values, quick ? QUICK_DURATION : FULL_DURATION), users, groups);
    }

    private static int positive(Map<String, String> values, String name, int defaultValue) {
        return integer(values, name, defaultValue, 1);
    }

    static int integer(Map<String, String> values, String name, int defaultValue,
            int minimum) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("Invalid " + name + " '" + value
                + "': expected an integer of at least " + minimum);
    }

    private static Duration duration(Map<String, String> values, Duration defaultValue) {
        return duration(values, "--duration", defaultValue);
    }

    static Duration duration(Map<String, String> values, String name, Duration defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration parsed = value.endsWith("m")
                    ? Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)))
                    : Duration.ofSeconds(Long.parseLong(value.endsWith("s")
                            ? value.substring(0, value.length() - 1) : value));
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted forms
        }
        throw new IllegalArgumentException("Invalid " + name + " '" + value
                + "': expected a positive number of seconds, such as 30, 30s or 2m");
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void checkUrl(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("Invalid --target '" + url
                    + "': expected the service root, such as http://127.0.0.1:8080");
        }
    }

    /** Returns the options as report entries, with the tokens left out. */
    public Map<String, Object> asReportEntries() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("target", target.orElse("own standalone components"));
        entries.put("tenants", tenants);
        entries.put("concurrency", concurrency);
        entries.put("rate", rate);
        entries.put("duration_s", duration.toSeconds());
        entries.put("users", users);
        entries.put("groups", groups);
        entries.put("memberships", users);
        return entries;
    }
}
