package dev.snapbi.nicepay;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapDuplicateReferenceException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapOutcomeUnknownException;
import dev.snapbi.domain.error.SnapRejectedException;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.nicepay.balance.BalanceInquiryResponse;
import dev.snapbi.nicepay.ewallet.EwalletPaymentRequest;
import dev.snapbi.nicepay.ewallet.EwalletPaymentResponse;
import dev.snapbi.nicepay.ewallet.EwalletRefundRequest;
import dev.snapbi.nicepay.ewallet.EwalletService;
import dev.snapbi.nicepay.ewallet.UrlParam;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PaymentStatus;
import dev.snapbi.nicepay.model.PayoutStatus;
import dev.snapbi.nicepay.model.VirtualAccountStatus;
import dev.snapbi.nicepay.payout.PayoutRegistrationRequest;
import dev.snapbi.nicepay.payout.PayoutRequest;
import dev.snapbi.nicepay.payout.PayoutResponse;
import dev.snapbi.nicepay.payout.PayoutService;
import dev.snapbi.nicepay.qris.QrisGenerateRequest;
import dev.snapbi.nicepay.qris.QrisGenerateResponse;
import dev.snapbi.nicepay.qris.QrisRefundRequest;
import dev.snapbi.nicepay.qris.QrisRefundResponse;
import dev.snapbi.nicepay.qris.QrisService;
import dev.snapbi.nicepay.va.CancelVaRequest;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.CreateVaResponse;
import dev.snapbi.nicepay.va.VaStatusResponse;
import dev.snapbi.nicepay.va.VirtualAccountService;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every typed service end to end against the stateful sandbox, through the client object (default transport). */
class NicepayServicesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static SnapSandbox sandbox;
    static SandboxClient merchant;
    static NicepayClient nicepay;

    @BeforeAll
    static void start() {
        sandbox = SnapSandbox.start();
        merchant = sandbox.registerNewClient("IONPAYTEST");
        nicepay = NicepayClient.builder()
                .environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                .clientKey(merchant.clientKey())
                .privateKey(merchant.privateKey())
                .clientSecret(merchant.clientSecret())
                .retryBackoff(Duration.ZERO)
                .build();
    }

    @AfterAll
    static void stop() {
        nicepay.close();
        sandbox.close();
    }

    @BeforeEach
    void clean() {
        sandbox.transactionFaults().clear();
        sandbox.resetStats();
    }

    static String reference(String kind) {
        return kind + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    static long sent(String path) {
        return sandbox.stats().requests(path);
    }

    static CreateVaRequest va(String trxId, long rupiah) {
        return CreateVaRequest.builder()
                .virtualAccountName("Jane Doe")
                .trxId(trxId)
                .totalAmount(Amount.idr(rupiah))
                .additionalInfo(CreateVaRequest.AdditionalInfo.builder()
                        .bankCd("BMRI").goodsNm("Jacket").dbProcessUrl("http://127.0.0.1:9/none").build())
                .build();
    }

    @Nested
    class VirtualAccounts {
        final VirtualAccountService vas = nicepay.virtualAccounts();

        @Test
        void creates_a_virtual_account_that_becomes_paid_in_the_sandbox_and_then_cannot_be_cancelled() {
            String trxId = reference("VA");
            CreateVaResponse created = vas.create(va(trxId, 10_000));

            assertThat(created.responseCode()).isEqualTo("2002700");
            assertThat(created.virtualAccountData().trxId()).isEqualTo(trxId);
            assertThat(created.virtualAccountData().totalAmount()).isEqualTo(Amount.idr("10000.00"));
            assertThat(created.virtualAccountData().virtualAccountNo()).isNotBlank();
            assertThat(vas.statusOf(created).status()).isEqualTo(VirtualAccountStatus.UNPAID);

            sandbox.payVirtualAccount(created.virtualAccountData().tXidVA());

            VaStatusResponse paid = vas.statusOf(trxId);
            assertThat(paid.status()).isEqualTo(VirtualAccountStatus.PAID);
            assertThat(paid.virtualAccountData().paidAmount()).isEqualTo(Amount.idr(10_000));
            assertThatThrownBy(() -> vas.cancel(CancelVaRequest.builder().trxId(trxId).build()))
                    .isInstanceOfSatisfying(SnapRejectedException.class, e -> assertThat(e.responseCode())
                            .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4043114")));
        }

        @Test
        void cancels_an_unpaid_virtual_account_with_a_delete_carrying_a_body() {
            String trxId = reference("VA");
            CreateVaResponse created = vas.create(va(trxId, 25_000));

            vas.cancel(CancelVaRequest.builder().trxId(trxId).additionalInfo(CancelVaRequest.AdditionalInfo.builder()
                    .tXidVA(created.virtualAccountData().tXidVA()).totalAmount(Amount.idr(25_000))
                    .cancelMessage("customer changed their mind").build()).build());

            assertThat(vas.statusOf(trxId).status()).isEqualTo(VirtualAccountStatus.CANCELLED);
            RecordedRequest delete = sandbox.recordedRequests().stream()
                    .filter(r -> r.path().equals(SnapSandbox.VA_DELETE_PATH)).reduce((a, b) -> b).orElseThrow();
            assertThat(delete.method()).isEqualTo("DELETE");
            assertThat(delete.body()).contains("\"trxId\":\"" + trxId + "\"");
            assertThat(delete.signatureValid()).isTrue();
            assertThatThrownBy(() -> sandbox.payVirtualAccount(created.virtualAccountData().tXidVA()))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void refuses_a_reused_trx_id_as_a_duplicate_carrying_the_reference() {
            String trxId = reference("VA");
            vas.create(va(trxId, 10_000));

            assertThatThrownBy(() -> vas.create(va(trxId, 10_000)))
                    .isInstanceOfSatisfying(SnapDuplicateReferenceException.class,
                            e -> assertThat(e.businessReference()).contains(trxId))
                    .hasMessageContaining(VirtualAccountService.STATUS_CALL);
        }

        @Test
        void refuses_an_invalid_request_before_anything_is_sent() {
            assertThatThrownBy(() -> CreateVaRequest.builder().virtualAccountName("Jane").totalAmount(Amount.idr(1))
                    .additionalInfo(CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("x")
                            .dbProcessUrl("https://m.example/n").build()).build())
                    .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("trxId");
            assertThatThrownBy(() -> CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("x").build())
                    .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("dbProcessUrl");
            assertThatThrownBy(() -> vas.create(new CreateVaRequest("", "", "", "Jane", "T".repeat(41),
                    Amount.idr(1), null)))
                    .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("trxId")
                    .hasMessageContaining("40");
            assertThat(sent(SnapSandbox.VA_CREATE_PATH)).isZero();
        }

        @Test
        void reports_an_unknown_transaction_as_not_found() {
            assertThatThrownBy(() -> vas.statusOf(reference("NOPE")))
                    .isInstanceOfSatisfying(SnapRejectedException.class, e -> assertThat(e.responseCode())
                            .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4042601")));
        }

        @Test
        void replays_a_typed_call_once_after_the_token_died() {
            sandbox.revokeToken(nicepay.accessTokens().accessToken().value());
            String trxId = reference("VA");

            assertThat(vas.create(va(trxId, 5_000)).virtualAccountData().trxId()).isEqualTo(trxId);
            assertThat(sent(SnapSandbox.VA_CREATE_PATH)).isEqualTo(2);
            assertThat(sandbox.stats().rejections("4017301")).isEqualTo(1);
        }

        @Test
        void sends_a_create_whose_answer_is_lost_exactly_once_and_reconciles_it_with_the_status_call() {
            String trxId = reference("VA");
            sandbox.transactionFaults().processedThenDropNext(1);

            assertThatThrownBy(() -> vas.create(va(trxId, 15_000)))
                    .isInstanceOfSatisfying(SnapOutcomeUnknownException.class, e -> {
                        assertThat(e.businessReference()).contains(trxId);
                        assertThat(e.statusCall()).contains(VirtualAccountService.STATUS_CALL);
                    });
            assertThat(sent(SnapSandbox.VA_CREATE_PATH)).isEqualTo(1);

            VaStatusResponse found = vas.statusOf(trxId);
            assertThat(found.status()).isEqualTo(VirtualAccountStatus.UNPAID);
            assertThat(found.virtualAccountData().totalAmount()).isEqualTo(Amount.idr(15_000));
        }

        @Test
        void never_resends_a_create_answered_with_a_server_error_but_retries_a_status_call() {
            String trxId = reference("VA");
            sandbox.transactionFaults().failNext(1, 500, "5002700", "General Error");
            assertThatThrownBy(() -> vas.create(va(trxId, 15_000)))
                    .isInstanceOf(SnapOutcomeUnknownException.class).hasMessageContaining("HTTP 500");
            assertThat(sent(SnapSandbox.VA_CREATE_PATH)).isEqualTo(1);

            sandbox.transactionFaults().failNext(2, 503, "5032600", "Service Unavailable");
            SnapException notFoundOrFound = null;
            try {
                vas.statusOf(trxId);
            } catch (SnapException e) {
                notFoundOrFound = e;
            }
            assertThat(notFoundOrFound).as("the fault answered the create, so nothing was made")
                    .isInstanceOf(SnapRejectedException.class);
            assertThat(sent(SnapSandbox.VA_STATUS_PATH)).isEqualTo(3);
        }
    }

    @Nested
    class AnswersThatAreNotFinal {
        final VirtualAccountService vas = nicepay.virtualAccounts();

        @Test
        void a_202_in_progress_is_a_non_final_outcome_carrying_the_reference_and_is_not_resent() {
            String trxId = reference("VA");
            sandbox.transactionFaults().failNext(1, 202, "2022700", "Request In Progress");

            assertThatThrownBy(() -> vas.create(va(trxId, 1_000)))
                    .isInstanceOfSatisfying(dev.snapbi.domain.error.SnapInProgressException.class, e -> {
                        assertThat(e.businessReference()).contains(trxId);
                        assertThat(e.statusCall()).contains(VirtualAccountService.STATUS_CALL);
                    });
            assertThat(sent(SnapSandbox.VA_CREATE_PATH)).isEqualTo(1);
        }

        @Test
        void a_429_on_a_money_moving_call_is_a_definite_refusal_and_is_not_resent() {
            sandbox.transactionFaults().tooManyRequestsNext(1, 3);

            assertThatThrownBy(() -> vas.create(va(reference("VA"), 1_000)))
                    .isInstanceOfSatisfying(dev.snapbi.domain.error.SnapUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(
                                dev.snapbi.domain.error.SnapUnavailableException.Reason.TOO_MANY_REQUESTS);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    });
            assertThat(sent(SnapSandbox.VA_CREATE_PATH)).isEqualTo(1);
        }

        @Test
        void a_server_message_echoing_the_token_is_scrubbed_from_the_error() {
            String token = nicepay.accessTokens().accessToken().value();
            sandbox.transactionFaults().failNext(1, 400, "4002700", "bad token " + token);

            assertThatThrownBy(() -> vas.create(va(reference("VA"), 1_000)))
                    .isInstanceOf(dev.snapbi.domain.error.SnapBadRequestException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).contains("bad token ****").doesNotContain(token);
                        assertThat(((SnapException) e).serverMessage().orElseThrow()).doesNotContain(token);
                    });
        }
    }

    @Nested
    class Qris {
        final QrisService qris = nicepay.qris();

        QrisGenerateRequest generate(String reference, long rupiah) {
            return QrisGenerateRequest.builder().partnerReferenceNo(reference).amount(Amount.idr(rupiah))
                    .storeId("NICEPAY")
                    .additionalInfo(QrisGenerateRequest.AdditionalInfo.builder().goodsNm("Coffee")
                            .dbProcessUrl("http://127.0.0.1:9/none").build())
                    .build();
        }

        @Test
        void generates_a_qr_that_is_paid_then_refunded_in_part_and_in_full_never_above_the_paid_amount() {
            String reference = reference("QR");
            QrisGenerateResponse generated = qris.generate(generate(reference, 30_000));
            assertThat(generated.partnerReferenceNo()).isEqualTo(reference);
            assertThat(generated.qrContent()).isNotBlank();
            assertThat(qris.statusOf(reference).status()).isEqualTo(PaymentStatus.PENDING);
            RecordedRequest sent = sandbox.recordedRequests().stream()
                    .filter(r -> r.path().equals(SnapSandbox.QRIS_GENERATE_PATH)).reduce((a, b) -> b).orElseThrow();
            assertThat(sent.body()).contains("\"merchantId\":\"IONPAYTEST\"").contains("\"mitraCd\":\"QSHP\"");

            sandbox.payQris(generated.referenceNo());
            assertThat(qris.statusOf(reference).status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(qris.statusOf(reference).amount()).isEqualTo(Amount.idr(30_000));

            QrisRefundResponse part = qris.refund(refund(generated, reference("RF"), 10_000, "2"));
            assertThat(part.refundAmount()).isEqualTo(Amount.idr(10_000));
            assertThatThrownBy(() -> qris.refund(refund(generated, reference("RF"), 20_001, "2")))
                    .isInstanceOfSatisfying(SnapRejectedException.class, e -> assertThat(e.responseCode())
                            .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4047813")));
            qris.refund(refund(generated, reference("RF"), 20_000, "2"));
            assertThat(qris.statusOf(reference).status()).isEqualTo(PaymentStatus.REFUNDED);
        }

        QrisRefundRequest refund(QrisGenerateResponse generated, String refundNo, long rupiah, String type) {
            return QrisRefundRequest.builder().originalReferenceNo(generated.referenceNo())
                    .originalPartnerReferenceNo(generated.partnerReferenceNo()).partnerRefundNo(refundNo)
                    .refundAmount(Amount.idr(rupiah)).reason("return")
                    .additionalInfo(QrisRefundRequest.AdditionalInfo.builder().cancelType(type).build()).build();
        }

        @Test
        void refuses_to_refund_an_unpaid_qr_and_a_reused_partner_reference() {
            String reference = reference("QR");
            QrisGenerateResponse generated = qris.generate(generate(reference, 1_000));

            assertThatThrownBy(() -> qris.refund(refund(generated, reference("RF"), 1_000, "1")))
                    .isInstanceOfSatisfying(SnapRejectedException.class, e -> assertThat(e.responseCode())
                            .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4037815")));
            assertThatThrownBy(() -> qris.generate(generate(reference, 1_000)))
                    .isInstanceOfSatisfying(SnapDuplicateReferenceException.class,
                            e -> assertThat(e.businessReference()).contains(reference));
        }

        @Test
        void sends_a_refund_whose_answer_is_lost_exactly_once() {
            String reference = reference("QR");
            QrisGenerateResponse generated = qris.generate(generate(reference, 8_000));
            sandbox.payQris(generated.referenceNo());
            String refundNo = reference("RF");
            sandbox.transactionFaults().processedThenDropNext(1);

            assertThatThrownBy(() -> qris.refund(refund(generated, refundNo, 8_000, "1")))
                    .isInstanceOfSatisfying(SnapOutcomeUnknownException.class,
                            e -> assertThat(e.businessReference()).contains(refundNo));
            assertThat(sent(SnapSandbox.QRIS_REFUND_PATH)).isEqualTo(1);
            assertThat(qris.statusOf(reference).status()).isEqualTo(PaymentStatus.REFUNDED);
        }
    }

    @Nested
    class Ewallets {
        final EwalletService ewallets = nicepay.ewallets();

        EwalletPaymentRequest payment(String reference, long rupiah) {
            return EwalletPaymentRequest.builder().partnerReferenceNo(reference).amount(Amount.idr(rupiah))
                    .urlParam(List.of(UrlParam.builder().url("http://127.0.0.1:9/none").type("PAY_NOTIFY").build(),
                            UrlParam.builder().url("https://merchant.example/return").type("PAY_RETURN").build()))
                    .additionalInfo(EwalletPaymentRequest.AdditionalInfo.builder().mitraCd("DANA").goodsNm("Tea")
                            .billingNm("Jane").billingPhone("08123456789").build())
                    .build();
        }

        @Test
        void pays_with_an_e_wallet_then_refunds_it() {
            String reference = reference("EW");
            EwalletPaymentResponse started = ewallets.pay(payment(reference, 12_000));
            assertThat(started.partnerReferenceNo()).isEqualTo(reference);
            assertThat(started.webRedirectUrl()).isNotBlank();

            sandbox.payEwallet(started.referenceNo());
            assertThat(ewallets.statusOf(reference).status()).isEqualTo(PaymentStatus.SUCCESS);

            ewallets.refund(EwalletRefundRequest.builder().originalPartnerReferenceNo(reference)
                    .originalReferenceNo(started.referenceNo()).partnerRefundNo(reference("RF"))
                    .refundAmount(Amount.idr(12_000)).build());
            assertThat(ewallets.statusOf(reference).status()).isEqualTo(PaymentStatus.REFUNDED);
        }

        @Test
        void refuses_an_unknown_wallet_before_sending() {
            assertThatThrownBy(() -> EwalletPaymentRequest.AdditionalInfo.builder().mitraCd("PAYPAL").goodsNm("x")
                    .build()).isInstanceOf(SnapConfigurationException.class).hasMessageContaining("mitraCd");
            assertThat(sent(SnapSandbox.EWALLET_PAYMENT_PATH)).isZero();
        }

        @Test
        void sends_a_payment_whose_answer_is_lost_exactly_once_and_finds_it_by_its_reference() {
            String reference = reference("EW");
            sandbox.transactionFaults().processedThenDropNext(1);

            assertThatThrownBy(() -> ewallets.pay(payment(reference, 9_000)))
                    .isInstanceOfSatisfying(SnapOutcomeUnknownException.class,
                            e -> assertThat(e.statusCall()).contains(EwalletService.STATUS_CALL));
            assertThat(sent(SnapSandbox.EWALLET_PAYMENT_PATH)).isEqualTo(1);
            assertThat(ewallets.statusOf(reference).status()).isEqualTo(PaymentStatus.PENDING);
        }
    }

    @Nested
    class Payouts {
        final PayoutService payouts = nicepay.payouts();

        PayoutRegistrationRequest payout(String reference, long rupiah) {
            return PayoutRegistrationRequest.builder().partnerReferenceNo(reference)
                    .beneficiaryAccountNo("5345000060").beneficiaryName("John Doe").beneficiaryBankCode("BDIN")
                    .beneficiaryPhone("08123456789").amount(Amount.idr(rupiah)).build();
        }

        @Test
        void registers_approves_and_pays_out_from_the_balance() {
            BigDecimal before = nicepay.balances().inquiry().availableBalance().orElseThrow().value();
            String reference = reference("PO");
            PayoutResponse registered = payouts.register(payout(reference, 50_000));
            assertThat(registered.businessReference()).isEqualTo(reference);
            assertThat(payouts.statusOf(reference).status()).isEqualTo(PayoutStatus.PENDING_APPROVAL);

            payouts.approve(PayoutRequest.builder().originalPartnerReferenceNo(reference)
                    .originalReferenceNo(registered.originalReferenceNo()).build());

            assertThat(payouts.statusOf(reference).status()).isEqualTo(PayoutStatus.SUCCESS);
            BalanceInquiryResponse after = nicepay.balances().inquiry();
            assertThat(after.availableBalance().orElseThrow().value())
                    .isEqualByComparingTo(before.subtract(new BigDecimal("50000")));
            assertThat(after.availableBalance().orElseThrow().value()).isEqualByComparingTo(sandbox.balance("IONPAYTEST"));
            assertThatThrownBy(() -> payouts.reject(PayoutRequest.builder().originalPartnerReferenceNo(reference)
                    .build())).isInstanceOfSatisfying(SnapRejectedException.class, e -> assertThat(e.responseCode())
                    .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4030015")));
        }

        @Test
        void rejects_or_cancels_only_while_pending() {
            String rejected = reference("PO");
            payouts.register(payout(rejected, 1_000));
            payouts.reject(PayoutRequest.builder().originalPartnerReferenceNo(rejected).build());
            assertThat(payouts.statusOf(rejected).status()).isEqualTo(PayoutStatus.REJECTED);
            assertThatThrownBy(() -> payouts.cancel(PayoutRequest.builder().originalPartnerReferenceNo(rejected)
                    .build())).isInstanceOf(SnapRejectedException.class);

            String cancelled = reference("PO");
            payouts.register(payout(cancelled, 1_000));
            payouts.cancel(PayoutRequest.builder().originalPartnerReferenceNo(cancelled).build());
            assertThat(payouts.statusOf(cancelled).status()).isEqualTo(PayoutStatus.CANCELLED);
        }

        @Test
        void refuses_an_approval_above_the_balance() {
            String reference = reference("PO");
            BigDecimal balance = sandbox.balance("IONPAYTEST");
            payouts.register(payout(reference, balance.longValue() + 1));

            assertThatThrownBy(() -> payouts.approve(PayoutRequest.builder().originalPartnerReferenceNo(reference)
                    .build())).isInstanceOfSatisfying(SnapRejectedException.class, e -> assertThat(e.responseCode())
                    .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4030014")));
            assertThat(payouts.statusOf(reference).status()).isEqualTo(PayoutStatus.PENDING_APPROVAL);
        }

        @Test
        void refuses_a_duplicate_and_a_bad_account_number() {
            String reference = reference("PO");
            payouts.register(payout(reference, 1_000));
            assertThatThrownBy(() -> payouts.register(payout(reference, 1_000)))
                    .isInstanceOf(SnapDuplicateReferenceException.class);
            assertThatThrownBy(() -> PayoutRegistrationRequest.builder().partnerReferenceNo("x")
                    .beneficiaryAccountNo("53-45").beneficiaryName("J").beneficiaryBankCode("BDIN")
                    .amount(Amount.idr(1)).build())
                    .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("beneficiaryAccountNo");
        }

        @Test
        void sends_an_approval_whose_answer_is_lost_exactly_once_and_reconciles_it() {
            String reference = reference("PO");
            payouts.register(payout(reference, 2_000));
            sandbox.transactionFaults().processedThenDropNext(1);

            assertThatThrownBy(() -> payouts.approve(PayoutRequest.builder().originalPartnerReferenceNo(reference)
                    .build())).isInstanceOfSatisfying(SnapOutcomeUnknownException.class,
                    e -> assertThat(e.businessReference()).contains(reference));
            assertThat(sent(SnapSandbox.PAYOUT_APPROVE_PATH)).isEqualTo(1);
            assertThat(payouts.statusOf(reference).status()).isEqualTo(PayoutStatus.SUCCESS);
        }
    }
}
