package io.aether.api.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.web.CsvCells;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/v1/events/export in both formats: the list's entries, as a download. */
class EventExportTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ndjsonHoldsOneEntryPerLineLikeTheList() throws Exception {
        String id = createApproved();
        Http.Response export = http.get("/api/v1/events/export?format=ndjson&order=oldest&aggregate_id=" + id);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"aether-events.ndjson\"");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode list = http.get("/api/v1/events?order=oldest&aggregate_id=" + id)
                .json()
                .get("items");
        assertThat(JSON.readTree(lines[0])).isEqualTo(list.get(0));
        assertThat(JSON.readTree(lines[1])).isEqualTo(list.get(1));

        String newest = http.get("/api/v1/events/export?aggregate_id=" + id).body();
        assertThat(JSON.readTree(newest.split("\n")[0]).get("event_type").asText())
                .isEqualTo("ProposalApproved");
    }

    @Test
    void csvHasAHeaderAndQuotesWhatNeedsQuoting() throws Exception {
        String id = create("""
                {"name": "Quotes, commas and\\nlines", "description": "say \\"hi\\"",
                 "trigger": [{"trigger": "sun", "event": "sunset"}],
                 "actions": [{"action": "light.turn_on"}]}""");
        http.post("/api/v1/proposals/" + id + "/approve", "{\"approved_by\": \"Smith, \\\"J\\\"\"}");
        Http.Response export = http.get("/api/v1/events/export?format=csv&order=oldest&aggregate_id=" + id);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"aether-events.csv\"");
        List<List<String>> rows = parseCsv(export.body());
        assertThat(rows.get(0))
                .containsExactly(
                        "position",
                        "event_id",
                        "aggregate_type",
                        "aggregate_id",
                        "version",
                        "event_type",
                        "revision",
                        "timestamp",
                        "actor_type",
                        "actor_id",
                        "actor_name",
                        "label",
                        "correlation_id",
                        "causation_id",
                        "payload");
        assertThat(rows).hasSize(3);
        JsonNode list = http.get("/api/v1/events?order=oldest&aggregate_id=" + id)
                .json()
                .get("items");
        for (int i = 0; i < 2; i++) {
            List<String> row = rows.get(i + 1);
            JsonNode entry = list.get(i);
            assertThat(row).hasSize(15);
            assertThat(row.get(0)).isEqualTo(entry.get("position").asText());
            assertThat(row.get(3)).isEqualTo(id);
            assertThat(row.get(4)).isEqualTo(entry.get("version").asText());
            assertThat(row.get(5)).isEqualTo(entry.get("event_type").asText());
            assertThat(row.get(8)).isEqualTo("user");
            assertThat(JSON.readTree(row.get(14))).isEqualTo(entry.get("payload"));
        }
        assertThat(rows.get(2).get(11)).isEqualTo("Smith, \"J\"");
        assertThat(JSON.readTree(rows.get(1).get(14)).get("content").get("name").asText())
                .isEqualTo("Quotes, commas and\nlines");
    }

    @Test
    void csvNeutralisesCellsASpreadsheetWouldEvaluate() throws Exception {
        String id = create(AUTOMATION);
        String formula = "=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")";
        http.post("/api/v1/proposals/" + id + "/approve", "{\"approved_by\": \"" + formula + "\"}");
        Http.Response export = http.get("/api/v1/events/export?format=csv&order=oldest&aggregate_id=" + id);
        List<List<String>> rows = parseCsv(export.body());
        assertThat(rows).hasSize(3);
        String label = rows.get(2).get(11);
        assertThat(label).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(export.body()).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void everyFormulaPrefixGetsASingleQuote() {
        for (String prefix : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvCells.neutralised(prefix + "1+1")).isEqualTo("'" + prefix + "1+1");
        }
        assertThat(CsvCells.neutralised("plain -1")).isEqualTo("plain -1");
        assertThat(CsvCells.neutralised("")).isEmpty();
        assertThat(CsvCells.cell("-1,2")).isEqualTo("\"'-1,2\"");
        assertThat(CsvCells.cell("\r\n=1")).isEqualTo("\"'\r\n=1\"");
    }

    /** RFC 4180, strictly: quoted fields may hold commas, doubled quotes and line breaks; rows end in CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("text after the last CRLF").isEmpty();
        return rows;
    }
}
