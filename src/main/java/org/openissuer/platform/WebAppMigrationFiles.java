package org.openissuer.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.ServletContext;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the migration files through the servlet API. Flyway's classpath scanner does
 * not see into every server's WAR layout (Liberty loose applications, WildFly VFS);
 * {@link ServletContext#getResourcePaths} does, on every server.
 */
final class WebAppMigrationFiles implements ResourceProvider {

    static final String DIRECTORY = "/WEB-INF/classes/db/migrations/";

    private final ServletContext context;

    WebAppMigrationFiles(ServletContext context) {
        this.context = context;
    }

    @Override
    public LoadableResource getResource(String name) {
        String path = DIRECTORY + name;
        return names().contains(path) ? new File(path) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        Set<LoadableResource> files = new TreeSet<>();
        for (String path : names()) {
            String name = path.substring(DIRECTORY.length());
            if (name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith)) {
                files.add(new File(path));
            }
        }
        return files;
    }

    Set<String> names() {
        Set<String> paths = context.getResourcePaths(DIRECTORY);
        return paths == null ? Set.of() : paths;
    }

    private final class File extends LoadableResource {

        private final String path;

        File(String path) {
            this.path = path;
        }

        @Override
        public Reader read() {
            InputStream in = context.getResourceAsStream(path);
            if (in == null) {
                throw new UncheckedIOException(new IOException("migration vanished: " + path));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return getFilename();
        }
    }
}
