package dev.snapbi.crypto.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Keys, certificates and keystores made by the {@code openssl} command in a test's temporary directory, each made on
 * first use. The RSA formats are all encodings of one 2048-bit key, so every signature made from them must be equal.
 */
public final class OpenSslKeys {

    /** Password of the encrypted keys. */
    public static final String PASSWORD = "correct horse battery";
    /** Password of the PKCS#12 keystore (OpenSSL uses it for the key entry too). */
    public static final String STORE_PASSWORD = "store-secret";
    /** Alias of the keystore's key entry. */
    public static final String ALIAS = "merchant";

    private final Path dir;

    public OpenSslKeys(Path dir) {
        this.dir = dir;
    }

    /** The directory the files are in. */
    public Path dir() {
        return dir;
    }

    /** The 2048-bit RSA key as PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}). */
    public synchronized Path rsaPkcs1() {
        return make("rsa-pkcs1.pem", f -> OpenSsl.run(dir, "genrsa", "-traditional", "-out", f, "2048"));
    }

    /** The same key as PKCS#8 PEM. */
    public synchronized Path rsaPkcs8() {
        return make("rsa-pkcs8.pem", f -> OpenSsl.run(dir, "pkcs8", "-topk8", "-nocrypt", "-in", name(rsaPkcs1()),
                "-out", f));
    }

    /** The same key as PKCS#8 DER (binary). */
    public synchronized Path rsaPkcs8Der() {
        return make("rsa-pkcs8.der", f -> OpenSsl.run(dir, "pkcs8", "-topk8", "-nocrypt", "-in", name(rsaPkcs1()),
                "-outform", "DER", "-out", f));
    }

    /** The same key as encrypted PKCS#8 PEM (PBES2, AES-256-CBC), password {@link #PASSWORD}. */
    public synchronized Path rsaEncryptedPkcs8() {
        return make("rsa-encrypted.pem", f -> OpenSsl.run(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout",
                "pass:" + PASSWORD, "-in", name(rsaPkcs1()), "-out", f));
    }

    /** The same key as legacy OpenSSL-encrypted PKCS#1 ({@code Proc-Type: 4,ENCRYPTED}), password {@link #PASSWORD}. */
    public synchronized Path rsaLegacyEncrypted() {
        return make("rsa-legacy-encrypted.pem", f -> OpenSsl.run(dir, "rsa", "-in", name(rsaPkcs1()), "-traditional",
                "-aes256", "-passout", "pass:" + PASSWORD, "-out", f));
    }

    /** The key's public half as X.509 SubjectPublicKeyInfo PEM. */
    public synchronized Path rsaPublic() {
        return make("rsa-public.pem", f -> OpenSsl.run(dir, "rsa", "-in", name(rsaPkcs1()), "-pubout", "-out", f));
    }

    /** The key's public half as PKCS#1 PEM ({@code BEGIN RSA PUBLIC KEY}). */
    public synchronized Path rsaPublicPkcs1() {
        return make("rsa-public-pkcs1.pem", f -> OpenSsl.run(dir, "rsa", "-in", name(rsaPkcs1()), "-RSAPublicKey_out",
                "-out", f));
    }

    /** A self-signed certificate for the key. */
    public synchronized Path certificate() {
        return make("rsa-cert.pem", f -> OpenSsl.run(dir, "req", "-x509", "-key", name(rsaPkcs1()), "-days", "2",
                "-subj", "/CN=snapbi-test", "-out", f));
    }

    /** A PKCS#12 keystore with the key and certificate under {@link #ALIAS}, password {@link #STORE_PASSWORD}. */
    public synchronized Path pkcs12() {
        return make("rsa.p12", f -> OpenSsl.run(dir, "pkcs12", "-export", "-inkey", name(rsaPkcs1()), "-in",
                name(certificate()), "-name", ALIAS, "-passout", "pass:" + STORE_PASSWORD, "-out", f));
    }

    /** A PKCS#12 keystore holding only a certificate. */
    public synchronized Path pkcs12CertificateOnly() {
        return make("cert-only.p12", f -> OpenSsl.run(dir, "pkcs12", "-export", "-nokeys", "-in", name(certificate()),
                "-passout", "pass:" + STORE_PASSWORD, "-out", f));
    }

    /** Another 1024-bit RSA key, PKCS#1 PEM (the size of NICEPAY's sandbox key). */
    public synchronized Path rsa1024() {
        return make("rsa1024.pem", f -> OpenSsl.run(dir, "genrsa", "-traditional", "-out", f, "1024"));
    }

    /** The 1024-bit key's public half. */
    public synchronized Path rsa1024Public() {
        return make("rsa1024-public.pem", f -> OpenSsl.run(dir, "rsa", "-in", name(rsa1024()), "-pubout", "-out", f));
    }

    /** A 512-bit RSA key, PKCS#8 PEM: too small. */
    public synchronized Path rsa512() {
        return make("rsa512.pem", f -> OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:512", "-out", f));
    }

    /** The 512-bit key's public half. */
    public synchronized Path rsa512Public() {
        return make("rsa512-public.pem", f -> OpenSsl.run(dir, "pkey", "-in", name(rsa512()), "-pubout", "-out", f));
    }

    /** An EC P-256 key as PKCS#8 PEM. */
    public synchronized Path ecPkcs8() {
        return make("ec.pem", f -> OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-out", f));
    }

    /** An EC key as OpenSSL's {@code ecparam -genkey} writes it: EC PARAMETERS then EC PRIVATE KEY (SEC 1). */
    public synchronized Path ecSec1() {
        return make("ec-sec1.pem", f -> OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-out", f));
    }

    /** The EC key's public half. */
    public synchronized Path ecPublic() {
        return make("ec-public.pem", f -> OpenSsl.run(dir, "pkey", "-in", name(ecPkcs8()), "-pubout", "-out", f));
    }

    /** A self-signed certificate for the EC key. */
    public synchronized Path ecCertificate() {
        return make("ec-cert.pem", f -> OpenSsl.run(dir, "req", "-x509", "-key", name(ecPkcs8()), "-days", "2",
                "-subj", "/CN=snapbi-ec", "-out", f));
    }

    /** A DSA key as PKCS#8 PEM. */
    public synchronized Path dsaPkcs8() {
        return make("dsa.pem", f -> {
            OpenSsl.run(dir, "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024",
                    "-out", "dsa-params.pem");
            OpenSsl.run(dir, "genpkey", "-paramfile", "dsa-params.pem", "-out", f);
        });
    }

    /** The DSA key as {@code BEGIN DSA PRIVATE KEY}. */
    public synchronized Path dsaTraditional() {
        return make("dsa-traditional.pem", f -> OpenSsl.run(dir, "pkey", "-in", name(dsaPkcs8()), "-traditional",
                "-out", f));
    }

    /** An Ed25519 key. */
    public synchronized Path ed25519() {
        return make("ed25519.pem", f -> OpenSsl.run(dir, "genpkey", "-algorithm", "ed25519", "-out", f));
    }

    /** An RSASSA-PSS-restricted RSA key. */
    public synchronized Path rsaPss() {
        return make("rsa-pss.pem", f -> OpenSsl.run(dir, "genpkey", "-algorithm", "RSA-PSS", "-pkeyopt",
                "rsa_keygen_bits:2048", "-out", f));
    }

    /** OpenSSL's SHA256withRSA signature of {@code data} (UTF-8) with {@code key}; encrypted keys use {@link #PASSWORD}. */
    public byte[] sign(Path key, String data) {
        Path input = write("to-sign.txt", data);
        OpenSsl.run(dir, "dgst", "-sha256", "-sign", name(key), "-passin", "pass:" + PASSWORD, "-out", "sig.bin",
                name(input));
        return read("sig.bin");
    }

    /** Whether OpenSSL verifies {@code signature} over {@code data} (UTF-8) with {@code publicKey}. */
    public boolean verifies(Path publicKey, String data, byte[] signature) {
        Path input = write("to-verify.txt", data);
        Path sig = dir.resolve("to-verify.sig");
        try {
            Files.write(sig, signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenSsl.Result result = OpenSsl.tryRun(dir, "dgst", "-sha256", "-verify", name(publicKey), "-signature",
                name(sig), name(input));
        return result.exitCode() == 0 && result.out().contains("Verified OK");
    }

    /** The file's text. */
    public String text(Path file) {
        return new String(read(file.getFileName().toString()), StandardCharsets.US_ASCII);
    }

    /** The Base64 body of a PEM file: the lines between BEGIN and END, joined. */
    public String base64Body(Path pemFile) {
        StringBuilder body = new StringBuilder();
        for (String line : text(pemFile).split("\n")) {
            if (!line.startsWith("-----") && !line.contains(":") && !line.isBlank()) {
                body.append(line.strip());
            }
        }
        return body.toString();
    }

    /** Writes a file into the directory. */
    public Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Maker {
        void make(String fileName);
    }

    private Path make(String name, Maker maker) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            maker.make(name);
        }
        return file;
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /** Base64 of a file's bytes (for DER files). */
    public String base64Of(Path file) {
        return Base64.getEncoder().encodeToString(read(file.getFileName().toString()));
    }
}
