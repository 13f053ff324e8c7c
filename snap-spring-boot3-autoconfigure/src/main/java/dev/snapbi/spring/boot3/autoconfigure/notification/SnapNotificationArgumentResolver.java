package dev.snapbi.spring.boot3.autoconfigure.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapbi.nicepay.notification.NicepayNotifications;
import dev.snapbi.nicepay.notification.NotificationResult;
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
import java.util.Optional;

/**
 * Resolves {@link SnapNotification} parameters through snap-nicepay's {@link NicepayNotifications}: reads the body
 * (bounded), verifies the signature with the client's NICEPAY public key and only then parses the body into the
 * parameter's type. Anything but an accepted notification is answered with
 * NICEPAY's error body by {@link RefusedNotificationExceptionResolver}, so the handler never runs.
 */
public final class SnapNotificationArgumentResolver implements HandlerMethodArgumentResolver {

    private static final Logger log = LoggerFactory.getLogger(SnapNotificationArgumentResolver.class);

    private final NicepayClients clients;

    /** @param clients the configured clients and their notification settings */
    public SnapNotificationArgumentResolver(NicepayClients clients) {
        this.clients = clients;
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
            throw new RefusedNotificationException(401,
                    answer("401" + service + "00", "Unauthorized. [Unknown client]"),
                    "no configured client for the notification's X-CLIENT-KEY");
        }
        Optional<NicepayNotifications> notifications = clients.notifications(clientName);
        if (notifications.isEmpty()) {
            log.warn("NICEPAY notification refused: set snapbi.nicepay{}.nicepay-public-key to verify notifications",
                    NicepayClients.DEFAULT_NAME.equals(clientName) ? "" : ".clients." + clientName);
            throw new RefusedNotificationException(500, answer("500" + service + "00", "General Error"),
                    "no NICEPAY public key configured for client " + clientName);
        }
        byte[] body = body(request, service);
        Class<?> type = parameter.getParameterType();
        boolean raw = type == VerifiedNotification.class || type == byte[].class || type == String.class;
        @SuppressWarnings("unchecked")
        Class<Object> target = (Class<Object>) (raw ? JsonNode.class : type);
        NotificationResult<Object> result = notifications.get().verifyAndParse(
                name -> Collections.list(request.getHeaders(name)), body, target, service);
        if (!result.isAccepted()) {
            throw new RefusedNotificationException(result.httpStatus(), result.acknowledgement(),
                    result.outcome() + ": " + result.reason());
        }
        if (type == VerifiedNotification.class) {
            return new VerifiedNotification(clientName,
                    result.verification().clientId().map(k -> k.value()).orElse(""),
                    result.verification().timestamp().map(t -> t.value()).orElse(null), service, body);
        }
        if (type == byte[].class) {
            return body;
        }
        if (type == String.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        return result.notification().orElseThrow();
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
            // one byte over the bound is enough for NicepayNotifications to refuse it as too large
            return in.readNBytes(NicepayNotifications.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new RefusedNotificationException(400, answer("400" + service + "00", "Bad Request"),
                    "the body could not be read (" + e.getClass().getSimpleName() + ")");
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

    private static String answer(String code, String message) {
        return "{\"responseCode\":\"" + code + "\",\"responseMessage\":\"" + message + "\"}";
    }
}
