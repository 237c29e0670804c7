package org.openissuer.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auditors' example queries as the documentation gives them: the SQL blocks of README's "Audit
 * trail" section, of docs/notifications.md and of docs/deferred.md. AuditQueriesIT runs them, the issuance benchmark
 * times them, so neither can drift from what auditors read.
 */
public final class AuditQueries {

    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    /** One query and the comment above it. */
    public record Query(String comment, String sql) {
    }

    private AuditQueries() {
    }

    public static List<Query> documented(Path projectDir) throws IOException {
        String readme = Files.readString(projectDir.resolve("README.md"));
        String section = readme.substring(readme.indexOf("### Audit trail"));
        section = section.substring(0, section.indexOf("\n## "));
        section += Files.readString(projectDir.resolve("docs/notifications.md"));
        section += Files.readString(projectDir.resolve("docs/deferred.md"));
        section += Files.readString(projectDir.resolve("docs/events.md"));
        List<Query> queries = new ArrayList<>();
        Matcher blocks = SQL_BLOCK.matcher(section);
        while (blocks.find()) {
            for (String statement : blocks.group(1).split(";")) {
                StringBuilder comment = new StringBuilder();
                StringBuilder sql = new StringBuilder();
                for (String line : statement.lines().toList()) {
                    if (line.strip().startsWith("--")) {
                        comment.append(comment.length() == 0 ? "" : " ").append(line.strip().substring(2).strip());
                    } else {
                        sql.append('\n').append(line);
                    }
                }
                if (!sql.toString().isBlank()) {
                    queries.add(new Query(comment.toString(), sql.toString().strip()));
                }
            }
        }
        return queries;
    }
}
