package org.painladder.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A chart's data for a {@code <script type="application/json">} block: the page's script draws it, a browser test
 * reads it. Escaping {@code <} keeps any text in it from closing the block.
 */
final class ChartData {

    private ChartData() {
    }

    static String json(ObjectMapper objectMapper, Object chart) throws JsonProcessingException {
        return objectMapper.writeValueAsString(chart).replace("<", "\\u003c");
    }
}
