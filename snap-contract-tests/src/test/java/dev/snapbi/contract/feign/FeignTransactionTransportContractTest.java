package dev.snapbi.contract.feign;

import dev.snapbi.adapter.feign.transaction.FeignTransactionTransport;
import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.testing.tck.TransactionTransportContract;
import dev.snapbi.testing.tck.TransportSettings;

/**
 * The Feign adapter keeps the transactional port's contract, as the JDK adapter does (snap-adapter-jdk): the same
 * TCK, the same sandbox, the same raw-socket faults and the same independent HMAC check.
 */
class FeignTransactionTransportContractTest extends TransactionTransportContract {

    @Override
    protected TransactionTransport createTransport(TransportSettings settings) {
        return FeignTransactionTransport.builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .bodyTimeout(settings.readTimeout())     // the TCK's one deadline covers headers and the whole body
                .maxBodyBytes(settings.maxBodyBytes())
                .build();
    }
}
