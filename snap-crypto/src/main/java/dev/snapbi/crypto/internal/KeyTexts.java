package dev.snapbi.crypto.internal;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads key text in every shape {@link PemText} recognises (PEM, mangled PEM, bare Base64), picks the block that
 * holds the key asked for and hands its bytes to {@link KeyDecoder}. Files are read by {@link KeyFiles}.
 */
public final class KeyTexts {

    private static final String BARE = "in Base64 text without a PEM header";

    private KeyTexts() {
    }

    /** An RSA private key from text; {@code password} may be null and is not wiped here. */
    public static RSAPrivateKey privateKey(String text, char[] password, KeySource source) {
        String t = normalized(text, source);
        if (PemText.hasPemMarker(t)) {
            List<PemText.Block> blocks = PemText.blocks(t, source);
            long privateBlocks = blocks.stream().filter(b -> b.label().endsWith("PRIVATE KEY")).count();
            if (privateBlocks > 1) {
                throw source.refuse(privateBlocks + " private key blocks", "exactly one private key",
                        "keep only the key to sign with");
            }
            PemText.Block block = pick(blocks, label -> label.endsWith("PRIVATE KEY"), source);
            if (block.isLegacyEncrypted()) {
                return KeyDecoder.legacyEncrypted(block, password, source);
            }
            refuseNonDerPem(block, source);
            byte[] der = PemText.decodeBase64(block.base64(), block.describe(), source);
            try {
                return KeyDecoder.privateKey(der, "in " + block.describe(), password, source);
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        byte[] der = bareBase64(t, source);
        try {
            return KeyDecoder.privateKey(der, BARE, password, source);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** An RSA public key from text: SubjectPublicKeyInfo, certificate or PKCS#1 public key. */
    public static RSAPublicKey publicKey(String text, KeySource source) {
        String t = normalized(text, source);
        if (PemText.hasPemMarker(t)) {
            PemText.Block block = pick(PemText.blocks(t, source),
                    label -> label.endsWith("PUBLIC KEY") || label.equals("CERTIFICATE"), source);
            if (block.isLegacyEncrypted()) {
                throw source.refuse("an encrypted private key in " + block.describe() + " where a public key"
                        + " belongs", "a verifier needs only the public key; derive it with"
                        + " 'openssl pkey -in private.pem -pubout -out public.pem'");
            }
            refuseNonDerPem(block, source);
            byte[] der = PemText.decodeBase64(block.base64(), block.describe(), source);
            return KeyDecoder.publicKey(der, "in " + block.describe(), source);
        }
        return KeyDecoder.publicKey(bareBase64(t, source), BARE, source);
    }

    /** The RSA public key of an X.509 certificate given as PEM or bare Base64. */
    public static RSAPublicKey certificateKey(String text, KeySource source) {
        String t = normalized(text, source);
        if (PemText.hasPemMarker(t)) {
            PemText.Block block = pick(PemText.blocks(t, source), label -> label.equals("CERTIFICATE"), source);
            byte[] der = PemText.decodeBase64(block.base64(), block.describe(), source);
            return KeyDecoder.publicKeyOfCertificate(der, "in " + block.describe(), source);
        }
        return KeyDecoder.publicKeyOfCertificate(bareBase64(t, source), BARE, source);
    }

    private static String normalized(String text, KeySource source) {
        if (text == null) {
            throw source.refuse("nothing (null)", "if the key comes from an environment variable, check that it"
                    + " is set");
        }
        String t = PemText.normalize(text);
        if (t.isEmpty()) {
            throw source.refuse("an empty text", "if the key comes from an environment variable, check that it is set");
        }
        return t;
    }

    private static PemText.Block pick(List<PemText.Block> blocks, Predicate<String> wanted, KeySource source) {
        if (blocks.isEmpty()) {
            throw source.refuse("a '-----BEGIN' line that does not form a PEM header (labels are upper case, e.g."
                    + " '-----BEGIN PRIVATE KEY-----')", null);
        }
        return blocks.stream().filter(b -> wanted.test(b.label())).findFirst().orElse(blocks.get(0));
    }

    private static void refuseNonDerPem(PemText.Block block, KeySource source) {
        String label = block.label();
        if (label.startsWith("OPENSSH ")) {
            throw source.refuse("an OpenSSH key (" + block.describe() + ")", "convert it to PKCS#8 with"
                    + " 'ssh-keygen -p -m PKCS8 -f <file>' (this rewrites the file in place)");
        }
        if (label.startsWith("PGP ")) {
            throw source.refuse("an OpenPGP key (" + block.describe() + ")", "SNAP uses plain RSA keys, not PGP keys");
        }
    }

    private static byte[] bareBase64(String text, KeySource source) {
        if (text.startsWith("ssh-")) {
            throw source.refuse("an OpenSSH public key (ssh-...)", "convert it with 'ssh-keygen -e -m PKCS8 -f"
                    + " key.pub' and, for signing, use the private key instead");
        }
        String pathHint = looksLikePath(text) ? "it looks like a file path; read files with RsaSigner.fromFile(Path),"
                + " RsaVerifier.fromFile(Path), PrivateKeys.read(Path) or PublicKeys.read(Path)" : null;
        String base64 = PemText.withoutWhitespace(text);
        if (pathHint != null || base64.length() < 64) {
            throw source.refuse("a text of " + text.length() + " characters that is neither PEM nor Base64 DER"
                    + (pathHint == null ? " (too short to hold a key)" : ""), pathHint);
        }
        return PemText.decodeBase64(base64, "text without a PEM header", source);
    }

    private static boolean looksLikePath(String text) {
        if (text.length() > 4096 || text.indexOf('\n') >= 0) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean keyExtension = lower.endsWith(".pem") || lower.endsWith(".key") || lower.endsWith(".der")
                || lower.endsWith(".p8") || lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".crt")
                || lower.endsWith(".cer") || lower.endsWith(".pub");
        boolean pathStart = text.startsWith("/") || text.startsWith("~") || text.startsWith("./")
                || text.startsWith("../") || text.startsWith("\\") || (text.length() > 2 && text.charAt(1) == ':');
        return keyExtension || (pathStart && text.length() < 256 && text.indexOf(' ') < 0
                && (text.indexOf('.') >= 0 || text.indexOf('/', 1) >= 0));
    }
}
