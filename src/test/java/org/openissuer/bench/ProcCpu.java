package org.openissuer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of processes from /proc/<pid>/stat (Linux), in nanoseconds. */
final class ProcCpu {

    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcCpu() {
    }

    /** utime + stime of the process itself. */
    static long ofProcess(long pid) {
        long[] fields = stat(pid);
        return ticksToNanos(fields[0] + fields[1]);
    }

    /**
     * A process and everything under it: its own time, the time of its children it has reaped
     * (cutime + cstime, e.g. ended PostgreSQL backends) and that of its living descendants.
     */
    static long ofProcessTree(long pid) {
        long[] fields = stat(pid);
        long ticks = fields[0] + fields[1] + fields[2] + fields[3];
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
            try {
                long[] own = stat(child.pid());
                ticks += own[0] + own[1];
            } catch (IllegalStateException gone) {
                // ended between listing and reading: its time is now in the parent's cutime
            }
        }
        return ticksToNanos(ticks);
    }

    /** This JVM's CPU time. */
    static long ofThisJvm() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }

    /** utime, stime, cutime, cstime: fields 14 to 17 of proc(5), counted after the parenthesised command name. */
    private static long[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] after = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // after[0] is field 3 (state): field n is after[n - 3]
            return new long[] {Long.parseLong(after[11]), Long.parseLong(after[12]), Long.parseLong(after[13]),
                Long.parseLong(after[14])};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CPU time of process " + pid + ": " + e.getMessage(), e);
        }
    }

    private static long ticksToNanos(long ticks) {
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
