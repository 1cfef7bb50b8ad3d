package io.aether.api.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.web.CsvCells;
import io.aether.domain.actor.Actor;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.query.eventlog.EventLogQueries;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Writes a filtered range of the audit log as NDJSON or CSV while it is read: each row goes from
 * the JDBC cursor ({@link EventLogQueries#export}, a fetch size inside a read-only transaction)
 * through one entry object to the response, so memory stays flat however many events match.
 */
@Component
class EventExports {
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final String CSV_HEADER =
            "position,event_id,aggregate_type,aggregate_id,version,event_type,revision,"
                    + "timestamp,actor_type,actor_id,actor_name,label,correlation_id,causation_id,payload\r\n";

    /** The export formats and what they are sent as. */
    enum Format {
        NDJSON("application/x-ndjson", "ndjson"),
        CSV("text/csv;charset=UTF-8", "csv");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return NDJSON;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "ndjson" -> NDJSON;
                case "csv" -> CSV;
                default -> throw ApiException.badRequest("'format' must be ndjson or csv");
            };
        }
    }

    private final EventLogQueries queries;
    private final ObjectMapper mapper;

    EventExports(EventLogQueries queries, ObjectMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    void write(EventLogRequest request, Format format, OutputStream response) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(response, BUFFER_BYTES);
        if (format == Format.CSV) {
            out.write(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
        }
        Consumer<EventLogEntry> sink = format == Format.CSV ? entry -> csv(out, entry) : entry -> ndjson(out, entry);
        try {
            queries.export(request.filter(), request.after(), request.before(), request.newestFirst(), sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private void ndjson(OutputStream out, EventLogEntry entry) {
        try {
            out.write(mapper.writeValueAsBytes(EventLogResponses.Entry.of(entry)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(OutputStream out, EventLogEntry entry) {
        Actor actor = entry.actor();
        StringBuilder line = new StringBuilder(256);
        line.append(entry.position()).append(',');
        field(line, entry.eventId());
        field(line, entry.aggregateType());
        field(line, entry.aggregateId());
        line.append(entry.version()).append(',');
        field(line, entry.eventType());
        field(line, entry.revision());
        field(line, entry.timestamp().toString());
        field(line, actor == null ? null : actor.type().wire());
        field(line, actor == null ? null : actor.id());
        field(line, actor == null ? null : actor.name());
        field(line, entry.label());
        field(line, entry.correlationId());
        field(line, entry.causationId());
        try {
            line.append(CsvCells.cell(mapper.writeValueAsString(entry.payload())));
            line.append("\r\n");
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a payload as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(StringBuilder line, String value) {
        if (value != null) {
            line.append(CsvCells.cell(value));
        }
        line.append(',');
    }
}
