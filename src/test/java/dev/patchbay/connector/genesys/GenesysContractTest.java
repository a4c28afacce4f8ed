package dev.patchbay.connector.genesys;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorContract;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** The Genesys Cloud connector against the Genesys Cloud sandbox over real HTTP. */
@QuarkusTest
class GenesysContractTest extends ConnectorContract {

    @Inject
    GenesysConnectorFactory factory;

    private Connector connector;

    @BeforeEach
    void sandbox() {
        GenesysSandbox.reset();
        connector = factory.connect("contract-genesys", GenesysSandbox.settings());
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected CallContext context() {
        return new CallContext("contract-genesys", GenesysSandbox.settings(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com",
                SeatField.DISPLAY_NAME, "Contract Tester", SeatField.EMAIL, userName + "@example.com"));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.QUEUES, Set.of("Support", "Sales"));
    }
}
