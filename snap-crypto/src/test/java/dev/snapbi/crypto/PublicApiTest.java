package dev.snapbi.crypto;

import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.crypto.pem.PublicKeys;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.port.Signer;
import dev.snapbi.domain.port.SymmetricSigner;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API other modules code against: its exact shape, and no Bouncy Castle anywhere in it. */
class PublicApiTest {

    private static final List<Class<?>> PUBLIC_TYPES = List.of(RsaSigner.class, RsaVerifier.class,
            HmacSha512Signer.class, RsaKeyPairs.class, GeneratedKeyPair.class, PrivateKeys.class,
            PublicKeys.class);

    @Test
    void no_bouncy_castle_type_appears_in_any_public_signature() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
            members.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers()) && !Modifier.isProtected(member.getModifiers())) {
                    continue;
                }
                List<Type> types = new ArrayList<>(List.of(member.getGenericParameterTypes()));
                types.addAll(List.of(member.getGenericExceptionTypes()));
                if (member instanceof Method method) {
                    types.add(method.getGenericReturnType());
                }
                for (Type t : types) {
                    if (t.getTypeName().contains("org.bouncycastle")) {
                        leaks.add(type.getSimpleName() + "." + member.getName() + ": " + t.getTypeName());
                    }
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers())
                        && field.getGenericType().getTypeName().contains("org.bouncycastle")) {
                    leaks.add(type.getSimpleName() + "." + field.getName());
                }
            }
            assertThat(type.getSuperclass()).isEqualTo(Object.class);
            assertThat(type.getInterfaces()).noneMatch(i -> i.getName().startsWith("org.bouncycastle"));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void every_public_type_is_final_with_no_public_constructor() {
        for (Class<?> type : PUBLIC_TYPES) {
            assertThat(Modifier.isFinal(type.getModifiers())).as(type.getSimpleName() + " is final").isTrue();
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                assertThat(Modifier.isPublic(constructor.getModifiers())).as(type.getSimpleName()
                        + " is built by its static factories").isFalse();
            }
        }
    }

    @Test
    void offers_the_factories_and_methods_the_other_modules_code_against() throws Exception {
        assertThat(Signer.class).isAssignableFrom(RsaSigner.class);
        assertThat(SymmetricSigner.class).isAssignableFrom(HmacSha512Signer.class);
        assertStatic(RsaSigner.class, "create", RsaSigner.class, PrivateKey.class);
        assertStatic(RsaSigner.class, "fromPem", RsaSigner.class, String.class);
        assertStatic(RsaSigner.class, "fromPem", RsaSigner.class, String.class, char[].class);
        assertStatic(RsaSigner.class, "fromFile", RsaSigner.class, Path.class);
        assertStatic(RsaSigner.class, "fromFile", RsaSigner.class, Path.class, char[].class);
        assertThat(RsaSigner.class.getMethod("keySizeBits").getReturnType()).isEqualTo(int.class);
        assertStatic(RsaVerifier.class, "create", RsaVerifier.class, PublicKey.class);
        assertStatic(RsaVerifier.class, "fromPem", RsaVerifier.class, String.class);
        assertStatic(RsaVerifier.class, "fromFile", RsaVerifier.class, Path.class);
        assertThat(RsaVerifier.class.getMethod("verify", String.class, String.class).getReturnType())
                .isEqualTo(boolean.class);
        assertStatic(HmacSha512Signer.class, "create", HmacSha512Signer.class, ClientSecret.class);
        assertStatic(RsaKeyPairs.class, "generate", GeneratedKeyPair.class);
        assertStatic(RsaKeyPairs.class, "generate", GeneratedKeyPair.class, int.class);
        assertThat(GeneratedKeyPair.class.getMethod("keyPair").getReturnType()).isEqualTo(KeyPair.class);
        assertThat(GeneratedKeyPair.class.getMethod("writeTo", Path.class).getReturnType()).isEqualTo(void.class);
        assertStatic(PrivateKeys.class, "parse", RSAPrivateKey.class, String.class);
        assertStatic(PrivateKeys.class, "parse", RSAPrivateKey.class, String.class, char[].class);
        assertStatic(PrivateKeys.class, "read", RSAPrivateKey.class, Path.class);
        assertStatic(PrivateKeys.class, "read", RSAPrivateKey.class, Path.class, char[].class);
        assertStatic(PrivateKeys.class, "fromPkcs12", RSAPrivateKey.class, Path.class, char[].class, String.class,
                char[].class);
        assertStatic(PublicKeys.class, "parse", RSAPublicKey.class, String.class);
        assertStatic(PublicKeys.class, "read", RSAPublicKey.class, Path.class);
        assertStatic(PublicKeys.class, "fromCertificate", RSAPublicKey.class, String.class);
    }

    private static void assertStatic(Class<?> type, String name, Class<?> returns, Class<?>... parameters)
            throws NoSuchMethodException {
        Method method = type.getMethod(name, parameters);
        assertThat(Modifier.isStatic(method.getModifiers())).as(name + " is static").isTrue();
        assertThat(method.getReturnType()).as(name + " returns").isEqualTo(returns);
    }
}
