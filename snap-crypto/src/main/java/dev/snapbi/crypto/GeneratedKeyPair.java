package dev.snapbi.crypto;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A freshly generated RSA key pair, with its PEM forms: the private key as unencrypted PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}) and the public key as X.509 SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}), the forms OpenSSL and NICEPAY read. {@code toString()} shows only the
 * algorithm and size.
 */
public final class GeneratedKeyPair {

    /** The private key's file name in {@link #writeTo(Path)}. */
    public static final String PRIVATE_FILE = "private.pem";
    /** The public key's file name in {@link #writeTo(Path)}. */
    public static final String PUBLIC_FILE = "public.pem";

    private final KeyPair keyPair;
    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    GeneratedKeyPair(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.privateKey = (RSAPrivateKey) keyPair.getPrivate();
        this.publicKey = (RSAPublicKey) keyPair.getPublic();
    }

    /** The JCA key pair. */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** The private key. A secret. */
    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    /** The public key. */
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The modulus size in bits. */
    public int keySizeBits() {
        return publicKey.getModulus().bitLength();
    }

    /** The private key as PKCS#8 PEM, 64 characters a line, ending with a newline. A secret: never log it. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** The public key as X.509 SubjectPublicKeyInfo PEM, 64 characters a line, ending with a newline. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * Writes {@value #PRIVATE_FILE} (owner read/write only, where the file system has POSIX permissions) and
     * {@value #PUBLIC_FILE} into {@code directory}, creating the directory if needed.
     *
     * @throws SnapConfigurationException when either file already exists (nothing is overwritten, nothing is written)
     *                                    or the files cannot be written
     */
    public void writeTo(Path directory) {
        if (directory == null) {
            throw new SnapConfigurationException("key directory: found nothing (null); expected a directory path");
        }
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        for (Path file : new Path[] {privateFile, publicFile}) {
            if (Files.exists(file)) {
                throw refuseOverwrite(file);
            }
        }
        try {
            Files.createDirectories(directory);
            writePrivate(privateFile);
        } catch (FileAlreadyExistsException e) {
            throw refuseOverwrite(privateFile);
        } catch (IOException e) {
            throw new SnapConfigurationException("key directory " + directory + ": could not write " + PRIVATE_FILE
                    + " (" + e.getClass().getSimpleName() + "); expected a writable directory", e);
        }
        try {
            Files.writeString(publicFile, publicKeyPem(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            deleteQuietly(privateFile); // leave no half-written pair behind
            if (e instanceof FileAlreadyExistsException) {
                throw refuseOverwrite(publicFile);
            }
            throw new SnapConfigurationException("key directory " + directory + ": could not write " + PUBLIC_FILE
                    + " (" + e.getClass().getSimpleName() + "); expected a writable directory", e);
        }
    }

    private void writePrivate(Path file) throws IOException {
        byte[] pem = privateKeyPem().getBytes(StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // created with 600 from the start: the key is never readable by others, not even for a moment
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(file, pem, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                deleteQuietly(file);
                throw e;
            }
        } else {
            Files.write(file, pem, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static SnapConfigurationException refuseOverwrite(Path file) {
        return new SnapConfigurationException("key file " + file + ": found an existing file; expected no file there"
                + " (an existing key is never overwritten: move it away or choose another directory)");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the caller is told about the original failure
        }
    }

    private static String pem(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    /** {@code GeneratedKeyPair[RSA, 2048 bits]}: never any key material. */
    @Override
    public String toString() {
        return "GeneratedKeyPair[RSA, " + keySizeBits() + " bits]";
    }
}
