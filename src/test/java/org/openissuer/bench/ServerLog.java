package org.openissuer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Errors and warnings in Liberty's messages.log after start-up, and the first few of them, so trouble under load shows. */
record ServerLog(Path file, long errors, long warnings, List<String> firstProblems) {

    // [11/23/26, 21:00:00:000 UTC] 0000003b org.openissuer.Foo    E  message
    private static final Pattern LEVEL = Pattern.compile("^\\[[^\\]]+\\] \\p{XDigit}+ \\S+\\s+([EW]) ");

    static ServerLog scan(Path file, long skipLines) {
        long errors = 0;
        long warnings = 0;
        List<String> first = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file).stream().skip(skipLines).toList()) {
                var m = LEVEL.matcher(line);
                if (m.find()) {
                    if ("E".equals(m.group(1))) {
                        errors++;
                    } else {
                        warnings++;
                    }
                    if (first.size() < 5) {
                        first.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                    }
                }
            }
        } catch (IOException e) {
            first.add("cannot read " + file + ": " + e.getMessage());
        }
        return new ServerLog(file, errors, warnings, first);
    }
}
