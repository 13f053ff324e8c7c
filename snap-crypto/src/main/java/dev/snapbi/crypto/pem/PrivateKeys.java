package dev.snapbi.crypto.pem;

import dev.snapbi.crypto.internal.KeyFiles;
import dev.snapbi.crypto.internal.KeySource;
import dev.snapbi.crypto.internal.KeyTexts;
import dev.snapbi.domain.error.SnapConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads RSA private keys. Accepted text:
 * <ul>
 *   <li>PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----});</li>
 *   <li>PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}), also legacy OpenSSL-encrypted
 *   ({@code Proc-Type: 4,ENCRYPTED}) with its password;</li>
 *   <li>encrypted PKCS#8 PEM ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}) with its password;</li>
 *   <li>bare Base64 of PKCS#8 or PKCS#1 DER, without header (what NICEPAY's Java SDK expects);</li>
 *   <li>any of these with newlines turned into literal {@code \n} or spaces, or wrapped in quotes, as happens to keys
 *   kept in environment variables.</li>
 * </ul>
 * Files may hold any of these, or binary DER. Key-size rules are applied by {@link dev.snapbi.crypto.RsaSigner}, not
 * here. Every refusal is a {@link SnapConfigurationException} that says what was found and what is expected.
 * Passwords are wiped (overwritten with zeros) before the methods return, whether they succeed or not.
 * <p>
 * Limits, so that hostile input is a clear error and not an exhausted heap or a hung thread: files are read up to
 * 1 MiB (an endless file such as {@code /dev/zero} is refused); a file that is not a regular file (a FIFO, a process
 * substitution) must deliver its bytes within 10 s; an encrypted key whose key derivation asks for more than
 * 10,000,000 PBKDF2 (or PKCS#12 / PBES1) iterations, or for scrypt needing more than 64 MiB ({@code 128 * N * r}) or a
 * parallelization {@code p} above 16, is refused before any derivation runs (OpenSSL writes 2048 PBKDF2 iterations,
 * or scrypt N=16384, r=8, p=1: 16 MiB).
 */
public final class PrivateKeys {

    private PrivateKeys() {
    }

    /**
     * Parses an unencrypted private key from text.
     *
     * @throws SnapConfigurationException when the text is not an RSA private key, or is encrypted
     */
    public static RSAPrivateKey parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a private key from text, decrypting it with {@code password} when it is encrypted (a password given for
     * an unencrypted key is ignored).
     *
     * @param password the key's password or null; wiped before this method returns
     * @throws SnapConfigurationException when the text is not an RSA private key, or the password is missing or wrong
     */
    public static RSAPrivateKey parse(String text, char[] password) {
        try {
            return KeyTexts.privateKey(text, password, KeySource.privateKey("the given text"));
        } finally {
            wipe(password);
        }
    }

    /**
     * Reads an unencrypted private key file (PEM, Base64 or DER).
     *
     * @throws SnapConfigurationException when the file is missing, unreadable or not an RSA private key
     */
    public static RSAPrivateKey read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a private key file (PEM, Base64 or DER), decrypting it with {@code password} when it is encrypted.
     *
     * @param password the key's password or null; wiped before this method returns
     * @throws SnapConfigurationException when the file is missing, unreadable or not an RSA private key, or the
     *                                    password is missing or wrong
     */
    public static RSAPrivateKey read(Path file, char[] password) {
        try {
            return KeyFiles.privateKey(file, password, KeySource.privateKey("file " + file));
        } finally {
            wipe(password);
        }
    }

    /**
     * Reads the RSA private key of one entry of a PKCS#12 keystore ({@code .p12}/{@code .pfx}, e.g. made by
     * {@code openssl pkcs12 -export}).
     *
     * @param storePassword the keystore's password (null means empty); wiped before this method returns
     * @param alias         the entry's alias, or null when the keystore holds exactly one private key entry
     * @param keyPassword   the entry's password, or null when it is the store password (as with OpenSSL); wiped
     * @throws SnapConfigurationException when the file is missing or not a PKCS#12 keystore, a password is wrong, the
     *                                    alias is unknown or ambiguous, or the entry is not an RSA private key
     */
    public static RSAPrivateKey fromPkcs12(Path keystore, char[] storePassword, String alias, char[] keyPassword) {
        KeySource source = new KeySource("private key", "PKCS#12 keystore " + keystore,
                "a PKCS#12 keystore (.p12, .pfx) with an RSA private key entry");
        try {
            byte[] bytes = KeyFiles.read(keystore, source);
            char[] storePass = storePassword == null ? new char[0] : storePassword;
            KeyStore store;
            try {
                store = KeyStore.getInstance("PKCS12");
                store.load(new ByteArrayInputStream(bytes), storePass);
            } catch (IOException | GeneralSecurityException e) {
                if (e.getCause() instanceof UnrecoverableKeyException) {
                    throw source.refuse("a keystore that did not open with the given store password",
                            "the password the keystore was exported with", "check the store password");
                }
                throw source.refuse("a file that is not a PKCS#12 keystore (" + e.getClass().getSimpleName() + ")",
                        "PEM and DER key files are read with PrivateKeys.read(Path)");
            }
            String entry = chooseAlias(store, alias, source);
            Key key;
            try {
                key = store.getKey(entry, keyPassword == null ? storePass : keyPassword);
            } catch (UnrecoverableKeyException e) {
                throw source.refuse("entry '" + entry + "' that did not open with the given key password",
                        "the entry's password (OpenSSL uses the store password for it)", null);
            } catch (GeneralSecurityException e) {
                throw source.refuse("entry '" + entry + "' that could not be read (" + e.getClass().getSimpleName()
                        + ")", null);
            }
            if (key instanceof RSAPrivateKey rsa) {
                return rsa;
            }
            String found = key == null ? "no key" : KeySource.withArticle(key.getAlgorithm()) + " private key";
            throw source.refuse("entry '" + entry + "' holding " + found,
                    "an RSA private key (SNAP signs with SHA256withRSA)", null);
        } finally {
            wipe(storePassword);
            wipe(keyPassword);
        }
    }

    private static String chooseAlias(KeyStore store, String alias, KeySource source) {
        List<String> keyAliases = new ArrayList<>();
        try {
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            if (alias == null) {
                if (keyAliases.size() == 1) {
                    return keyAliases.get(0);
                }
                throw source.refuse(keyAliases.isEmpty() ? "a keystore without private key entries"
                        : "a keystore with " + keyAliases.size() + " private key entries " + keyAliases,
                        keyAliases.isEmpty() ? "a keystore with one private key entry"
                                : "the alias of the entry to use", null);
            }
            if (!store.containsAlias(alias)) {
                throw source.refuse("no entry named '" + alias + "' (private key entries: " + keyAliases + ")",
                        "the alias of a private key entry", null);
            }
            if (!store.isKeyEntry(alias)) {
                throw source.refuse("entry '" + alias + "' holding a certificate only", "an entry with a private key"
                        + " (private key entries: " + keyAliases + ")", null);
            }
            return alias;
        } catch (java.security.KeyStoreException e) {
            throw source.refuse("a keystore whose entries could not be listed", null);
        }
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
