CREATE TABLE IF NOT EXISTS orders (
    id              VARCHAR(40)    PRIMARY KEY,
    description     VARCHAR(200)   NOT NULL,
    amount          DECIMAL(19, 2) NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    payment_method  VARCHAR(16),
    nicepay_ref     VARCHAR(64),
    va_number       VARCHAR(64),
    qr_content      VARCHAR(2048),
    paid_at         TIMESTAMP WITH TIME ZONE
);
