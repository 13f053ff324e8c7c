package dev.snapbi.examples.merchant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Orders in the embedded database, through Spring JDBC. */
@Repository
class OrderRepository {

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String description, BigDecimal amount) {
        jdbc.sql("INSERT INTO orders (id, description, amount, status) VALUES (?, ?, ?, 'NEW')")
                .params(id, description, amount).update();
    }

    Optional<Order> find(String id) {
        return jdbc.sql("SELECT id, description, amount, status, payment_method, nicepay_ref, va_number, qr_content,"
                        + " paid_at FROM orders WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Order(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .optional();
    }

    void paymentCreated(String id, String method, String nicepayRef, String vaNumber, String qrContent) {
        jdbc.sql("UPDATE orders SET status = 'PENDING', payment_method = ?, nicepay_ref = ?, va_number = ?,"
                        + " qr_content = ? WHERE id = ? AND status IN ('NEW', 'PENDING')")
                .params(method, nicepayRef, vaNumber, qrContent, id).update();
    }

    /** Marks it paid once: a repeated notification changes nothing. */
    boolean markPaid(String id, BigDecimal amount) {
        return jdbc.sql("UPDATE orders SET status = 'PAID', paid_at = ? WHERE id = ? AND amount = ?"
                        + " AND status = 'PENDING'")
                .params(OffsetDateTime.now(), id, amount).update() == 1;
    }
}
