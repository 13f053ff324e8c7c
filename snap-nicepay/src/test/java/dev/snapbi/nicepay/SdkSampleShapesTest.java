package dev.snapbi.nicepay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapbi.nicepay.balance.BalanceInquiryRequest;
import dev.snapbi.nicepay.ewallet.EwalletPaymentRequest;
import dev.snapbi.nicepay.ewallet.EwalletRefundRequest;
import dev.snapbi.nicepay.ewallet.EwalletStatusRequest;
import dev.snapbi.nicepay.ewallet.UrlParam;
import dev.snapbi.nicepay.internal.NicepayJson;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.payout.PayoutRegistrationRequest;
import dev.snapbi.nicepay.payout.PayoutRequest;
import dev.snapbi.nicepay.payout.PayoutStatusRequest;
import dev.snapbi.nicepay.qris.QrisGenerateRequest;
import dev.snapbi.nicepay.qris.QrisRefundRequest;
import dev.snapbi.nicepay.qris.QrisStatusRequest;
import dev.snapbi.nicepay.va.CancelVaRequest;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.VaStatusRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed requests, filled with the values of NICEPAY's own SDK samples (python-nicepay {@code test/snap}, as kept
 * by the sandbox's SdkSamplesTest), write exactly the sample's JSON: same members, same nesting, same spelling.
 */
class SdkSampleShapesTest {

    private static final String KEY = "_YOUR_CLIENT_KEY";
    private static final String URL = "_YOUR_DB_PROCESS_URL";

    private static void assertSameJson(Object typed, String sample) throws Exception {
        JsonNode written = NicepayJson.mapper().readTree(NicepayJson.write(typed));
        assertThat(written).isEqualTo(NicepayJson.mapper().readTree(sample));
    }

    @Test
    void virtual_account_create_status_and_cancel() throws Exception {
        assertSameJson(CreateVaRequest.builder().partnerServiceId("_YOUR_PREFIX_NO").virtualAccountName("TESTING DEV")
                .trxId("NICEPAY123").totalAmount(Amount.idr("10000.00"))
                .additionalInfo(CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("Merchant Goods 1")
                        .dbProcessUrl("_YOUR_DB_PROCESS_URL_YOUR_DB_PROCESS_URL").build()).build(),
                "{\"partnerServiceId\": \"_YOUR_PREFIX_NO\", \"customerNo\": \"\", \"virtualAccountNo\": \"\", "
                        + "\"virtualAccountName\": \"TESTING DEV\", \"trxId\": \"NICEPAY123\", \"totalAmount\": "
                        + "{\"value\": \"10000.00\", \"currency\": \"IDR\"}, \"additionalInfo\": {\"bankCd\": \"BMRI\", "
                        + "\"goodsNm\": \"Merchant Goods 1\", \"dbProcessUrl\": \"_YOUR_DB_PROCESS_URL_YOUR_DB_PROCESS_URL\", "
                        + "\"vacctValidDt\": \"\", \"vacctValidTm\": \"\", \"msId\": \"\", \"msFee\": \"\", \"msFeeType\": "
                        + "\"\", \"mbFee\": \"\", \"mbFeeType\": \"\"}}");
        assertSameJson(VaStatusRequest.builder().virtualAccountNo("_YOUR_VA_NO")
                .additionalInfo(VaStatusRequest.AdditionalInfo.builder().tXidVA("_YOUR_TRANSACTION_ID")
                        .totalAmount(Amount.idr("10000.00")).trxId("NORMAL123457").build()).build(),
                "{\"partnerServiceId\": \"\", \"customerNo\": \"\", \"virtualAccountNo\": \"_YOUR_VA_NO\", "
                        + "\"inquiryRequestId\": \"\", \"additionalInfo\": {\"tXidVA\": \"_YOUR_TRANSACTION_ID\", "
                        + "\"totalAmount\": {\"value\": \"10000.00\", \"currency\": \"IDR\"}, \"trxId\": \"NORMAL123457\"}}");
        assertSameJson(CancelVaRequest.builder().partnerServiceId("7001400002").customerNo("014647")
                .virtualAccountNo("7001400002014647").trxId("NICEPAY123")
                .additionalInfo(CancelVaRequest.AdditionalInfo.builder().tXidVA("_YOUR_TRANSACTION_ID")
                        .totalAmount(Amount.idr("10000.00")).cancelMessage("Cancel Virtual Account").build()).build(),
                "{\"partnerServiceId\": \"7001400002\", \"customerNo\": \"014647\", \"virtualAccountNo\": "
                        + "\"7001400002014647\", \"trxId\": \"NICEPAY123\", \"additionalInfo\": {\"tXidVA\": "
                        + "\"_YOUR_TRANSACTION_ID\", \"totalAmount\": {\"value\": \"10000.00\", \"currency\": \"IDR\"}, "
                        + "\"cancelMessage\": \"Cancel Virtual Account\"}}");
    }

    @Test
    void qris_generate_status_and_refund() throws Exception {
        String cart = "{\"count\":1,\"item\":[{\"goods_name\":\"Nokia 3360\",\"goods_amt\":\"100\"}]}";
        assertSameJson(QrisGenerateRequest.builder().merchantId(KEY).partnerReferenceNo("OrdNo20250527112725")
                .storeId("NICEPAY").amount(Amount.idr("10000.00"))
                .additionalInfo(QrisGenerateRequest.AdditionalInfo.builder().goodsNm("Testing Nicepay")
                        .billingNm("testing").billingPhone("0813798872").billingEmail("testing@example.com")
                        .billingAddr("Jakarta").billingCity("South Jakarta").billingState("DKI Jakarta")
                        .billingCountry("Indonesia").billingPostCd("10200")
                        .callBackUrl("https://www.nicepay.co.id/IONPAY_CLIENT/paymentResult.jsp").dbProcessUrl(URL)
                        .userIP("127.0.0.1").msfee("").msfeetype("").msId("").mbfee("").mbfeetype("").cartData(cart)
                        .build()).build(),
                "{\"merchantId\": \"_YOUR_CLIENT_KEY\", \"partnerReferenceNo\": \"OrdNo20250527112725\", \"storeId\": "
                        + "\"NICEPAY\", \"validityPeriod\": \"\", \"amount\": {\"value\": \"10000.00\", \"currency\": "
                        + "\"IDR\"}, \"additionalInfo\": {\"goodsNm\": \"Testing Nicepay\", \"billingNm\": \"testing\", "
                        + "\"billingPhone\": \"0813798872\", \"billingEmail\": \"testing@example.com\", \"billingAddr\": "
                        + "\"Jakarta\", \"billingCity\": \"South Jakarta\", \"billingState\": \"DKI Jakarta\", "
                        + "\"billingCountry\": \"Indonesia\", \"billingPostCd\": \"10200\", \"callBackUrl\": "
                        + "\"https://www.nicepay.co.id/IONPAY_CLIENT/paymentResult.jsp\", \"dbProcessUrl\": "
                        + "\"_YOUR_DB_PROCESS_URL\", \"userIP\": \"127.0.0.1\", \"msfee\": \"\", \"msfeetype\": \"\", "
                        + "\"msId\": \"\", \"mbfee\": \"\", \"mbfeetype\": \"\", \"cartData\": "
                        + NicepayJson.mapper().writeValueAsString(cart) + ", \"mitraCd\": \"QSHP\"}}");
        assertSameJson(QrisStatusRequest.builder().merchantId(KEY).externalStoreId("NICEPAY")
                        .originalReferenceNo("_YOUR_TRANSACTION_ID").originalPartnerReferenceNo("OrdNo20250527112725")
                        .build(),
                "{\"merchantId\": \"_YOUR_CLIENT_KEY\", \"externalStoreId\": \"NICEPAY\", \"originalReferenceNo\": "
                        + "\"_YOUR_TRANSACTION_ID\", \"originalPartnerReferenceNo\": \"OrdNo20250527112725\", "
                        + "\"serviceCode\": \"47\", \"additionalInfo\": {}}");
        assertSameJson(QrisRefundRequest.builder().merchantId(KEY).externalStoreId("NICEPAY")
                        .originalReferenceNo("_YOUR_TRANSACTION_ID").originalPartnerReferenceNo("OrdNo20250527120034")
                        .partnerRefundNo("51").refundAmount(Amount.idr("10000.00")).reason("Test Refund QRIS SNAP")
                        .additionalInfo(QrisRefundRequest.AdditionalInfo.builder().build()).build(),
                "{\"merchantId\": \"_YOUR_CLIENT_KEY\", \"externalStoreId\": \"NICEPAY\", \"originalReferenceNo\": "
                        + "\"_YOUR_TRANSACTION_ID\", \"originalPartnerReferenceNo\": \"OrdNo20250527120034\", "
                        + "\"partnerRefundNo\": \"51\", \"refundAmount\": {\"value\": \"10000.00\", \"currency\": \"IDR\"}, "
                        + "\"reason\": \"Test Refund QRIS SNAP\", \"additionalInfo\": {\"cancelType\": \"1\"}}");
    }

    @Test
    void e_wallet_payment_status_and_refund() throws Exception {
        assertSameJson(EwalletPaymentRequest.builder().partnerReferenceNo("OrdNo20250807095315").merchantId(KEY)
                        .amount(Amount.idr("1.00"))
                        .urlParam(List.of(UrlParam.builder().url(URL).type("PAY_NOTIFY").isDeeplink("Y").build(),
                                UrlParam.builder().url("https://www.nicepay.co.id/IONPAY_CLIENT/paymentResult.jsp")
                                        .type("PAY_RETURN").isDeeplink("Y").build()))
                        .additionalInfo(EwalletPaymentRequest.AdditionalInfo.builder().mitraCd("DANA")
                                .goodsNm("Merchant Goods 1").billingNm("Testin Dev").billingPhone("628136368XXXX")
                                .cartData("{}").dbProcessUrl(URL)
                                .callBackUrl("https://dev.nicepay.co.id/IONPAY_CLIENT/paymentResult.jsp").msId("")
                                .build()).build(),
                "{\"partnerReferenceNo\": \"OrdNo20250807095315\", \"merchantId\": \"_YOUR_CLIENT_KEY\", "
                        + "\"subMerchantId\": \"\", \"externalStoreId\": \"\", \"validUpTo\": \"\", \"pointOfInitiation\": "
                        + "\"Mobile App\", \"amount\": {\"value\": \"1.00\", \"currency\": \"IDR\"}, \"urlParam\": "
                        + "[{\"url\": \"_YOUR_DB_PROCESS_URL\", \"type\": \"PAY_NOTIFY\", \"isDeeplink\": \"Y\"}, "
                        + "{\"url\": \"https://www.nicepay.co.id/IONPAY_CLIENT/paymentResult.jsp\", \"type\": "
                        + "\"PAY_RETURN\", \"isDeeplink\": \"Y\"}], \"additionalInfo\": {\"mitraCd\": \"DANA\", "
                        + "\"goodsNm\": \"Merchant Goods 1\", \"billingNm\": \"Testin Dev\", \"billingPhone\": "
                        + "\"628136368XXXX\", \"cartData\": \"{}\", \"dbProcessUrl\": \"_YOUR_DB_PROCESS_URL\", "
                        + "\"callBackUrl\": \"https://dev.nicepay.co.id/IONPAY_CLIENT/paymentResult.jsp\", \"msId\": \"\"}}");
        assertSameJson(EwalletStatusRequest.builder().merchantId(KEY).originalPartnerReferenceNo("OrdNo20250807095315")
                        .originalReferenceNo("_YOUR_TRANSACTION_ID").transactionDate("20250807095315")
                        .amount(Amount.idr("1.00")).build(),
                "{\"merchantId\": \"_YOUR_CLIENT_KEY\", \"subMerchantId\": \"\", \"originalPartnerReferenceNo\": "
                        + "\"OrdNo20250807095315\", \"originalReferenceNo\": \"_YOUR_TRANSACTION_ID\", \"serviceCode\": "
                        + "\"54\", \"transactionDate\": \"20250807095315\", \"amount\": {\"value\": \"1.00\", \"currency\": "
                        + "\"IDR\"}, \"additionalInfo\": {}}");
        assertSameJson(EwalletRefundRequest.builder().partnerRefundNo("RefundNo20250812171542").merchantId(KEY)
                        .originalPartnerReferenceNo("OrdNo20250812171542").originalReferenceNo(KEY)
                        .externalStoreId("NICEPAY").reason("Testing Refund OVOE SNAP").refundAmount(Amount.idr("1.00"))
                        .additionalInfo(EwalletRefundRequest.AdditionalInfo.builder().build()).build(),
                "{\"partnerRefundNo\": \"RefundNo20250812171542\", \"merchantId\": \"_YOUR_CLIENT_KEY\", "
                        + "\"subMerchantId\": \"\", \"originalPartnerReferenceNo\": \"OrdNo20250812171542\", "
                        + "\"originalReferenceNo\": \"_YOUR_CLIENT_KEY\", \"externalStoreId\": \"NICEPAY\", \"reason\": "
                        + "\"Testing Refund OVOE SNAP\", \"refundAmount\": {\"value\": \"1.00\", \"currency\": \"IDR\"}, "
                        + "\"additionalInfo\": {\"refundType\": \"1\"}}");
    }

    @Test
    void payout_registration_decisions_status_and_balance() throws Exception {
        assertSameJson(PayoutRegistrationRequest.builder().partnerReferenceNo("OrdNo20241114015744").merchantId(KEY)
                        .beneficiaryAccountNo("5930696651").beneficiaryPhone("08123456789").beneficiaryName("John Doe")
                        .beneficiaryCustomerResidence("1").beneficiaryCustomerType("1").beneficiaryPostalCode("10200")
                        .beneficiaryBankCode("CENA").beneficiaryPOE("South Jakarta").beneficiaryDOE("220101")
                        .beneficiaryCoNo("12345JP").beneficiaryAddress("Jln. Raya Kasablanka Kav.88")
                        .beneficiaryAuthPhoneNumber("081623516151725XXX").beneficiaryMerCategory("01")
                        .beneficiaryCoMgmtName("John Doe").payoutMethod("1").deliveryNm("Merchant's Name")
                        .amount(Amount.idr("10001.00")).build(),
                "{\"partnerReferenceNo\": \"OrdNo20241114015744\", \"merchantId\": \"_YOUR_CLIENT_KEY\", \"msId\": \"\", "
                        + "\"beneficiaryAccountNo\": \"5930696651\", \"beneficiaryPhone\": \"08123456789\", "
                        + "\"beneficiaryName\": \"John Doe\", \"beneficiaryCustomerResidence\": \"1\", "
                        + "\"beneficiaryCustomerType\": \"1\", \"beneficiaryPostalCode\": \"10200\", "
                        + "\"beneficiaryBankCode\": \"CENA\", \"beneficiaryPOE\": \"South Jakarta\", \"beneficiaryDOE\": "
                        + "\"220101\", \"beneficiaryCoNo\": \"12345JP\", \"beneficiaryAddress\": "
                        + "\"Jln. Raya Kasablanka Kav.88\", \"beneficiaryAuthPhoneNumber\": \"081623516151725XXX\", "
                        + "\"beneficiaryMerCategory\": \"01\", \"beneficiaryCoMgmtName\": \"John Doe\", "
                        + "\"beneficiaryCoShName\": \"\", \"payoutMethod\": \"1\", \"reservedDt\": \"\", \"reservedTm\": "
                        + "\"\", \"deliveryId\": \"\", \"deliveryNm\": \"Merchant's Name\", \"amount\": {\"value\": "
                        + "\"10001.00\", \"currency\": \"IDR\"}}");
        assertSameJson(PayoutRequest.builder().originalPartnerReferenceNo("OrdNo20241114015744")
                        .originalReferenceNo("_YOUR_TRANSACTION_ID").merchantId(KEY).build(),
                "{\"originalPartnerReferenceNo\": \"OrdNo20241114015744\", \"originalReferenceNo\": "
                        + "\"_YOUR_TRANSACTION_ID\", \"merchantId\": \"_YOUR_CLIENT_KEY\"}");
        assertSameJson(PayoutStatusRequest.builder().merchantId(KEY).originalPartnerReferenceNo("OrdNo20241114015744")
                        .originalReferenceNo("_YOUR_TRANSACTION_ID").beneficiaryAccountNo("5345000060").build(),
                "{\"merchantId\": \"_YOUR_CLIENT_KEY\", \"originalPartnerReferenceNo\": \"OrdNo20241114015744\", "
                        + "\"originalReferenceNo\": \"_YOUR_TRANSACTION_ID\", \"beneficiaryAccountNo\": \"5345000060\"}");
        assertSameJson(BalanceInquiryRequest.builder().accountNo("")
                        .additionalInfo(BalanceInquiryRequest.AdditionalInfo.builder().build()).build(),
                "{\"accountNo\": \"\", \"additionalInfo\": {\"msId\": \"\"}}");
    }
}
