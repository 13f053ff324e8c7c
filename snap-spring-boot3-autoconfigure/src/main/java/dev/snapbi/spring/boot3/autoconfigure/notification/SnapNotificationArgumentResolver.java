package dev.snapbi.spring.boot3.autoconfigure.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.domain.notification.NotificationVerification;
import dev.snapbi.domain.notification.NotificationVerifier;
import dev.snapbi.spring.boot3.autoconfigure.NicepayClients;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@link SnapNotification} parameters: reads the body (bounded), verifies the signature with the client's
 * NICEPAY public key and only then parses the body. Any failure throws {@link RefusedNotificationException}, so the
 * handler never runs.
 */
public final class SnapNotificationArgumentResolver implements HandlerMethodArgumentResolver {

    /** The largest notification body read; NICEPAY's are a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(SnapNotificationArgumentResolver.class);

    private final NicepayClients clients;
    private final ObjectMapper mapper;

    /**
     * @param clients the configured clients and their notification verifiers
     * @param mapper  reads bodies into typed parameters
     */
    public SnapNotificationArgumentResolver(NicepayClients clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(SnapNotification.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        SnapNotification annotation = parameter.getParameterAnnotation(SnapNotification.class);
        String service = !annotation.serviceCode().isEmpty() ? annotation.serviceCode()
                : serviceCodeOf(request.getRequestURI());
        String clientName = clientName(annotation, request.getHeader("X-CLIENT-KEY"));
        if (clientName == null) {
            throw refuse(401, service, "Unauthorized. [Unknown client]", "no configured client for the notification's"
                    + " X-CLIENT-KEY");
        }
        Optional<NotificationVerifier> verifier = clients.notificationVerifier(clientName);
        if (verifier.isEmpty()) {
            log.warn("NICEPAY notification refused: set snapbi.nicepay{}.nicepay-public-key to verify notifications",
                    NicepayClients.DEFAULT_NAME.equals(clientName) ? "" : ".clients." + clientName);
            throw refuse(500, service, "General Error", "no NICEPAY public key configured for client " + clientName);
        }
        NotificationVerification check = verifier.get().verify(name -> {
            List<String> values = Collections.list(request.getHeaders(name));
            return values;
        });
        if (!check.isValid()) {
            throw refuse(401, service, "Unauthorized. [Signature]", check.outcome() + ": " + check.reason());
        }
        byte[] body = body(request, service);
        String clientKey = check.client().map(k -> k.value()).orElse("");
        String timestamp = check.snapTimestamp().map(t -> t.value()).orElse(null);
        Class<?> type = parameter.getParameterType();
        if (type == VerifiedNotification.class) {
            return new VerifiedNotification(clientName, clientKey, timestamp, service, body);
        }
        if (type == byte[].class) {
            return body;
        }
        if (type == String.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try {
            return mapper.readValue(body, mapper.constructType(parameter.getGenericParameterType()));
        } catch (IOException e) {
            throw refuse(400, service, "Bad Request", "the body does not read as " + type.getSimpleName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private String clientName(SnapNotification annotation, String clientKeyHeader) {
        if (!annotation.client().isEmpty()) {
            return clients.names().contains(annotation.client()) ? annotation.client() : null;
        }
        if (clientKeyHeader != null) {
            Optional<String> byKey = clients.nameOf(clientKeyHeader);
            if (byKey.isPresent()) {
                return byKey.get();
            }
        }
        return clients.names().size() == 1 ? clients.names().iterator().next() : null;
    }

    private static byte[] body(HttpServletRequest request, String service) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw refuse(413, service, "Bad Request", "body over " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw refuse(400, service, "Bad Request", "the body could not be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /** The SNAP service code of a notification path (SNAP-SPEC section 8). */
    static String serviceCodeOf(String path) {
        if (path == null) {
            return "00";
        }
        if (path.endsWith("/transfer-va/payment")) {
            return "25";
        }
        if (path.endsWith("/qr/qr-mpm-notify")) {
            return "52";
        }
        if (path.endsWith("/debit/notify")) {
            return "56";
        }
        return "00";
    }

    private static RefusedNotificationException refuse(int status, String service, String message, String reason) {
        return new RefusedNotificationException(status, status + service + "00", message, reason);
    }
}
