package dev.snapbi.spring.boot3.autoconfigure.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers a notification that {@code @SnapNotification} refused before the handler ran with NICEPAY's error body
 * ({@code {"responseCode":"4012500","responseMessage":"Unauthorized. [Signature]"}}) and logs the reason at WARN.
 */
public final class RefusedNotificationExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RefusedNotificationExceptionResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!(ex instanceof RefusedNotificationException refused)) {
            return null;
        }
        log.warn("NICEPAY notification to {} refused: {}", request.getRequestURI(), refused.getMessage());
        try {
            response.setStatus(refused.httpStatus());
            response.setContentType("application/json");
            byte[] body = refused.answer().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException e) {
            log.debug("could not answer a refused notification: {}", e.getClass().getSimpleName());
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
