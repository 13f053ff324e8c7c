package dev.snapbi.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** One in-process run of the CLI: exit code and both streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, Clock.systemUTC(), args);
    }

    static CliRun run(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SnapCli.run(args, new PrintWriter(out), new PrintWriter(err), env::get, clock);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** The value of a "key": "value" line of the JSON answer. */
    String json(String key) {
        for (String line : out.split("\n")) {
            String t = line.trim();
            String prefix = "\"" + key + "\": \"";
            if (t.startsWith(prefix)) {
                String rest = t.substring(prefix.length());
                return rest.substring(0, rest.lastIndexOf('"'));
            }
        }
        return null;
    }
}
