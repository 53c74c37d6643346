package dev.otlpdoctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way a file the user names is read (TLS PEM files, {@code --targets-file}, dotenv files, manifests,
 * collector configs, listen's certificate and key). Only regular files are opened: a directory, a device
 * such as {@code /dev/zero}, a FIFO or a socket is refused before it is opened (opening a FIFO would block
 * until a writer comes; a device may never end). The size is measured while reading, never trusted from
 * the file system ({@code /proc} files report 0), and reading stops one byte past the cap. Every problem is
 * an input error (exit 2) with one line naming the file.
 */
public final class BoundedFile {
    private static final int CHUNK = 64 * 1024;

    private BoundedFile() {
    }

    /** The file's bytes; refuses more than {@code maxBytes}. {@code label} names the input, e.g. {@code --ca-cert ca.pem}. */
    public static byte[] read(Path file, String label, int maxBytes) {
        return read(file, label, maxBytes, null);
    }

    /** The same, giving up (exit 2) when the run's deadline passes while reading; {@code deadline} may be null. */
    public static byte[] read(Path file, String label, int maxBytes, Deadline deadline) {
        requireRegularFile(file, label);
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(CHUNK, maxBytes + 1));
            byte[] buffer = new byte[CHUNK];
            long total = 0;
            while (total <= maxBytes) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1L - total));
                if (n < 0) {
                    break;
                }
                total += n;
                out.write(buffer, 0, n);
                if (deadline != null && deadline.expired()) {
                    throw new InvalidInputException(label + ": not read within the run's deadline (--timeout)");
                }
            }
            if (total > maxBytes) {
                throw new InvalidInputException(label + ": larger than " + size(maxBytes) + ": refusing to read it");
            }
            return out.toByteArray();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(label + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(label + ": permission denied");
        } catch (IOException e) {
            throw new InvalidInputException(label + ": cannot be read (" + reason(e) + ")");
        }
    }

    /** A size for messages: whole MiB or KiB where exact, else bytes. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    private static void requireRegularFile(Path file, String label) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class); // follows symbolic links
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(label + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(label + ": permission denied");
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException(label + ": cannot be read (" + reason(e) + ")");
        }
        if (attributes.isDirectory()) {
            throw new InvalidInputException(label + ": is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidInputException(label + ": is not a regular file (a device, FIFO or socket): refusing to read it;"
                    + " save the content to a file first");
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }
}
