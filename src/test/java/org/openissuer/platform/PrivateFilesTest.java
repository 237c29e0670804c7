package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void writesNewFileOwnerOnly() throws IOException {
        Path file = dir.resolve("secret.txt");

        PrivateFiles.writeNew(file, "s3cret");

        assertEquals("s3cret", Files.readString(file));
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void createsMissingDirectoriesOwnerOnly() throws IOException {
        Path file = dir.resolve("a").resolve("b").resolve("secret.txt");

        PrivateFiles.writeNew(file, "s3cret");

        assertEquals("rwx------", permissions(dir.resolve("a")));
        assertEquals("rwx------", permissions(dir.resolve("a").resolve("b")));
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
        Path file = dir.resolve("secret.txt");
        PrivateFiles.writeNew(file, "first");

        assertThrows(FileAlreadyExistsException.class, () -> PrivateFiles.writeNew(file, "second"));

        assertEquals("first", Files.readString(file));
        assertEquals(List.of(file), listing(dir), "no temporary file may be left behind");
    }

    @Test
    void leavesNoTemporaryFileAfterWriting() throws IOException {
        Path file = dir.resolve("secret.txt");

        PrivateFiles.writeNew(file, "s3cret");

        assertEquals(List.of(file), listing(dir));
    }

    @Test
    void leavesAnExistingDirectoryAsItIs() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));

        PrivateFiles.createPrivateDirectories(dir);

        assertEquals("rwxr-x---", permissions(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = { "rw-------", "r--------", "rwx------" })
    void ownerOnlyPermissionsAreOwnerOnly(String perms) throws IOException {
        assertTrue(PrivateFiles.isOwnerOnly(fileWith(perms)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "rw-r--r--", "rw-r-----", "rw----r--", "rw-----w-", "rw---x---", "rw-rw-rw-" })
    void anyGroupOrOtherPermissionIsNotOwnerOnly(String perms) throws IOException {
        assertFalse(PrivateFiles.isOwnerOnly(fileWith(perms)));
    }

    private Path fileWith(String perms) throws IOException {
        Path file = Files.createTempFile(dir, "perm-", ".txt");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
