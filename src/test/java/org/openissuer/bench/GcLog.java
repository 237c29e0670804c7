package org.openissuer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Peak heap from a unified GC log (-Xlog:gc): lines such as "Pause Young (Normal) ... 24M->5M(256M) 3.4ms". */
record GcLog(long collections, long peakBeforeGcBytes, long peakAfterGcBytes, long peakCommittedBytes) {

    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static GcLog read(Path file) {
        long count = 0;
        long before = 0;
        long after = 0;
        long committed = 0;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = HEAP.matcher(line);
                if (m.find()) {
                    count++;
                    before = Math.max(before, bytes(m.group(1), m.group(2)));
                    after = Math.max(after, bytes(m.group(3), m.group(4)));
                    committed = Math.max(committed, bytes(m.group(5), m.group(6)));
                }
            }
        } catch (IOException e) {
            return new GcLog(-1, -1, -1, -1);
        }
        return new GcLog(count, before, after, committed);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
