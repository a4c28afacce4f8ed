package dev.patchbay.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The key a gateway on its embedded database generates for itself when none is configured: one line
 * {@code local:base64} in {@code <data-dir>/secrets.key}, readable by its owner only.
 */
public final class LocalKeyFile {

    public static final String FILE_NAME = "secrets.key";
    static final String KID = "local";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LocalKeyFile() {
    }

    public static Path path(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(path(dataDir));
    }

    /** The key in the file; generates the file first when there is none. */
    public static KeyRing loadOrCreate(Path dataDir) throws IOException {
        Path file = path(dataDir);
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String line = KID + ":" + Base64.getEncoder().encodeToString(key) + "\n";
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, line, StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use that one
            } catch (UnsupportedOperationException e) {
                Files.writeString(file, line, StandardCharsets.US_ASCII);
            }
        }
        return KeyRing.parse(Files.readString(file, StandardCharsets.US_ASCII).strip(), java.util.Optional.empty());
    }
}
