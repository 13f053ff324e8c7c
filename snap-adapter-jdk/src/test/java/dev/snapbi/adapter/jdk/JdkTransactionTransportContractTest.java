package dev.snapbi.adapter.jdk;

import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.testing.tck.TransactionTransportContract;
import dev.snapbi.testing.tck.TransportSettings;

/** The JDK adapter keeps the transactional port's contract. */
class JdkTransactionTransportContractTest extends TransactionTransportContract {

    @Override
    protected TransactionTransport createTransport(TransportSettings settings) {
        return JdkTransactionTransport.builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .maxBodyBytes(settings.maxBodyBytes())
                .build();
    }
}
