package org.openissuer.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold secrets: created owner-only from the first byte, never widened later. */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Writes a new file atomically; fails if it exists, so a key is never overwritten. */
    public static void writeNew(Path file, String content) throws IOException {
        writeNew(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a new file atomically; fails if it exists, so a key is never overwritten. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createPrivateDirectories(dir);
        Path temp = POSIX
                ? Files.createTempFile(dir, ".tmp-", "", ownerOnly("rw-------"))
                : Files.createTempFile(dir, ".tmp-", "");
        try {
            Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            // A hard link fails when the name exists: two servers racing on one data directory
            // cannot replace each other's key
            Files.createLink(file, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
    }

    public static boolean isOwnerOnly(Path file) throws IOException {
        if (!POSIX) {
            return true;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        return perms.stream().noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }
}
