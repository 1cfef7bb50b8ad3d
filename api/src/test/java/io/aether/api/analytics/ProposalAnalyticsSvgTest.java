package io.aether.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.domain.analytics.query.ProposalAnalytics;
import io.aether.domain.analytics.query.ProposalAnalytics.Bucket;
import io.aether.domain.analytics.query.ProposalAnalytics.Funnel;
import io.aether.domain.analytics.query.ProposalAnalytics.LeadTime;
import io.aether.domain.analytics.query.ProposalAnalytics.LeadTimes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The hand-written SVG: escaped text, and well-formed whatever the numbers (none, one bucket, gaps). */
class ProposalAnalyticsSvgTest {

    @Test
    void escapesEveryMarkupCharacter() {
        assertThat(ProposalAnalyticsSvg.escape("<a href=\"x\">'&'</a>\u0001"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt; ");
    }

    @Test
    void drawsWellFormedDocumentsForEmptyAndSparseSeries() throws Exception {
        LeadTimes none = new LeadTimes(new LeadTime(0, null, null), new LeadTime(0, null, null));
        LeadTimes some = new LeadTimes(new LeadTime(2, 12.5, 30.0), new LeadTime(1, 4.0, 4.0));
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-01-04T00:00:00Z");
        for (List<Bucket> buckets : List.of(
                List.<Bucket>of(),
                List.of(new Bucket(LocalDate.parse("2026-01-01"), Map.of("created", 2L), some)),
                List.of(
                        new Bucket(LocalDate.parse("2026-01-01"), Map.of(), some),
                        new Bucket(LocalDate.parse("2026-01-02"), Map.of(), none),
                        new Bucket(LocalDate.parse("2026-01-03"), Map.of(), some)))) {
            ProposalAnalytics analytics =
                    new ProposalAnalytics(from, to, "day", new Funnel(2, 2, 0, 1, 0), some, 1, 0, 0.0, 0.0, buckets);
            Document svg = parse(ProposalAnalyticsSvg.render(analytics));
            assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getTextContent()).contains("p50 12.5 s", "deploy failure rate 0.0%");
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
