package dev.patchbay.connector.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void twoHundredFiftyMembersGoInCallsOfAtMostOneHundred() {
        ArrayNode members = GenesysHttp.JSON.createArrayNode();
        IntStream.range(0, 250).forEach(i -> members.addObject().put("id", "user-" + i));
        List<ArrayNode> chunks = GenesysRouting.chunks(members, GenesysRouting.MEMBERS_PER_CALL);
        assertEquals(List.of(100, 100, 50), chunks.stream().map(ArrayNode::size).toList());
        assertEquals("user-100", chunks.get(1).get(0).path("id").asText(), "order is kept");
        assertEquals(List.of(), GenesysRouting.chunks(GenesysHttp.JSON.createArrayNode(), 50));
    }
}
