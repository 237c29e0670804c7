package org.openissuer.testsupport;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/** Seeded mutations of request text (JSON, JWT parts, header values): what a fuzzer sends. */
public final class Mutations {

    private static final String ODD = "\u0000\u0001\"\\{}[]:,.~%\u00e9\ud83d\ude00\r\n\t-+eE0";
    private static final List<String> VALUES = List.of("null", "true", "[]", "{}", "\"\"", "-0", "1e400", "-1",
            "9".repeat(2_000), "[".repeat(3_000), "{\"a\":".repeat(2_000), "\"\\ud800\"", "0.0000001", "\"x\"");

    private final Random random;

    public Mutations(long seed) {
        this.random = new Random(seed);
    }

    public int next(int bound) {
        return random.nextInt(bound);
    }

    public String mutate(String text) {
        List<BiFunction<String, Random, String>> ops = List.of(Mutations::insertChar, Mutations::deleteRange,
                Mutations::replaceValue, Mutations::truncate, Mutations::duplicateMember, Mutations::repeatChunk,
                Mutations::flipChar);
        String out = text;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            out = ops.get(random.nextInt(ops.size())).apply(out, random);
        }
        return out;
    }

    private static int at(String s, Random r) {
        return s.isEmpty() ? 0 : r.nextInt(s.length());
    }

    private static String insertChar(String s, Random r) {
        int i = at(s, r);
        return s.substring(0, i) + ODD.charAt(r.nextInt(ODD.length())) + s.substring(i);
    }

    private static String deleteRange(String s, Random r) {
        int i = at(s, r);
        int j = Math.min(s.length(), i + 1 + r.nextInt(12));
        return s.substring(0, i) + s.substring(j);
    }

    // replaces the value after some ':' with an edge case
    private static String replaceValue(String s, Random r) {
        int colon = s.indexOf(':', at(s, r));
        if (colon < 0) {
            return s + VALUES.get(r.nextInt(VALUES.size()));
        }
        int end = colon + 1;
        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, colon + 1) + VALUES.get(r.nextInt(VALUES.size())) + s.substring(end);
    }

    private static String truncate(String s, Random r) {
        return s.substring(0, at(s, r));
    }

    // {"a":1,...} -> {"a":2,"a":1,...}: a repeated member
    private static String duplicateMember(String s, Random r) {
        int quote = s.indexOf("{\"");
        int colon = quote < 0 ? -1 : s.indexOf("\":", quote);
        if (colon < 0) {
            return s;
        }
        String name = s.substring(quote + 1, colon + 1);
        return s.substring(0, quote + 1) + name + ":" + VALUES.get(r.nextInt(VALUES.size())) + "," + s.substring(quote + 1);
    }

    private static String repeatChunk(String s, Random r) {
        int i = at(s, r);
        int j = Math.min(s.length(), i + 1 + r.nextInt(8));
        return s.substring(0, j) + s.substring(i, j).repeat(1 + r.nextInt(200)) + s.substring(j);
    }

    private static String flipChar(String s, Random r) {
        if (s.isEmpty()) {
            return s;
        }
        int i = at(s, r);
        return s.substring(0, i) + (char) (s.charAt(i) ^ (1 << r.nextInt(7))) + s.substring(i + 1);
    }
}
